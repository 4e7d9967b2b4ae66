// Owners at the boundary: a stake may be absent (a sourced owner without a published stake), and
// an indirect stake names the owner it is held through.
import { describe, expect, test } from 'vitest';
import { type Owner, safeParseDataset } from '../../src/index.js';

function withOwners(owners: unknown): unknown {
  return {
    schemaVersion: 1,
    name: 'owners',
    sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
    countries: [
      { code: 'AUS', name: 'Australia' },
      { code: 'CHN', name: 'China' },
    ],
    deposits: [
      {
        id: 'd',
        name: 'D',
        country: 'AUS',
        type: 'carbonatite',
        status: 'producing',
        owners,
        provenance: { source: 's', tag: 'reported' },
      },
    ],
  };
}

function messages(json: unknown): string {
  const result = safeParseDataset(json);
  return result.success ? '' : result.error.message;
}

describe('owners', () => {
  test('an owner without a stake and an indirect stake are valid', () => {
    const owners: Owner[] = [
      { name: 'Parent', homeCountry: 'AUS', stake: 0.9 },
      { name: 'Holder', homeCountry: 'CHN', stake: 0.5, via: 'Parent' },
      { name: 'Unpublished', homeCountry: 'AUS', via: 'Parent' },
      { name: 'Partner', homeCountry: 'CHN' },
    ];
    expect(safeParseDataset(withOwners(owners)).success).toBe(true);
  });

  test('indirect stakes do not count against the direct stakes of the asset', () => {
    // Direct 0.9 + 0.1 = 1; the 0.5 held through Parent is a fraction of Parent's equity.
    const owners: Owner[] = [
      { name: 'Parent', homeCountry: 'AUS', stake: 0.9 },
      { name: 'Other', homeCountry: 'AUS', stake: 0.1 },
      { name: 'Holder', homeCountry: 'CHN', stake: 0.5, via: 'Parent' },
    ];
    expect(safeParseDataset(withOwners(owners)).success).toBe(true);
  });

  test('via must name a direct owner of the same list', () => {
    expect(
      messages(withOwners([{ name: 'Holder', homeCountry: 'CHN', stake: 0.1, via: 'Nobody' }])),
    ).toContain(
      'deposits[0].owners[0].via: expected the name of a direct owner in the same list, got "Nobody"',
    );
  });

  test('stakes held through one owner sum to at most 1', () => {
    expect(
      messages(
        withOwners([
          { name: 'Parent', homeCountry: 'AUS', stake: 1 },
          { name: 'A', homeCountry: 'CHN', stake: 0.7, via: 'Parent' },
          { name: 'B', homeCountry: 'CHN', stake: 0.4, via: 'Parent' },
        ]),
      ),
    ).toContain(
      'deposits[0].owners: expected stakes held through "Parent" summing to at most 1, got 1.1',
    );
  });

  test('a stake is still a fraction when given', () => {
    expect(messages(withOwners([{ name: 'A', homeCountry: 'AUS', stake: 1.5 }]))).toMatch(
      /deposits\[0\]\.owners\[0\]\.stake: expected a fraction between 0 and 1/,
    );
  });
});
