import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  createEvaluator,
  type Dataset,
  evaluate,
  type Intervention,
  type Scenario,
  stageConcentration,
} from '../../src/index.js';
import { answer, clone, deepFreeze, empty, failure, horizon, pick, small } from './fixtures.js';

const controls = presets.find((p) => p.id === 'china-export-controls-2025') as Scenario;

describe('evaluate: the baseline (no interventions)', () => {
  const result = evaluate(small, empty());

  test("supply: the reference tables carried forward, × each stage's size", () => {
    for (const year of [2024, 2027, 2030]) {
      expect(pick(result, 'Supply', year, { region: 'CHN', stage: 'mining' })).toBe(600);
      expect(pick(result, 'Supply', year, { region: 'other', stage: 'mining' })).toBe(100);
      expect(pick(result, 'Supply', year, { region: 'MYS', stage: 'separation' })).toBeCloseTo(
        100,
        9,
      );
      // Magnets: 10% of the magnet demand of the reference year (100 t), not of mine output.
      expect(pick(result, 'Supply', year, { region: 'JPN', stage: 'magnet' })).toBeCloseTo(10, 9);
      expect(pick(result, 'Supply|Total', year, { stage: 'mining' })).toBe(1000);
      expect(pick(result, 'Supply|Outside', year, { stage: 'mining' })).toBe(400);
    }
    expect(result.rows.some((r) => r.stage === 'metal')).toBe(false);
    expect(result.assumptions.find((a) => a.id === 'stage:metal')?.text).toContain('not evaluated');
    expect(result.stages).toEqual([
      {
        stage: 'mining',
        throughput: 1000,
        sizedBy: 'table',
        year: 2024,
        sources: ['usgs-mcs-2026'],
      },
      {
        stage: 'separation',
        throughput: 1000,
        sizedBy: 'mining',
        year: 2024,
        sources: ['usgs-mcs-2026'],
      },
      {
        stage: 'magnet',
        throughput: 100,
        sizedBy: 'demand',
        application: 'permanent-magnets',
        year: 2024,
        sources: ['shares'],
      },
    ]);
    expect(result.assumptions.find((a) => a.id === 'size:separation')?.kind).toBe('stage-size');
  });

  test('concentration: the HHI lower bound in points, equal to stageConcentration', () => {
    // Mining: 0.6² + 0.2² + 0.1² = 0.41 (the residual adds nothing); separation 0.9² + 0.1².
    expect(pick(result, 'Concentration|HHI', 2030, { stage: 'mining' })).toBeCloseTo(4100, 9);
    expect(pick(result, 'Concentration|HHI', 2030, { stage: 'separation' })).toBeCloseTo(8200, 9);
    const picture = stageConcentration(small, { year: 2024 });
    for (const stage of picture.stages) {
      expect(pick(result, 'Concentration|HHI', 2024, { stage: stage.stage })).toBeCloseTo(
        stage.hhiPoints,
        9,
      );
    }
  });

  test('demand: the records, linear between them; nothing offset; stage demand follows it', () => {
    expect([2024, 2025, 2030].map((y) => pick(result, 'Demand|permanent-magnets', y))).toEqual([
      100, 110, 160,
    ]);
    expect(pick(result, 'Primary demand', 2030)).toBe(160);
    expect(pick(result, 'Recycling', 2030)).toBe(0);
    // Stage demand = size + (net primary demand − demand in the first year).
    expect(pick(result, 'Demand|Stage', 2030, { stage: 'magnet' })).toBe(160);
    expect(pick(result, 'Demand|Stage', 2030, { stage: 'mining' })).toBe(1060);
    expect(pick(result, 'Resilience|Coverage', 2030, { stage: 'mining' })).toBeCloseTo(
      400 / 1060,
      12,
    );
    expect(result.resilience).toEqual({ excluded: ['CHN'], share: 0.35, year: null });
  });

  test('import lines: nothing restricted, balanced', () => {
    expect(pick(result, 'Imports', 2030, { region: 'USA' })).toBe(1000);
    expect(pick(result, 'Imports', 2030, { region: 'USA', element: 'Dy' })).toBe(50);
    expect(pick(result, 'Balance', 2030, { region: 'USA', element: 'Dy' })).toBe(0);
    expect(
      pick(result, 'Imports|Restricted|Share', 2030, {
        region: 'EU27',
        stage: 'separation',
        element: 'Tb+Dy',
      }),
    ).toBe(0);
    // No quantity for the EU line: shares only.
    expect(
      pick(result, 'Balance', 2030, { region: 'EU27', stage: 'separation', element: 'Tb+Dy' }),
    ).toBe(undefined);
  });

  test('interventions that change nothing give the same rows', () => {
    const noop: Scenario = {
      ...empty('noop'),
      interventions: [
        { kind: 'exportRestriction', id: 'a', country: 'CHN', cut: 0, from: 2024 },
        {
          kind: 'capacityChange',
          id: 'b',
          country: 'AUS',
          stage: 'mining',
          change: { amount: 0, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2026 },
        },
        {
          kind: 'recyclingPolicy',
          id: 'c',
          application: 'permanent-magnets',
          from: 2024,
          collectionRate: 0,
          lifetime: { kind: 'fixed', mean: 10 },
        },
      ],
    };
    const rows = evaluate(small, noop).rows.map(({ scenario: _, ...rest }) => rest);
    expect(rows).toEqual(result.rows.map(({ scenario: _, ...rest }) => rest));
  });

  test('the embedded baseline: MCS 2026 mine production, and stageConcentration', () => {
    const base = evaluate(baseline, empty('base', { from: 2025, to: 2026 }));
    expect(pick(base, 'Supply', 2026, { region: 'CHN', stage: 'mining' })).toBe(270000);
    expect(pick(base, 'Supply|Total', 2026, { stage: 'mining' })).toBe(389310);
    const picture = stageConcentration(baseline, { year: 2025 });
    for (const stage of picture.stages) {
      expect(pick(base, 'Concentration|HHI', 2026, { stage: stage.stage })).toBeCloseTo(
        stage.hhiPoints,
        6,
      );
    }
  });

  test('deterministic byte for byte, and independent of the order of interventions', () => {
    const scenario: Scenario = {
      ...empty('x'),
      interventions: [
        {
          kind: 'exportRestriction',
          id: 'b',
          country: 'CHN',
          elements: ['Dy'],
          cut: 0.5,
          from: 2025,
        },
        { kind: 'exportRestriction', id: 'a', country: 'CHN', cut: 0.3, from: 2026 },
      ],
    };
    const first = JSON.stringify(evaluate(small, scenario));
    expect(JSON.stringify(evaluate(small, scenario))).toBe(first);
    const reversed = { ...scenario, interventions: [...scenario.interventions].reverse() };
    expect(JSON.stringify(evaluate(small, reversed))).toBe(first);
  });

  test('never mutates its inputs (deep-frozen)', () => {
    const frozen = deepFreeze(clone(small));
    const scenario = deepFreeze(clone(controls));
    const options = deepFreeze({
      composition: { Dy: 1, La: 9 },
      resilience: { excluded: ['CHN'] },
    });
    expect(evaluate(frozen, scenario, options)).toEqual(evaluate(small, controls, options));
  });
});

