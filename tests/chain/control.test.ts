import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { controlVsLocation, type Dataset } from '../../src/index.js';

describe('controlVsLocation', () => {
  test('2024 separation output: Lynas Malaysia is Malaysian by location, Australian by control', () => {
    // Output 2024: Lynas Malaysia 5,655 t (Lynas FY2025), Mountain Pass 1,294 t NdPr (MP Q4 2024).
    const result = controlVsLocation(baseline, { stage: 'separation', year: 2024 });
    expect(result.measure).toBe('output');
    expect(result.byLocation.MYS).toBeCloseTo(5655 / 6949, 12);
    expect(result.byControl.AUS).toBeCloseTo(5655 / 6949, 12);
    expect(result.byControl.MYS).toBeUndefined();
    expect(result.hhiLocation).toBeCloseTo((5655 / 6949) ** 2 + (1294 / 6949) ** 2, 12);
    expect(result.note).toMatch(
      /^2 of the dataset's \d+ separation facilities have output for 2024/,
    );
  });

  test('capacity weights and unknown stakes', () => {
    const data: Dataset = {
      schemaVersion: 1,
      name: 'owners',
      sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
      countries: ['MYS', 'AUS', 'JPN', 'FRA'].map((code) => ({ code, name: code })),
      facilities: [
        {
          id: 'a',
          name: 'A',
          country: 'MYS',
          stage: 'separation',
          status: 'producing',
          owners: [
            { name: 'X', homeCountry: 'AUS', stake: 0.6 },
            { name: 'Y', homeCountry: 'JPN', stake: 0.2 },
          ],
          capacity: [
            {
              quantity: { amount: 300, unit: 't', basis: 'REO' },
              provenance: { source: 's', tag: 'reported' },
            },
          ],
          provenance: { source: 's', tag: 'reported' },
        },
        {
          id: 'b',
          name: 'B',
          country: 'FRA',
          stage: 'separation',
          status: 'producing',
          capacity: [
            {
              year: 2030,
              quantity: { amount: 900, unit: 't', basis: 'REO' },
              provenance: { source: 's', tag: 'reported' },
            },
            {
              year: 2020,
              quantity: { amount: 100, unit: 't', basis: 'REO' },
              provenance: { source: 's', tag: 'reported' },
            },
          ],
          provenance: { source: 's', tag: 'reported' },
        },
      ],
    };
    const result = controlVsLocation(data, { stage: 'separation', year: 2025 });
    expect(result.measure).toBe('capacity');
    expect(result.byLocation).toEqual({ MYS: 0.75, FRA: 0.25 });
    // Unknown: 20% of A (60 t) and all of B (100 t) = 160 of 400.
    expect(result.byControl).toEqual({ AUS: 0.45, unknown: 0.4, JPN: expect.closeTo(0.15, 15) });
    expect(result.hhiControl).toBeCloseTo(0.45 ** 2 + 0.15 ** 2, 12);
    expect(() =>
      controlVsLocation(data, { stage: 'separation', year: 2025, measure: 'output' }),
    ).toThrow(
      'controlVsLocation: options: expected facilities of the separation stage with output for 2025, got an object',
    );
  });

  test('bad options', () => {
    expect(() =>
      controlVsLocation(baseline, { stage: 'refining' as 'mining', year: 2024 }),
    ).toThrow(
      "controlVsLocation: options.stage: expected 'mining', 'separation', 'metal' or 'magnet', got \"refining\"",
    );
    expect(() =>
      controlVsLocation(baseline, { stage: 'mining', year: 2024, measure: 'tonnes' as 'output' }),
    ).toThrow('controlVsLocation: options.measure');
    expect(() => controlVsLocation(baseline, { stage: 'mining', year: 1 })).toThrow(
      'controlVsLocation: options.year',
    );
    expect(() => controlVsLocation(baseline, undefined as never)).toThrow(
      'controlVsLocation: options: expected an options object { stage, year }',
    );
  });
});
