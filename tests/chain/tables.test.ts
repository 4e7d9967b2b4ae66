import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { RareEarthsError, stageShares, stageTable } from '../../src/index.js';
import { tinyDataset } from './helpers.js';

describe('stageTable: which table answers a request', () => {
  const data = tinyDataset();

  test('the newest source is the default; older ones stay reachable', () => {
    const table = stageTable(data, { stage: 'mining', year: 2024 });
    expect(table.source.id).toBe('new');
    expect(table.alternatives).toEqual([{ source: 'old', year: 2024 }]);
    expect(table.basis).toBe('quantities');
    expect(table.total?.amount).toBe('360');
    expect(table.rows.map((r) => [r.country, r.share])).toEqual([
      ['CHN', 0.75],
      ['USA', 0.125],
      ['AUS', 30 / 360],
      ['other', 15 / 360],
    ]);
    expect(table.residualShare).toBeCloseTo(15 / 360, 15);
    expect(stageTable(data, { stage: 'mining', year: 2024, source: 'old' }).rows[0]).toEqual({
      country: 'CHN',
      share: 0.8,
      quantity: { amount: '240', unit: 't', basis: 'REO' },
    });
  });

  test('a table scoped to the element is preferred over a total', () => {
    expect(stageTable(data, { stage: 'separation', year: 2023 }).source.id).toBe('new');
    const nd = stageTable(data, { stage: 'separation', year: 2023, element: 'Nd' });
    expect(nd.source.id).toBe('eu');
    expect(nd.elements).toEqual(['La', 'Ce', 'Pr', 'Nd', 'Sm']);
    expect(nd.publishedShareSum).toBeCloseTo(1.004, 12);
    expect(nd.rows.map((r) => r.country)).toEqual(['CHN', 'MYS', 'other']);
    expect(nd.rows[0]?.share).toBeCloseTo(0.849 / 1.004, 12);
    // Dy is outside the EU table's scope: only the total applies.
    expect(stageTable(data, { stage: 'separation', year: 2023, element: 'Dy' }).source.id).toBe(
      'new',
    );
  });

  test('published shares below 1 get an explicit remainder', () => {
    const table = stageTable(data, { stage: 'separation', year: 2023 });
    expect(table.rows).toEqual([
      { country: 'CHN', share: 0.92 },
      { country: 'other', share: 0.07999999999999996 },
    ]);
    expect(table.note).toContain("the remainder is shown as 'other'");
  });

  test("yearMatch 'latest' takes the latest year at or before the request", () => {
    expect(stageTable(data, { stage: 'mining', year: 2023, yearMatch: 'latest' }).year).toBe(2022);
    expect(stageTable(data, { stage: 'separation', year: 2030, yearMatch: 'latest' }).year).toBe(
      2023,
    );
  });

  test('a year without data is a not-found error listing the years that have data', () => {
    let caught: unknown;
    try {
      stageTable(data, { stage: 'mining', year: 2023 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RareEarthsError);
    expect((caught as RareEarthsError).code).toBe('not-found');
    expect((caught as RareEarthsError).message).toBe(
      'stageTable: options.year: expected a year with production at the mining stage (all rare earths) (2022, 2024), got 2023',
    );
    expect(() => stageTable(data, { stage: 'metal', year: 2024 })).toThrow(
      'stageTable: options.year: expected a year with data, but the dataset has no production at the metal stage (all rare earths)',
    );
  });

  test('bad options are refused with their path', () => {
    expect(() => stageTable(data, { stage: 'refining' as 'mining', year: 2024 })).toThrow(
      "stageTable: options.stage: expected 'mining', 'separation', 'metal' or 'magnet', got \"refining\"",
    );
    expect(() => stageTable(data, { stage: 'mining', year: 2024.5 })).toThrow(
      'stageTable: options.year: expected an integer of at least 1900, got 2024.5',
    );
    expect(() => stageTable(data, { stage: 'mining', year: 2024, source: 'usgs' })).toThrow(
      'stageTable: options.source: expected the id of a source of the dataset, got "usgs"',
    );
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, measure: 'output' as 'production' }),
    ).toThrow('stageTable: options.measure');
    expect(() =>
      stageTable(data, { stage: 'mining', year: 2024, yearMatch: 'nearest' as 'exact' }),
    ).toThrow('stageTable: options.yearMatch');
    expect(() => stageTable(data, null as never)).toThrow(
      'stageTable: options: expected an options object { stage, year }, got null',
    );
  });

  test('stageShares is the table as a record summing to 1, and never mutates the dataset', () => {
    const before = JSON.stringify(data);
    const shares = stageShares(data, { stage: 'mining', year: 2024 });
    expect(Object.keys(shares)).toEqual(['CHN', 'USA', 'AUS', 'other']);
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('stageTable on the baseline', () => {
  test('mining 2024 is MCS 2026, computed from its quantities', () => {
    // USGS MCS 2026 p. 152: China 270,000 t REO of rows summing to 384,000 t (world "380,000", rounded).
    const table = stageTable(baseline, { stage: 'mining', year: 2024 });
    expect(table.source.id).toBe('usgs-mcs-2026');
    expect(table.total?.amount).toBe('384000');
    expect(table.rows[0]).toMatchObject({ country: 'CHN', share: 0.703125 });
    expect(table.alternatives.map((a) => a.source)).toContain('usgs-mcs-2025');
  });

  test('separation and magnet 2024 are the IEA shares', () => {
    // IEA commentary of 23 October 2025: China 91% of separation, 94% of magnet manufacturing.
    expect(stageShares(baseline, { stage: 'separation', year: 2024 }).CHN).toBeCloseTo(0.91, 12);
    expect(stageShares(baseline, { stage: 'magnet', year: 2024 }).CHN).toBeCloseTo(0.94, 12);
  });
});