describe('evaluate: export restrictions (the 2025 controls preset on the small dataset)', () => {
  const result = evaluate(small, controls);

  test('US dysprosium: all of it from China, all withheld: a shortfall of 50 t a year', () => {
    expect(pick(result, 'Imports|Restricted|Share', 2025, { region: 'USA', element: 'Dy' })).toBe(
      1,
    );
    expect(pick(result, 'Imports|Restricted', 2025, { region: 'USA', element: 'Dy' })).toBe(50);
    expect(pick(result, 'Balance', 2035, { region: 'USA', element: 'Dy' })).toBe(-50);
  });

  test('an all-rare-earth line: composition unknown (no rows) without one, by mass with one', () => {
    // Issue 15, finding 4: the line used to show 0% restricted (and a balance of 0).
    expect(pick(result, 'Imports|Restricted|Share', 2025, { region: 'USA' })).toBe(undefined);
    expect(pick(result, 'Balance', 2025, { region: 'USA' })).toBe(undefined);
    expect(pick(result, 'Imports', 2025, { region: 'USA' })).toBe(1000);
    expect(result.assumptions.find((a) => a.id === 'composition-unknown:USA/all')?.kind).toBe(
      'composition-unknown',
    );
    // Dy is 2% of the mass: 1,000 t × 80% from China × 2% = 16 t withheld.
    const withComposition = evaluate(small, controls, {
      composition: { La: 40, Ce: 50, Nd: 8, Dy: 2 },
    });
    expect(pick(withComposition, 'Imports|Restricted', 2025, { region: 'USA' })).toBeCloseTo(
      16,
      12,
    );
    expect(withComposition.assumptions.find((a) => a.id === 'composition:USA/all')?.kind).toBe(
      'composition',
    );
    expect(withComposition.assumptions.some((a) => a.kind === 'composition-unknown')).toBe(false);
  });

  test('the EU line (Dy and Tb both controlled): China’s 90% withheld, no quantity', () => {
    const where = { region: 'EU27', stage: 'separation', element: 'Tb+Dy' };
    expect(pick(result, 'Imports|Restricted|Share', 2030, where)).toBeCloseTo(0.9, 12);
    expect(pick(result, 'Imports|Restricted', 2030, where)).toBe(undefined);
  });

  test('partners, end years, partial scopes and compounding', () => {
    const run = (...interventions: Intervention[]) =>
      evaluate(small, { ...empty('r'), interventions });
    const eu = { region: 'EU27', stage: 'separation', element: 'Tb+Dy' };
    const toEu = run({
      kind: 'exportRestriction',
      id: 'x',
      country: 'CHN',
      partners: ['EU27'],
      cut: 1,
      from: 2025,
      to: 2026,
    });
    expect(pick(toEu, 'Imports|Restricted|Share', 2026, eu)).toBeCloseTo(0.9, 12);
    expect(pick(toEu, 'Imports|Restricted|Share', 2027, eu)).toBe(0);
    expect(pick(toEu, 'Imports|Restricted|Share', 2026, { region: 'USA', element: 'Dy' })).toBe(0);
    // A member country named as partner reaches the region's members, not the region's line.
    const toFrance = run({
      kind: 'exportRestriction',
      id: 'x',
      country: 'CHN',
      partners: ['FRA'],
      cut: 1,
      from: 2025,
    });
    expect(pick(toFrance, 'Imports|Restricted|Share', 2026, eu)).toBe(0);
    // Only Tb: part of the line's elements. Not counted equally (that gave 0.9 × 0.5): the
    // composition is unknown, so no share; with one by mass (Tb 1 : Dy 3), 0.9 × 1/4.
    const onlyTb: Intervention = {
      kind: 'exportRestriction',
      id: 'x',
      country: 'CHN',
      elements: ['Tb'],
      cut: 1,
      from: 2025,
    };
    expect(pick(run(onlyTb), 'Imports|Restricted|Share', 2026, eu)).toBe(undefined);
    const byMass = evaluate(
      small,
      { ...empty('r'), interventions: [onlyTb] },
      { composition: { Tb: 1, Dy: 3 } },
    );
    expect(pick(byMass, 'Imports|Restricted|Share', 2026, eu)).toBeCloseTo(0.225, 12);
    // Two half cuts on the same element compound: 1 − 0.5 × 0.5.
    const twice = run(
      {
        kind: 'exportRestriction',
        id: 'x',
        country: 'CHN',
        elements: ['Dy'],
        cut: 0.5,
        from: 2025,
      },
      {
        kind: 'exportRestriction',
        id: 'y',
        country: 'CHN',
        elements: ['Dy'],
        cut: 0.5,
        from: 2025,
      },
    );
    expect(pick(twice, 'Imports|Restricted', 2026, { region: 'USA', element: 'Dy' })).toBeCloseTo(
      37.5,
      12,
    );
    // Mining products are not separated products.
    const ores = run({
      kind: 'exportRestriction',
      id: 'x',
      country: 'CHN',
      stages: ['mining'],
      cut: 1,
      from: 2025,
    });
    expect(pick(ores, 'Imports|Restricted', 2026, { region: 'USA' })).toBe(0);
    // On all elements: the whole of China's share of the all-rare-earth line.
    const all = run({ kind: 'exportRestriction', id: 'x', country: 'CHN', cut: 0.5, from: 2025 });
    expect(pick(all, 'Imports|Restricted', 2026, { region: 'USA' })).toBeCloseTo(400, 9);
  });
});

