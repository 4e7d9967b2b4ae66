import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { controlVsLocation, type Dataset, type Facility, type Stage } from '../../src/index.js';

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
      controlVsLocation(baseline, { stage: 'smelting' as 'mining', year: 2024 }),
    ).toThrow(
      "controlVsLocation: options.stage: expected a stage: 'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet', got \"smelting\"",
    );
    // 'refining' is separation (issue 15, finding 10)
    expect(controlVsLocation(baseline, { stage: 'refining', year: 2024 })).toEqual(
      controlVsLocation(baseline, { stage: 'separation', year: 2024 }),
    );
    expect(() =>
      controlVsLocation(baseline, { stage: 'mining', year: 2024, measure: 'tonnes' as 'output' }),
    ).toThrow(
      "controlVsLocation: options.measure: expected 'output' or 'capacity', got \"tonnes\"",
    );
    expect(() => controlVsLocation(baseline, { stage: 'mining', year: 1 })).toThrow(
      'controlVsLocation: options.year',
    );
    expect(() => controlVsLocation(baseline, undefined as never)).toThrow(
      'controlVsLocation: options: expected an options object { stage, year }',
    );
  });
});

describe('controlVsLocation on hand-built facilities (answers known by hand)', () => {
  const reported = { source: 's', tag: 'reported' as const };
  const figure = (amount: number, year?: number) => ({
    ...(year === undefined ? {} : { year }),
    quantity: { amount, unit: 't' as const, basis: 'REO' as const },
    provenance: reported,
  });
  const owner = (homeCountry: string, stake: number) => ({
    name: `${homeCountry} owner`,
    homeCountry,
    stake,
  });
  const facility = (
    id: string,
    country: string,
    stage: Stage,
    extra: Partial<Facility>,
  ): Facility => ({
    id,
    name: id,
    country,
    stage,
    status: 'producing',
    provenance: reported,
    ...extra,
  });
  const dataset = (facilities: Facility[]): Dataset => ({
    schemaVersion: 1,
    name: 'control',
    sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
    countries: [],
    facilities,
  });
  const data = dataset([
    facility('sep-fra', 'FRA', 'separation', {
      output: [figure(100, 2024)],
      owners: [owner('FRA', 1)],
    }),
    facility('sep-mys', 'MYS', 'separation', {
      output: [figure(300, 2024)],
      owners: [owner('AUS', 0.5), owner('JPN', 0.5)],
    }),
    // Idle in 2024: an output of 0 gives no weight.
    facility('sep-idle', 'USA', 'separation', {
      output: [figure(0, 2024)],
      owners: [owner('USA', 1)],
    }),
    // Output for 2023 only: no output for 2024; an undated capacity of 800 t.
    facility('sep-old', 'CHN', 'separation', {
      output: [figure(500, 2023)],
      capacity: [figure(800)],
      owners: [owner('CHN', 1)],
    }),
    // Stakes within 1e-9 of 1 leave no unknown remainder.
    facility('sep-cap', 'EST', 'separation', {
      capacity: [figure(200, 2022)],
      owners: [owner('CAN', 1 - 1e-9)],
    }),
    facility('metal-vnm', 'VNM', 'metal', {
      output: [figure(50, 2024)],
      owners: [owner('KOR', 1)],
    }),
    facility('magnet-jpn', 'JPN', 'magnet', {
      output: [figure(10, 2024)],
      owners: [owner('JPN', 0.4)],
    }),
  ]);

  test('output in the year: only facilities with a positive output count, shares largest first', () => {
    const result = controlVsLocation(data, { stage: 'separation', year: 2024 });
    expect(result.measure).toBe('output');
    // Counted: sep-fra 100 t and sep-mys 300 t (total 400). Location: MYS 0.75, FRA 0.25.
    expect(result.byLocation).toEqual({ MYS: 0.75, FRA: 0.25 });
    expect(Object.keys(result.byLocation)).toEqual(['MYS', 'FRA']);
    // Control: FRA 100, AUS 150, JPN 150 of 400; fully assigned, so no 'unknown'.
    expect(result.byControl).toEqual({ AUS: 0.375, JPN: 0.375, FRA: 0.25 });
    expect(Object.keys(result.byControl)).toEqual(['AUS', 'JPN', 'FRA']);
    // HHI: 0.75² + 0.25² = 0.625; 2 × 0.375² + 0.25² = 0.34375.
    expect(result.hhiLocation).toBeCloseTo(0.625, 15);
    expect(result.hhiControl).toBeCloseTo(0.34375, 15);
    expect(result.facilities).toEqual([
      { id: 'sep-fra', country: 'FRA', weight: 100, owners: [{ homeCountry: 'FRA', stake: 1 }] },
      {
        id: 'sep-mys',
        country: 'MYS',
        weight: 300,
        owners: [
          { homeCountry: 'AUS', stake: 0.5 },
          { homeCountry: 'JPN', stake: 0.5 },
        ],
      },
    ]);
    expect(result.note).toBe(
      "2 of the dataset's 5 separation facilities have output for 2024; shares describe those facilities, not the whole stage.",
    );
  });

  test("measure 'capacity': the latest capacity at or before the year", () => {
    const result = controlVsLocation(data, {
      stage: 'separation',
      year: 2024,
      measure: 'capacity',
    });
    expect(result.measure).toBe('capacity');
    // Counted: sep-old 800 t (undated) and sep-cap 200 t (2022). Location: CHN 0.8, EST 0.2.
    expect(result.byLocation).toEqual({ CHN: 0.8, EST: 0.2 });
    // Control: CHN 800, CAN 200 × (1 − 1e-9); no 'unknown' remainder.
    expect(Object.keys(result.byControl)).toEqual(['CHN', 'CAN']);
    expect(result.byControl.CHN).toBeCloseTo(0.8, 8);
    expect(result.byControl.CAN).toBeCloseTo(0.2, 8);
    expect(result.facilities.map((f) => [f.id, f.weight])).toEqual([
      ['sep-old', 800],
      ['sep-cap', 200],
    ]);
  });

  test('output of an earlier year does not count as output for the year', () => {
    const old = dataset([
      facility('sep-old', 'CHN', 'separation', {
        output: [figure(500, 2023)],
        capacity: [figure(800)],
      }),
    ]);
    // No facility has output for 2024, so the default measure is capacity: 800 t, owner unknown.
    const result = controlVsLocation(old, { stage: 'separation', year: 2024 });
    expect(result.measure).toBe('capacity');
    expect(result.facilities).toEqual([{ id: 'sep-old', country: 'CHN', weight: 800, owners: [] }]);
    expect(result.byControl).toEqual({ unknown: 1 });
    // Unknown stakes count as many small owners: they add nothing to the HHI.
    expect(result.hhiControl).toBe(0);
  });

  test('the metal and magnet stages', () => {
    const metal = controlVsLocation(data, { stage: 'metal', year: 2024 });
    expect(metal.byLocation).toEqual({ VNM: 1 });
    expect(metal.byControl).toEqual({ KOR: 1 });
    expect(metal.hhiControl).toBe(1);
    const magnet = controlVsLocation(data, { stage: 'magnet', year: 2024 });
    // JPN holds 0.4 of the one magnet plant; 0.6 is unknown and left out of the HHI (0.4²).
    expect(magnet.byControl).toEqual({ unknown: 0.6, JPN: 0.4 });
    expect(magnet.hhiControl).toBeCloseTo(0.16, 15);
    expect(magnet.note).toBe(
      "1 of the dataset's 1 magnet facilities have output for 2024; shares describe those facilities, not the whole stage.",
    );
  });

  test('five equal owners give an HHI of exactly 1/5', () => {
    const five = dataset(
      ['AUS', 'CHN', 'MMR', 'USA', 'VNM'].map((country) =>
        facility(`mine-${country}`, country, 'mining', {
          output: [figure(100, 2024)],
          owners: [owner(country, 1)],
        }),
      ),
    );
    const result = controlVsLocation(five, { stage: 'mining', year: 2024 });
    expect(result.hhiLocation).toBe(0.2);
    expect(result.hhiControl).toBe(0.2);
  });
});
