// controlVsLocation and controlAbroad. Expected values are computed by hand (exact fractions in
// python3's fractions.Fraction, shown in the comments) from the rows and stakes of the data.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  controlAbroad,
  controlVsLocation,
  type Dataset,
  type Facility,
  type Owner,
  type Stage,
  type StageOutput,
} from '../../src/index.js';
import { refusal } from '../support/refusal.js';

const sum = (record: Readonly<Record<string, number>>) =>
  Object.values(record).reduce((a, b) => a + b, 0);

describe('controlVsLocation on the baseline', () => {
  test('the magnet stage no longer fails for 2024 (issue 15, finding 9)', () => {
    // On a05b628 this threw "controlVsLocation: options: expected facilities of the magnet stage
    // with output for 2024, got an object". Now the stage's own table answers: IEA commentary
    // 2025, China 94% of magnet making; no magnet facility has output, so control is unknown.
    const magnet = controlVsLocation(baseline, { stage: 'magnet', year: 2024, measure: 'output' });
    expect(magnet.scope).toBe('stage');
    expect(magnet.table).toEqual({ source: 'iea-commentary-2025-10', year: 2024, basis: 'shares' });
    expect(magnet.byLocation).toEqual({ CHN: 0.94, other: expect.closeTo(0.06, 12) });
    expect(magnet.byControl).toEqual({ unknown: 1 });
    expect(magnet.coverage.unknown).toBe(1);
    expect(magnet.uncounted.map((u) => u.id)).toEqual(['mp-10x', 'neo-narva']);
    expect(magnet.assumptions.join(' ')).toMatch(/no facility's owners can be placed/);
  });

  test('with the facilities alone, the error names each magnet facility and what it lacks', () => {
    const error = refusal(() =>
      controlVsLocation(baseline, {
        stage: 'magnet',
        year: 2024,
        scope: 'facilities',
        measure: 'output',
      }),
    );
    expect(error.code).toBe('not-found');
    const index = (id: string) => (baseline.facilities ?? []).findIndex((f) => f.id === id);
    expect(error.issues).toEqual([
      {
        path: ['dataset', 'facilities', index('mp-10x')],
        message: 'expected output for 2024 from magnet facility "mp-10x": no output figures',
      },
      {
        path: ['dataset', 'facilities', index('neo-narva')],
        message:
          'expected output for 2024 from magnet facility "neo-narva": no output figures (it has capacity figures)',
      },
    ]);
    expect(error.message).toMatch(/^controlVsLocation: 2 problems:/);
    // Capacity before a plant starts is not capacity: Narva's undated phase-2 figure used to
    // count for 2024, a year before the plant opened.
    expect(
      refusal(() =>
        controlVsLocation(baseline, { stage: 'magnet', year: 2024, measure: 'capacity' }),
      ).message,
    ).toContain('magnet facility "neo-narva": starts in 2025, after 2024');
    const narva = controlVsLocation(baseline, { stage: 'magnet', year: 2025 });
    expect(narva.scope).toBe('facilities');
    expect(narva.facilities).toMatchObject([{ id: 'neo-narva', weight: 2000 }]);
    expect(narva.byControl).toEqual({ CAN: 1 });
  });

  test('2024 mining: location from USGS MCS 2026, control from the one mine with output', () => {
    // Rows sum to 384,000 t REO; China 270,000; Mountain Pass 45,455 t REO (MP, 2024 results).
    const direct = controlVsLocation(baseline, { stage: 'mining', year: 2024 });
    expect(direct.scope).toBe('stage');
    expect(direct.table).toEqual({
      source: 'usgs-mcs-2026',
      year: 2024,
      basis: 'quantities',
      total: 384000,
    });
    expect(direct.byLocation.CHN).toBeCloseTo(0.703125, 12); // 270000 / 384000
    expect(direct.byControl.USA).toBeCloseTo(0.11837239583333334, 12); // 45455 / 384000
    expect(direct.byControl.CHN).toBeUndefined();
    expect(direct.byControl.unknown).toBeCloseTo(0.8816276041666666, 12);
    expect(direct.coverage.attributed).toBeCloseTo(0.11837239583333334, 12);
    // The 45 t of the US row that Mountain Pass does not account for stays unknown.
    expect(direct.coverage.unknownByLocation.USA).toBeCloseTo(45 / 384000, 12);
    expect(direct.assumptions.join(' ')).toContain('not traced (pass lookThrough: true');

    // Traced through MP Materials: Shenghe's 8.0% (SEC 13G/A, 2020-12-31) counts for China.
    const traced = controlVsLocation(baseline, { stage: 'mining', year: 2024, lookThrough: true });
    expect(traced.byControl.CHN).toBeCloseTo(0.009469791666666666, 12); // 0.08 × 45455 / 384000
    expect(traced.byControl.USA).toBeCloseTo(0.10890260416666667, 12); // 0.92 × 45455 / 384000
    const mine = traced.facilities.find((f) => f.id === 'mountain-pass-mine');
    expect(mine?.owners).toEqual([
      {
        name: 'Shenghe Resources Holding Co., Ltd.',
        homeCountry: 'CHN',
        stake: 0.08,
        via: 'MP Materials Corp.',
        source: 'sec-13ga-shenghe-mp-2021',
        tag: 'reported',
      },
      {
        name: 'MP Materials Corp.',
        homeCountry: 'USA',
        stake: 0.92,
        source: 'mp-dod-2025',
        tag: 'reported',
      },
    ]);
    // The Department of Defense is a sourced owner without a published stake.
    expect(mine?.ownersWithoutStake).toEqual(['U.S. Department of Defense']);

    // Outside China (29.6875% of the stage), China's owners control 3.19% by sourced stakes;
    // 60.1% of that output has owners the data does not give.
    const abroad = controlAbroad(traced, 'CHN');
    expect(abroad.outside).toBeCloseTo(0.296875, 12);
    expect(abroad.controlled).toBeCloseTo(0.031898245614035085, 12);
    expect(abroad.unknown).toBeCloseTo(0.6012719298245615, 12);
    expect(abroad.others).toBeCloseTo(0.3668298245614035, 12);
    expect(abroad.assumedHost).toBe(0);
  });

  test('unknown owners go to the host only when asked, and the result says so', () => {
    const host = controlVsLocation(baseline, {
      stage: 'mining',
      year: 2024,
      unknownOwners: 'host',
    });
    expect(host.byControl.CHN).toBeCloseTo(0.703125, 12);
    expect(host.coverage.assumedHost).toBeCloseTo(1 - 45455 / 384000 - 1000 / 384000, 12);
    // The residual 'other' row (1,000 t) has no host and stays unknown.
    expect(host.byControl.unknown).toBeCloseTo(1000 / 384000, 12);
    expect(host.assumptions.join(' ')).toMatch(/attributed to its host country.*an assumption/);
    expect(controlAbroad(host, 'CHN').assumedHost).toBeCloseTo(
      (0.296875 - 45455 / 384000 - 1000 / 384000) / 0.296875,
      12,
    );
  });

  test('separation 2024: a share table places no facility; the facilities alone still answer', () => {
    const stage = controlVsLocation(baseline, { stage: 'separation', year: 2024 });
    expect(stage.byLocation).toEqual({ CHN: 0.91, other: expect.closeTo(0.09, 12) });
    expect(stage.coverage.unknown).toBe(1);
    // Output 2024: Lynas Malaysia 5,655 t (Lynas FY2025), Mountain Pass 1,294 t NdPr (MP Q4 2024).
    const plants = controlVsLocation(baseline, {
      stage: 'separation',
      year: 2024,
      scope: 'facilities',
    });
    expect(plants.measure).toBe('output');
    expect(plants.byLocation.MYS).toBeCloseTo(5655 / 6949, 12);
    expect(plants.byControl.AUS).toBeCloseTo(5655 / 6949, 12);
    expect(plants.byControl.MYS).toBeUndefined();
    expect(plants.hhiLocation).toBeCloseTo((5655 / 6949) ** 2 + (1294 / 6949) ** 2, 12);
    expect(plants.note).toMatch(
      /^2 of the dataset's \d+ separation facilities have output for 2024/,
    );
  });

  test('bad options', () => {
    expect(
      refusal(() => controlVsLocation(baseline, { stage: 'smelting' as 'mining', year: 2024 }))
        .message,
    ).toBe(
      "controlVsLocation: options.stage: expected a stage: 'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet', got \"smelting\"",
    );
    // 'refining' is separation (issue 15, finding 10)
    expect(controlVsLocation(baseline, { stage: 'refining', year: 2024 })).toEqual(
      controlVsLocation(baseline, { stage: 'separation', year: 2024 }),
    );
    expect(
      refusal(() =>
        controlVsLocation(baseline, { stage: 'mining', year: 2024, measure: 'tonnes' as 'output' }),
      ).message,
    ).toBe("controlVsLocation: options.measure: expected 'output' or 'capacity', got \"tonnes\"");
    expect(
      refusal(() =>
        controlVsLocation(baseline, { stage: 'mining', year: 2024, scope: 'world' as 'stage' }),
      ).message,
    ).toBe("controlVsLocation: options.scope: expected 'stage' or 'facilities', got \"world\"");
    expect(
      refusal(() =>
        controlVsLocation(baseline, {
          stage: 'mining',
          year: 2024,
          unknownOwners: 'china' as 'host',
        }),
      ).message,
    ).toBe("controlVsLocation: options.unknownOwners: expected 'unknown' or 'host', got \"china\"");
    expect(
      refusal(() =>
        controlVsLocation(baseline, { stage: 'mining', year: 2024, lookThrough: 1 as never }),
      ).message,
    ).toBe('controlVsLocation: options.lookThrough: expected true or false, got 1');
    expect(
      refusal(() =>
        controlVsLocation(baseline, {
          stage: 'mining',
          year: 2024,
          scope: 'stage',
          measure: 'capacity',
        }),
      ).message,
    ).toMatch(/^controlVsLocation: options\.measure: expected 'output' with scope 'stage'/);
    expect(
      refusal(() => controlVsLocation(baseline, { stage: 'metal', year: 2024, scope: 'stage' }))
        .code,
    ).toBe('not-found');
    expect(
      refusal(() => controlVsLocation(baseline, { stage: 'mining', year: 1 })).message,
    ).toMatch(/^controlVsLocation: options\.year/);
    expect(refusal(() => controlVsLocation(baseline, undefined as never)).message).toBe(
      'controlVsLocation: options: expected an options object { stage, year }, got undefined',
    );
    const mining = controlVsLocation(baseline, { stage: 'mining', year: 2024 });
    expect(refusal(() => controlAbroad(mining, 'China')).message).toBe(
      'controlAbroad: country: expected an ISO 3166-1 alpha-3 code such as "CHN", got "China"',
    );
    expect(refusal(() => controlAbroad({} as never, 'CHN')).message).toMatch(
      /^controlAbroad: result: expected a result of controlVsLocation/,
    );
  });
});

const reported = { source: 's', tag: 'reported' as const };
const figure = (amount: number, year?: number) => ({
  ...(year === undefined ? {} : { year }),
  quantity: { amount, unit: 't' as const, basis: 'REO' as const },
  provenance: reported,
});
const owner = (homeCountry: string, stake?: number, extra: Partial<Owner> = {}): Owner => ({
  name: `${homeCountry} owner`,
  homeCountry,
  ...(stake === undefined ? {} : { stake }),
  ...extra,
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
const row = (country: string, amount: number): StageOutput => ({
  stage: 'mining',
  country,
  year: 2024,
  measure: 'production',
  quantity: { amount, unit: 't', basis: 'REO' },
  provenance: reported,
});
const dataset = (facilities: Facility[], stageOutputs: StageOutput[] = []): Dataset => ({
  schemaVersion: 1,
  name: 'control',
  sources: [{ id: 's', title: 'S', publisher: 'P', year: 2025 }],
  countries: [],
  facilities,
  stageOutputs,
});

describe('controlVsLocation on hand-built data (answers known by hand)', () => {
  // Table: AUS 1,000 t, BRA 500 t, other 100 t (total 1,600 t).
  // AUS mine 600 t, half owned from China, half unknown; BRA mine 700 t (more than the row, so
  // scaled to 500 t), a US company of which a Japanese holder has 20%; a Lao mine of 50 t, not a
  // row of the table, so placed in 'other', owned from China.
  const table = [row('AUS', 1000), row('BRA', 500), row('other', 100)];
  const mines = [
    facility('aus', 'AUS', 'mining', { output: [figure(600, 2024)], owners: [owner('CHN', 0.5)] }),
    facility('bra', 'BRA', 'mining', {
      output: [figure(700, 2024)],
      owners: [
        owner('USA', 1, { name: 'Parent' }),
        owner('JPN', 0.2, { name: 'Holder', via: 'Parent' }),
      ],
    }),
    facility('lao', 'LAO', 'mining', { output: [figure(50, 2024)], owners: [owner('CHN', 1)] }),
    facility('idle', 'AUS', 'mining', { capacity: [figure(900)] }),
  ];
  const data = dataset(mines, table);

  test('direct owners: stakes place facility tonnes; the rest of each row is unknown', () => {
    const result = controlVsLocation(data, { stage: 'mining', year: 2024 });
    expect(result.byLocation).toEqual({ AUS: 0.625, BRA: 0.3125, other: 0.0625 });
    // CHN 300 + 50, USA 500, unknown 300 + 400 + 50 of 1,600.
    expect(result.byControl).toEqual({ unknown: 0.46875, USA: 0.3125, CHN: 0.21875 });
    expect(result.coverage).toMatchObject({
      attributed: 0.53125,
      assumedHost: 0,
      unknown: 0.46875,
    });
    expect(result.byLocationAndControl).toEqual({
      AUS: { unknown: 0.4375, CHN: 0.1875 },
      BRA: { USA: 0.3125 },
      other: { CHN: 0.03125, unknown: 0.03125 },
    });
    expect(result.facilities.map((f) => [f.id, f.weight, f.placed])).toEqual([
      ['aus', 600, 600],
      ['bra', 700, 500],
      ['lao', 50, 50],
    ]);
    expect(result.uncounted).toEqual([
      { id: 'idle', reason: 'no output figures (it has capacity figures)' },
    ]);
    expect(result.assumptions.join(' ')).toContain(
      'Facility outputs in BRA (700 t) exceed its row in s (500 t); they are scaled down to the row.',
    );
    // HHI by control counts the unknown as many small owners: 0.3125² + 0.21875².
    expect(result.hhiControl).toBeCloseTo(0.3125 ** 2 + 0.21875 ** 2, 15);
  });

  test('lookThrough: a holder of 20% of the US parent counts 20% of its stake for Japan', () => {
    const result = controlVsLocation(data, { stage: 'mining', year: 2024, lookThrough: true });
    // USA 400, JPN 100 (0.2 × 500), CHN 350, unknown 750 of 1,600.
    expect(result.byControl).toEqual({ unknown: 0.46875, USA: 0.25, CHN: 0.21875, JPN: 0.0625 });
  });

  test('a chain of holders and owners without stakes', () => {
    // Parent (USA) 0.9 of the asset; H (CHN) holds 0.1 of Parent; G (JPN) holds 0.5 of H; N holds
    // an unpublished stake of Parent. Effective: Parent 0.81, H 0.045, G 0.045, unknown 0.1.
    const chain = dataset([
      facility('x', 'USA', 'separation', {
        output: [figure(1000, 2024)],
        owners: [
          owner('USA', 0.9, { name: 'Parent' }),
          owner('CHN', 0.1, { name: 'H', via: 'Parent' }),
          owner('JPN', 0.5, { name: 'G', via: 'H' }),
          owner('FRA', undefined, { name: 'N', via: 'Parent' }),
        ],
      }),
    ]);
    const result = controlVsLocation(chain, { stage: 'separation', year: 2024, lookThrough: true });
    expect(result.scope).toBe('facilities');
    expect(result.byControl.USA).toBeCloseTo(0.81, 15);
    expect(result.byControl.CHN).toBeCloseTo(0.045, 15);
    expect(result.byControl.JPN).toBeCloseTo(0.045, 15);
    expect(result.byControl.unknown).toBeCloseTo(0.1, 15);
    expect(result.facilities[0]?.owners.map((o) => [o.name, o.via])).toEqual([
      ['G', 'H'],
      ['H', 'Parent'],
      ['Parent', undefined],
    ]);
    expect(result.facilities[0]?.ownersWithoutStake).toEqual(['N']);
    const direct = controlVsLocation(chain, { stage: 'separation', year: 2024 });
    expect(direct.byControl).toEqual({ USA: 0.9, unknown: expect.closeTo(0.1, 15) });
  });

  test("unknownOwners 'host': the unknown part of a row goes to its country, 'other' stays unknown", () => {
    const result = controlVsLocation(data, {
      stage: 'mining',
      year: 2024,
      unknownOwners: 'host',
    });
    // AUS 700 (300 + 400), USA 500, CHN 350, unknown 50 (the residual row) of 1,600.
    expect(result.byControl).toEqual({ AUS: 0.4375, USA: 0.3125, CHN: 0.21875, unknown: 0.03125 });
    expect(result.coverage).toMatchObject({
      attributed: 0.53125,
      assumedHost: 0.4375,
      unknown: 0.03125,
    });
    expect(result.coverage.assumedHostByLocation).toEqual({ AUS: 0.4375 });
    // Nothing is made in China here: all of it is abroad; China's owners control 350 of 1,600.
    expect(controlAbroad(result, 'CHN')).toEqual({
      country: 'CHN',
      outside: 1,
      controlled: 0.21875,
      others: 0.3125,
      assumedHost: 0.4375,
      unknown: 0.03125,
    });
  });

  test('facilities scope: output in the year, or capacity; stakes within 1e-9 of 1 are whole', () => {
    const plants = dataset([
      facility('sep-fra', 'FRA', 'separation', {
        output: [figure(100, 2024)],
        owners: [owner('FRA', 1)],
      }),
      facility('sep-mys', 'MYS', 'separation', {
        output: [figure(300, 2024)],
        owners: [owner('AUS', 0.5), owner('JPN', 0.5, { name: 'JPN owner 2' })],
      }),
      facility('sep-idle', 'USA', 'separation', { output: [figure(0, 2024)] }),
      facility('sep-old', 'CHN', 'separation', {
        output: [figure(500, 2023)],
        capacity: [figure(800)],
        owners: [owner('CHN', 1)],
      }),
      facility('sep-cap', 'EST', 'separation', {
        capacity: [figure(200, 2022)],
        owners: [owner('CAN', 1 - 1e-9)],
      }),
      facility('sep-new', 'FRA', 'separation', { startYear: 2026, capacity: [figure(999)] }),
    ]);
    const output = controlVsLocation(plants, { stage: 'separation', year: 2024 });
    expect(output.measure).toBe('output');
    expect(output.byLocation).toEqual({ MYS: 0.75, FRA: 0.25 });
    expect(output.byControl).toEqual({ AUS: 0.375, JPN: 0.375, FRA: 0.25 });
    expect(output.uncounted.map((u) => u.id)).toEqual([
      'sep-idle',
      'sep-old',
      'sep-cap',
      'sep-new',
    ]);
    expect(output.uncounted[1]?.reason).toBe('no output for 2024 (output for 2023)');
    const capacity = controlVsLocation(plants, {
      stage: 'separation',
      year: 2024,
      measure: 'capacity',
    });
    expect(capacity.byLocation).toEqual({ CHN: 0.8, EST: 0.2 });
    expect(Object.keys(capacity.byControl)).toEqual(['CHN', 'CAN']);
    expect(capacity.uncounted).toContainEqual({
      id: 'sep-new',
      reason: 'starts in 2026, after 2024',
    });
  });

  test('facility figures that cannot be placed in a quantity table are listed, not counted', () => {
    const odd = dataset(
      [
        facility('ndpr', 'AUS', 'mining', {
          output: [{ ...figure(90, 2024), elements: ['Nd', 'Pr'] }],
          owners: [owner('AUS', 1)],
        }),
        facility('ore', 'AUS', 'mining', {
          output: [
            {
              year: 2024,
              quantity: { amount: 5000, unit: 't', basis: 'product', product: 'ore' },
              provenance: reported,
            },
          ],
        }),
        facility('zero', 'AUS', 'mining', { output: [figure(0, 2024)] }),
        facility('kg', 'AUS', 'mining', {
          output: [
            {
              year: 2024,
              quantity: { amount: 250000, unit: 'kg', basis: 'REO' },
              provenance: reported,
            },
          ],
          owners: [owner('JPN', 1)],
        }),
        facility('lao', 'LAO', 'mining', { output: [figure(10, 2024)] }),
      ],
      [row('AUS', 1000)],
    );
    const result = controlVsLocation(odd, { stage: 'mining', year: 2024 });
    expect(result.uncounted).toEqual([
      {
        id: 'ndpr',
        reason:
          'its 2024 output is NdPr only, REO basis; the table counts all rare earths, REO basis',
      },
      {
        id: 'ore',
        reason: 'its 2024 output is product basis; the table counts all rare earths, REO basis',
      },
      { id: 'zero', reason: 'its 2024 output is 0' },
      {
        id: 'lao',
        reason: 'LAO has no row in the mining table for 2024 (s) and the table has no residual row',
      },
    ]);
    // 250,000 kg is 250 t of the 1,000 t row.
    expect(result.byControl).toEqual({ unknown: 0.75, JPN: 0.25 });
    const none = controlVsLocation(dataset([], [row('AUS', 1000)]), {
      stage: 'mining',
      year: 2024,
    });
    expect(none.byControl).toEqual({ unknown: 1 });
    expect(none.assumptions.join(' ')).toContain(
      'No facility of the dataset has mining output for 2024 that can be placed in the table',
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

  test('a stage without facilities', () => {
    expect(
      refusal(() => controlVsLocation(dataset([]), { stage: 'metal', year: 2024 })).issues,
    ).toEqual([
      {
        path: ['dataset', 'facilities'],
        message: 'expected at least one facility of the metal stage, found none',
      },
    ]);
  });
});

describe('invariants (fast-check)', () => {
  const CODES = ['CHN', 'USA', 'AUS', 'MMR', 'LAO', 'TZA'] as const;
  const arbOwner = fc.record({
    homeCountry: fc.constantFrom(...CODES),
    stake: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { nil: undefined }),
  });
  const arbFacility = fc.record({
    country: fc.constantFrom(...CODES),
    amount: fc.integer({ min: 0, max: 50_000 }),
    owners: fc.array(arbOwner, { maxLength: 2 }),
    holder: fc.option(
      fc.record({
        homeCountry: fc.constantFrom(...CODES),
        stake: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { nil: undefined },
    ),
  });
  const arbRows = fc.uniqueArray(
    fc.record({
      country: fc.constantFrom(...CODES, 'other'),
      amount: fc.integer({ min: 1, max: 100_000 }),
    }),
    { minLength: 1, maxLength: 7, selector: (r) => r.country },
  );
  type Plant = typeof arbFacility extends fc.Arbitrary<infer P> ? P : never;
  const build = (
    rows: readonly { country: string; amount: number }[],
    plants: readonly Plant[],
  ): Dataset =>
    dataset(
      plants.map((p, i) => {
        const owners: Owner[] = p.owners.map((o, j) =>
          owner(o.homeCountry, o.stake, { name: `o${j}` }),
        );
        if (p.holder !== undefined && owners.length > 0)
          owners.push(owner(p.holder.homeCountry, p.holder.stake, { name: 'h', via: 'o0' }));
        return facility(`f${i}`, p.country, 'mining', {
          output: [figure(p.amount, 2024)],
          owners,
        });
      }),
      rows.map((r) => row(r.country, r.amount)),
    );

  test('shares by location, by control and by both sum to 1; coverage parts sum to 1; inputs unchanged', () => {
    fc.assert(
      fc.property(
        arbRows,
        fc.array(arbFacility, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('unknown' as const, 'host' as const),
        (rows, plants, lookThrough, unknownOwners) => {
          const data = build(rows, plants);
          const before = structuredClone(data);
          const result = controlVsLocation(data, {
            stage: 'mining',
            year: 2024,
            lookThrough,
            unknownOwners,
          });
          expect(data).toEqual(before);
          expect(sum(result.byLocation)).toBeCloseTo(1, 9);
          expect(sum(result.byControl)).toBeCloseTo(1, 9);
          const { attributed, assumedHost, unknown } = result.coverage;
          expect(attributed + assumedHost + unknown).toBeCloseTo(1, 9);
          expect(result.byControl.unknown ?? 0).toBeCloseTo(unknown, 9);
          for (const [location, share] of Object.entries(result.byLocation))
            expect(sum(result.byLocationAndControl[location] ?? {})).toBeCloseTo(share, 9);
          for (const value of [
            ...Object.values(result.byControl),
            attributed,
            assumedHost,
            unknown,
          ])
            expect(value).toBeGreaterThanOrEqual(0);
          const abroad = controlAbroad(result, 'CHN');
          if (abroad.outside > 0)
            expect(
              abroad.controlled + abroad.others + abroad.assumedHost + abroad.unknown,
            ).toBeCloseTo(1, 9);
          // Without the host assumption, nothing is attributed that no stake gives.
          if (unknownOwners === 'unknown') expect(assumedHost).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('tracing indirect stakes moves control between countries, never the unknown part', () => {
    fc.assert(
      fc.property(arbRows, fc.array(arbFacility, { maxLength: 6 }), (rows, plants) => {
        const data = build(rows, plants);
        const direct = controlVsLocation(data, { stage: 'mining', year: 2024 });
        const traced = controlVsLocation(data, { stage: 'mining', year: 2024, lookThrough: true });
        expect(traced.coverage.unknown).toBeCloseTo(direct.coverage.unknown, 9);
        expect(traced.byLocation).toEqual(direct.byLocation);
      }),
      { numRuns: 100 },
    );
  });
});