describe('evaluate: capacity, stockpiles and the balance', () => {
  const scenario = answer;

  const result = evaluate(small, scenario, { scenarios: [controls] });
  const dy = { region: 'USA', element: 'Dy' };

  test('balance = capacity additions + stock release − restricted imports', () => {
    // 2025: no capacity yet, 10 t released: 10 − 50. 2026: 20 + 10 − 50.
    expect(pick(result, 'Balance', 2025, dy)).toBe(-40);
    expect(pick(result, 'Balance|Capacity additions', 2026, dy)).toBe(20);
    expect(pick(result, 'Balance|Stock release', 2026, dy)).toBe(10);
    expect(pick(result, 'Balance', 2026, dy)).toBe(-20);
    // 30 t last three years at 10 t a year.
    expect(pick(result, 'Balance', 2028, dy)).toBe(-30);
    expect(pick(result, 'Stockpile|Level', 2026, dy)).toBe(10);
    expect(pick(result, 'Stockpile|Months of cover', 2026, dy)).toBeCloseTo((12 * 10) / 50, 12);
    expect(pick(result, 'Stockpile|Level', 2028, dy)).toBe(0);
    expect(result.lineage).toEqual(['answer', 'china-export-controls-2025']);
    expect(result.scenario.interventions.map((i) => i.id)).toEqual([
      'china-controls-2025-04',
      'plant-a-dy',
      'us-dy-stock',
    ]);
  });

  test('capacity adds to supply and counts towards the importer’s lines', () => {
    expect(pick(result, 'Supply', 2026, { region: 'USA', stage: 'separation' })).toBe(20);
    expect(pick(result, 'Supply|Total', 2026, { stage: 'separation' })).toBeCloseTo(1020, 9);
    // Dy capacity is part of an all-rare-earth line too.
    expect(pick(result, 'Balance|Capacity additions', 2026, { region: 'USA' })).toBe(20);
    expect(
      pick(result, 'Balance|Capacity additions', 2026, {
        region: 'EU27',
        stage: 'separation',
        element: 'Tb+Dy',
      }),
    ).toBe(0);
    const allies = evaluate(small, scenario, {
      scenarios: [controls],
      capacityFor: { EU27: ['USA'] },
    });
    // Dy is one of the line's two elements.
    expect(
      pick(allies, 'Balance|Capacity additions', 2026, {
        region: 'EU27',
        stage: 'separation',
        element: 'Tb+Dy',
      }),
    ).toBe(20);
  });

  test('building a stock, a stock without a line, a capacity cut below zero', () => {
    const other = evaluate(small, {
      ...empty('piles'),
      interventions: [
        {
          kind: 'stockpile',
          id: 'build',
          holder: 'USA',
          build: { perYear: { amount: 5000, unit: 'kg', basis: 'REO' }, from: 2025, to: 2026 },
        },
        {
          kind: 'stockpile',
          id: 'jp',
          holder: 'JPN',
          initial: { amount: 7, unit: 't', basis: 'REO' },
        },
        {
          kind: 'capacityChange',
          id: 'cut',
          country: 'AUS',
          stage: 'mining',
          change: { amount: -500, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
      ],
    });
    expect(
      [2024, 2025, 2026, 2027].map((y) => pick(other, 'Stockpile|Level', y, { region: 'USA' })),
    ).toEqual([0, 5, 10, 10]);
    expect(pick(other, 'Stockpile|Months of cover', 2027, { region: 'USA' })).toBeCloseTo(0.12, 12);
    expect(pick(other, 'Stockpile|Level', 2027, { region: 'JPN' })).toBe(7);
    expect(other.assumptions.find((a) => a.id === 'stockpile:jp')?.text).toContain(
      'no import line',
    );
    expect(pick(other, 'Supply', 2025, { region: 'AUS', stage: 'mining' })).toBe(0);
  });

  test('a stock of some elements without its own line goes to the all-rare-earth line', () => {
    const other = evaluate(small, {
      ...empty('tb'),
      interventions: [
        { kind: 'exportRestriction', id: 'all', country: 'CHN', cut: 0.1, from: 2024 },
        {
          kind: 'stockpile',
          id: 'tb',
          holder: 'USA',
          elements: ['Tb'],
          initial: { amount: 100, unit: 't', basis: 'REO' },
          release: {
            maxPerYear: { amount: 30, unit: 't', basis: 'REO' },
            trigger: 'shortfall',
            from: 2024,
            to: 2025,
          },
        },
      ],
    });
    // 10% of China's 800 t withheld; 30 t released in 2024 and 2025, not after.
    expect(pick(other, 'Balance', 2024, { region: 'USA' })).toBeCloseTo(-50, 9);
    expect(pick(other, 'Balance', 2026, { region: 'USA' })).toBeCloseTo(-80, 9);
    expect(other.assumptions.find((a) => a.id === 'stockpile:tb')?.text).toContain('USA/all');
  });

  test('capacity at a stage without a table is ignored and said so; non-REO bases are noted', () => {
    const other = evaluate(small, {
      ...empty('metal'),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'm',
          country: 'USA',
          stage: 'metal',
          change: { amount: 10, unit: 't', basis: 'product', product: 'alloy' },
          ramp: { from: 2024, to: 2025 },
        },
      ],
    });
    expect(other.assumptions.map((a) => a.id)).toEqual(
      expect.arrayContaining(['basis:m', 'ignored:m']),
    );
  });
});

describe('evaluate: demand, recycling, substitution', () => {
  const scenario: Scenario = {
    ...empty('offsets'),
    interventions: [
      {
        kind: 'recyclingPolicy',
        id: 'rec',
        application: 'permanent-magnets',
        from: 2024,
        collectionRate: 0.5,
        preprocessingYield: 1,
        processingYield: 1,
        lifetime: { kind: 'fixed', mean: 1 },
      },
      {
        kind: 'substitution',
        id: 'sub',
        application: 'permanent-magnets',
        substitute: 'ferrite',
        adoption: 0.1,
        intensityChange: { Nd: -1, Dy: -1 },
      },
      { kind: 'demandGrowth', id: 'grow', application: 'permanent-magnets', rate: 0.1, from: 2027 },
    ],
  };
  // Products last one year ('end' timing); the sales of 2023, before the first record, are held at
  // it (100 t): the opt-in back-fill, so that every term can be computed by hand.
  const result = evaluate(small, scenario, {
    timing: 'end',
    historyYears: 1,
    salesHistory: 'hold-first',
  });

  test('hand-computed terms', () => {
    expect([2024, 2025, 2026, 2027, 2028].map((y) => pick(result, 'Demand', y))).toEqual([
      100,
      110,
      120,
      120 * 1.1,
      120 * 1.1 * 1.1,
    ]);
    // Recycled: half of last year's sales.
    expect(
      [2024, 2025, 2026, 2028].map((y) => pick(result, 'Recycling|permanent-magnets', y)),
    ).toEqual([50, 50, 55, 66]);
    expect(pick(result, 'Substitution', 2026)).toBeCloseTo(12, 12);
    expect(pick(result, 'Primary demand', 2026)).toBeCloseTo(53, 12);
    expect(pick(result, 'Demand|Stage', 2026, { stage: 'mining' })).toBeCloseTo(953, 9);
    expect(result.assumptions.find((a) => a.id === 'history:permanent-magnets')?.text).toContain(
      "the 1 years before the first record (2024) held at its value: options.salesHistory 'hold-first'",
    );
  });

  test('by default no sales before the first record: nothing reaches end of life in 2024', () => {
    const recorded = evaluate(small, scenario, { timing: 'end', historyYears: 1 });
    expect(pick(recorded, 'Recycling', 2024)).toBe(0);
    expect(pick(recorded, 'Recycling', 2025)).toBe(50);
    expect(recorded.assumptions.find((a) => a.id === 'history:permanent-magnets')?.text).toBe(
      'permanent-magnets: no products sold before 2024 are counted as in use (the first record is in 2024), so end-of-life flows come only from sales within the horizon.',
    );
  });

  test('recycling rates default, and come from the dataset where it has them', () => {
    const withRates: Dataset = {
      ...small,
      applications: [
        {
          id: 'permanent-magnets',
          name: 'Magnets',
          category: 'other',
          lifetime: {
            distribution: { kind: 'fixed', mean: 1 },
            provenance: { source: 'shares', tag: 'reported' },
          },
          recycling: {
            collectionRate: 0.2,
            preprocessingYield: 0.5,
            processingYield: 1,
            provenance: { source: 'shares', tag: 'reported' },
          },
        },
      ],
    };
    const own = evaluate(withRates, empty(), {
      timing: 'end',
      historyYears: 1,
      salesHistory: 'hold-first',
    });
    expect(pick(own, 'Recycling', 2025)).toBeCloseTo(100 * 0.2 * 0.5, 12);
    const policy = evaluate(
      withRates,
      {
        ...empty(),
        interventions: [
          {
            kind: 'recyclingPolicy',
            id: 'p',
            application: 'permanent-magnets',
            from: 2026,
            collectionRate: 0.4,
          },
        ],
      },
      { timing: 'end', historyYears: 1, salesHistory: 'hold-first' },
    );
    expect(pick(policy, 'Recycling', 2025)).toBeCloseTo(10, 12);
    expect(pick(policy, 'Recycling', 2026)).toBeCloseTo(110 * 0.4 * 0.5, 12);
  });

  test('demand from options; linkStageDemand off; a single-element demand', () => {
    const given = evaluate(small, empty(), {
      demand: { motors: { kind: 'table', values: { '2024': 10 } } },
      linkStageDemand: false,
    });
    expect(pick(given, 'Demand|motors', 2030)).toBe(10);
    expect(pick(given, 'Demand', 2030)).toBe(170);
    expect(pick(given, 'Demand|Stage', 2030, { stage: 'mining' })).toBe(1000);
    const dy: Dataset = {
      ...small,
      demand: [
        {
          year: 2024,
          application: 'permanent-magnets',
          elements: ['Dy'],
          quantity: { amount: 10, unit: 't', basis: 'REO', element: 'Dy' },
          provenance: { source: 'shares', tag: 'reported' },
        },
      ],
    };
    const single = evaluate(dy, {
      ...empty(),
      interventions: [
        {
          kind: 'substitution',
          id: 's',
          application: 'permanent-magnets',
          substitute: 'x',
          adoption: 0.5,
          intensityChange: { Dy: -0.5, Nd: -1 },
        },
      ],
    });
    expect(pick(single, 'Substitution|permanent-magnets', 2026, { element: 'Dy' })).toBeCloseTo(
      2.5,
      12,
    );
  });
});

describe('evaluate: refusals name the path', () => {
  const bad = (interventions: Intervention[], options = {}) =>
    failure(() => evaluate(small, { ...empty('bad'), interventions }, options)).message;

  test('the rules of parseScenario, checked on scenarios built in code', () => {
    expect(
      bad([{ kind: 'exportRestriction', id: 'x', country: 'XKX', cut: 1.5, from: 2040 }]),
    ).toBe(
      'evaluate: 2 problems:\n  scenario.interventions[0].country: expected a country of the dataset, got "XKX"\n  scenario.interventions[0].from: expected a year within the horizon 2024–2030, got 2040',
    );
    const error = failure(() => evaluate(small, { ...empty('c'), parent: 'nowhere' }));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      'evaluate: scenario.parent: expected the parent of "c" in the set, got "nowhere"',
    );
    const cycle = failure(() =>
      evaluate(
        small,
        { ...empty('a'), parent: 'b' },
        { scenarios: [{ ...empty('b'), parent: 'a' }] },
      ),
    );
    expect(cycle.message).toBe(
      'evaluate: scenario.parent: expected parents without a cycle, got a -> b -> a',
    );
    const inherited = failure(() =>
      evaluate(
        small,
        { ...empty('a'), parent: 'b' },
        {
          scenarios: [
            {
              ...empty('b'),
              interventions: [
                { kind: 'exportRestriction', id: 'x', country: 'XKX', cut: 1, from: 2024 },
              ],
            },
          ],
        },
      ),
    );
    expect(inherited.message).toBe(
      'evaluate: options.scenarios[0].interventions[0].country: expected a country of the dataset, got "XKX"',
    );
    expect(failure(() => evaluate(small, null as unknown as Scenario)).message).toBe(
      'evaluate: scenario: expected a scenario { id, name, horizon, interventions }, got null',
    );
  });

  test('what the model needs and lacks', () => {
    expect(
      bad([{ kind: 'demandGrowth', id: 'g', application: 'lamps', rate: 0.1, from: 2025 }]),
    ).toBe(
      'evaluate: scenario.interventions[0].application: expected an application with a demand path (in the dataset\'s demand records or options.demand: "permanent-magnets"), got "lamps"',
    );
    expect(
      bad([
        {
          kind: 'recyclingPolicy',
          id: 'r',
          application: 'permanent-magnets',
          from: 2025,
          collectionRate: 0.5,
        },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].lifetime: expected the products\' lifetime (the dataset has none for "permanent-magnets"), got undefined',
    );
    expect(
      bad([
        {
          kind: 'substitution',
          id: 's',
          application: 'permanent-magnets',
          substitute: 'x',
          adoption: 0.5,
          intensityChange: { Nd: -1, Dy: -0.5 },
        },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].intensityChange: expected one relative change for every element listed (the demand of "permanent-magnets" is not split by element), got "Nd -1, Dy -0.5"',
    );
    expect(
      bad([
        {
          kind: 'substitution',
          id: 's',
          application: 'permanent-magnets',
          substitute: 'x',
          adoption: { kind: 'logistic', midpoint: 2030, rate: -1 },
          intensityChange: { Nd: -1 },
        },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].adoption: expected a positive growth rate per year, got -1 (in substitutionOffset at option.adoption.rate)',
    );
    expect(
      bad([
        { kind: 'demandGrowth', id: 'g', application: 'permanent-magnets', rate: -2, from: 2025 },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].rate: expected a non-negative demand for "permanent-magnets" in 2025, got -100',
    );
    expect(
      bad([
        {
          kind: 'demandGrowth',
          id: 'g',
          application: 'permanent-magnets',
          demand: { kind: 'table', values: { '2025': 50, '2026': -1 } },
          from: 2025,
        },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].demand: expected a non-negative demand for "permanent-magnets" in 2026, got -1',
    );
    expect(
      bad([{ kind: 'demandGrowth', id: 'g', application: 'permanent-magnets', from: 2025 }]),
    ).toBe(
      'evaluate: scenario.interventions[0].rate: expected a growth rate or a demand table, got neither',
    );
    expect(
      bad([
        {
          kind: 'demandGrowth',
          id: 'g',
          application: 'permanent-magnets',
          rate: 0.1,
          demand: 5,
          from: 2025,
        },
      ]),
    ).toBe(
      'evaluate: scenario.interventions[0].demand: expected a growth rate or a demand table, not both',
    );
  });

  test("demand that follows a table from a year, then grows at a rate from the table's last value", () => {
    const result = evaluate(small, {
      ...empty('table'),
      interventions: [
        {
          kind: 'demandGrowth',
          id: 'outlook',
          application: 'permanent-magnets',
          // An illustrative outlook: 200 t in 2026 rising linearly to 260 t in 2028.
          demand: { kind: 'table', values: { '2026': 200, '2028': 260 }, between: 'linear' },
          from: 2026,
        },
        {
          kind: 'demandGrowth',
          id: 'after',
          application: 'permanent-magnets',
          rate: 0.5,
          from: 2029,
        },
      ],
    });
    // The dataset's path (100 t in 2024, +10 t a year) until 2026, then the table, then +50%.
    expect(
      [2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => pick(result, 'Demand', y)),
    ).toEqual([100, 110, 200, 230, 260, 390, 585]);
  });

  test('bad options', () => {
    const message = (options: object) => failure(() => evaluate(small, empty(), options)).message;
    expect(message({ imports: { 'USA/Tb': 5 } })).toBe(
      'evaluate: options.imports["USA/Tb"]: expected the id of an import line (EU27/separation/Tb+Dy, USA/all, USA/Dy), got "USA/Tb"',
    );
    expect(message({ composition: { Xx: 1 } })).toBe(
      'evaluate: options.composition.Xx: expected a rare-earth element symbol, got "Xx"',
    );
    expect(message({ composition: { Nd: 0 } })).toBe(
      'evaluate: options.composition: expected at least one positive share, got 0',
    );
    expect(message({ throughput: { mining: -1 } })).toBe(
      'evaluate: options.throughput.mining: expected a non-negative throughput, got -1',
    );
    expect(message({ throughput: { smelting: 1 } })).toMatch(
      /^evaluate: options\.throughput\.smelting: expected 'mining'/,
    );
    expect(message({ resilience: { share: 2 } })).toBe(
      'evaluate: options.resilience.share: expected a fraction between 0 and 1, got 2',
    );
    expect(message({ timing: 'late' })).toBe(
      "evaluate: options.timing: expected 'end', 'middle' or 'start', got \"late\"",
    );
    const noMining: Dataset = {
      ...small,
      stageOutputs: (small.stageOutputs ?? []).filter((o) => o.stage !== 'mining'),
    };
    // No mine production: separation (sized by it) is reported as missing, not refused; the
    // magnet stage is still sized by its demand.
    const unsized = evaluate(noMining, empty());
    expect(unsized.stages.map((s) => s.stage)).toEqual(['magnet']);
    expect(unsized.assumptions.find((a) => a.id === 'stage:separation')).toEqual({
      id: 'stage:separation',
      kind: 'stage-missing',
      text: "separation: not evaluated: the separation table has no tonnages, and its rule (options.stageSize: 'mining') needs a mine production table with quantities at or before 2024, which the dataset lacks (no supply, concentration or resilience rows; capacity changes at this stage are ignored).",
    });
    expect(message({ stageSize: { magnet: { application: '' } } })).toBe(
      "evaluate: options.stageSize.magnet: expected 'mining' or { application: id }, got an object",
    );
    expect(message({ stageSize: { smelting: 'mining' } })).toMatch(
      /^evaluate: options\.stageSize\.smelting: expected 'mining'/,
    );
    expect(message({ salesHistory: 'invent' })).toBe(
      "evaluate: options.salesHistory: expected 'recorded' or 'hold-first', got \"invent\"",
    );
    expect(
      evaluate(noMining, empty(), { throughput: { separation: 10, magnet: 10 } }).rows.some(
        (r) => r.variable === 'Supply',
      ),
    ).toBe(true);
    // Before any table: no stage, no line; demand only.
    const early = evaluate(small, empty(), { referenceYear: 2019 });
    expect(early.rows.some((r) => r.variable === 'Supply' || r.variable === 'Imports')).toBe(false);
    expect(early.resilience.year).toBe(null);
    expect(
      message({ throughput: { mining: 1, separation: 1, metal: 1, magnet: 1 }, historyYears: -1 }),
    ).toBe('evaluate: options.historyYears: expected an integer of at least 0, got -1');
  });

  test('options that replace the dataset’s figures', () => {
    const result = evaluate(small, empty(), {
      imports: { 'EU27/separation/Tb+Dy': 40, 'USA/Dy': 60 },
      throughput: { separation: 2000 },
      resilience: { excluded: ['CHN', 'MYS'], share: 0.05 },
    });
    expect(
      pick(result, 'Imports', 2025, { region: 'EU27', stage: 'separation', element: 'Tb+Dy' }),
    ).toBe(40);
    expect(pick(result, 'Imports', 2025, { region: 'USA', element: 'Dy' })).toBe(60);
    expect(pick(result, 'Supply', 2025, { region: 'CHN', stage: 'separation' })).toBeCloseTo(
      1800,
      9,
    );
    // Outside CHN and MYS: 0 at separation, so never resilient even at 5%.
    expect(result.resilience.year).toBe(null);
    const easy = evaluate(small, empty(), { resilience: { excluded: [], share: 0.5 } });
    expect(easy.resilience.year).toBe(2024);
  });
});

describe('createEvaluator', () => {
  test('the same results as evaluate, the dataset read once per reference year', () => {
    const run = createEvaluator(small);
    const scenarios = [
      empty('a'),
      controls,
      {
        ...controls,
        id: 'later',
        horizon: { from: 2026, to: 2030 },
        interventions: [{ ...(controls.interventions[0] as Intervention), from: 2026 }],
      },
    ];
    for (const scenario of scenarios) {
      expect(run(scenario)).toEqual(evaluate(small, scenario));
    }
    expect(run(scenarios[0] as Scenario)).toEqual(evaluate(small, scenarios[0] as Scenario));
  });

  test('time to resilience with an allied build-out on the small dataset', () => {
    const run = createEvaluator(small, { linkStageDemand: false });
    const result = run({
      ...empty('build'),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'sep',
          country: 'MYS',
          stage: 'separation',
          change: { amount: 400, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2028 },
        },
        {
          kind: 'capacityChange',
          id: 'mag',
          country: 'JPN',
          stage: 'magnet',
          change: { amount: 400, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2028 },
        },
      ],
    });
    // Separation outside China: 100 + 100 (2025) … ≥ 350 from 2027 (100 + 300).
    expect(pick(result, 'Supply|Outside', 2027, { stage: 'separation' })).toBe(400);
    expect(result.resilience.year).toBe(2027);
  });
});

test('horizon', () => {
  expect(horizon).toEqual({ from: 2024, to: 2030 });
});

test('a stage left with nothing but "other" has no HHI that year, and no crash', () => {
  const cut = (country: string, amount: number): Intervention => ({
    kind: 'capacityChange',
    id: `close-${country}`,
    country,
    stage: 'mining',
    change: { amount: -amount, unit: 't', basis: 'REO' },
    ramp: { from: 2025, to: 2025 },
  });
  const result = evaluate(small, {
    ...empty('only-other'),
    interventions: [cut('CHN', 600), cut('AUS', 200), cut('USA', 100)],
  });
  // 2024: the dataset's miners (0.6² + 0.2² + 0.1² = 0.41, 4,100 points); from 2025 only the
  // unidentified 100 t remain, whose concentration is unknown.
  expect(pick(result, 'Concentration|HHI', 2024, { stage: 'mining' })).toBeCloseTo(4100, 9);
  expect(pick(result, 'Concentration|HHI', 2025, { stage: 'mining' })).toBeUndefined();
  expect(pick(result, 'Supply|Total', 2025, { stage: 'mining' })).toBe(100);
});

describe('evaluate: sales history and sizing from options', () => {
  const recycle = (from: number): Scenario => ({
    ...empty('h', { from, to: from + 2 }),
    interventions: [
      {
        kind: 'recyclingPolicy',
        id: 'p',
        application: 'permanent-magnets',
        from,
        collectionRate: 1,
        lifetime: { kind: 'fixed', mean: 1 },
      },
    ],
  });
  const history = (result: ReturnType<typeof evaluate>) =>
    result.assumptions.find((a) => a.kind === 'sales-history')?.text;

  test('options.demand: a table or a ramp starts at its first year; a constant covers the window', () => {
    const table = evaluate(small, recycle(2026), {
      timing: 'end',
      demand: { 'permanent-magnets': { kind: 'table', values: { '2025': 40, '2030': 40 } } },
    });
    // The sales of 2025 (40 t) retire in 2026, all collected.
    expect(pick(table, 'Recycling', 2026)).toBe(40);
    expect(history(table)).toBe(
      'permanent-magnets: products in use before 2026 are the sales of 2025, read off options.demand; none before 2025, the first year of options.demand, so end-of-life flows are a lower bound while products sold earlier would still be reaching end of life.',
    );
    const ramp = evaluate(small, recycle(2026), {
      demand: {
        'permanent-magnets': {
          kind: 'ramp',
          from: { year: 2026, value: 10 },
          to: { year: 2030, value: 50 },
        },
      },
    });
    expect(history(ramp)).toContain('no products sold before 2026 are counted');
    const constant = evaluate(small, recycle(2026), {
      historyYears: 3,
      demand: { 'permanent-magnets': 5 },
    });
    expect(history(constant)).toBe(
      'permanent-magnets: products in use before 2026 are the sales of 2023–2025, read off options.demand.',
    );
  });

  test('sizing rules and compositions are stated where they apply', () => {
    const sized = evaluate(small, empty(), {
      // An undefined rule (from JavaScript) keeps the default.
      stageSize: { separation: { application: 'permanent-magnets' }, magnet: undefined } as never,
    });
    expect(sized.stages.find((s) => s.stage === 'separation')?.sizedBy).toBe('demand');
    expect(() => evaluate(small, empty(), { stageSize: 'mining' as never })).toThrow(
      'evaluate: options.stageSize: expected sizing rules keyed by stage, got "mining"',
    );
    // A Dy-and-Tb capacity counts towards the US Dy line by its Dy mass share.
    const plant: Scenario = {
      ...empty('plant'),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'dy-tb',
          country: 'USA',
          stage: 'separation',
          elements: ['Tb', 'Dy'],
          change: { amount: 40, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2024 },
        },
        { kind: 'exportRestriction', id: 'all', country: 'CHN', cut: 1, from: 2024 },
      ],
    };
    const dy = { region: 'USA', element: 'Dy' };
    const unknown = evaluate(small, plant);
    expect(pick(unknown, 'Balance|Capacity additions', 2025, dy)).toBe(0);
    expect(
      unknown.assumptions.find((a) => a.id === 'composition-unknown:capacity:USA/Dy')?.kind,
    ).toBe('composition-unknown');
    expect(unknown.assumptions.find((a) => a.id === 'withheld:separation')?.kind).toBe(
      'withheld-supply',
    );
    const known = evaluate(small, plant, { composition: { Tb: 1, Dy: 3 } });
    expect(pick(known, 'Balance|Capacity additions', 2025, dy)).toBe(30);
    expect(known.assumptions.find((a) => a.id === 'composition:USA/Dy')?.kind).toBe('composition');
    const scoped = evaluate(
      small,
      {
        ...empty('scoped'),
        interventions: [
          {
            kind: 'exportRestriction',
            id: 'dy',
            country: 'CHN',
            elements: ['Dy'],
            cut: 1,
            from: 2024,
          },
        ],
      },
      { composition: { La: 9, Dy: 1 } },
    );
    // China's separation supply (900 t) loses its Dy tenth.
    expect(
      pick(scoped, 'Supply|Withheld', 2025, { region: 'CHN', stage: 'separation' }),
    ).toBeCloseTo(90, 9);
    expect(scoped.assumptions.find((a) => a.id === 'composition:stage:separation')?.kind).toBe(
      'composition',
    );
  });
});
