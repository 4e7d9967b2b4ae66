import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  createEvaluator,
  diffScenarios,
  evaluate,
  reverseDiff,
  type Scenario,
  type ScenarioEvaluation,
} from '../../src/index.js';
import { compareRows } from '../../src/scenario/evaluate.js';
import { clone, deepFreeze, empty, failure, small } from './fixtures.js';
import { scenario } from './properties.js';

const run = createEvaluator(small);

describe('diffScenarios: properties', () => {
  test('the diff of an evaluation with itself is empty', () => {
    fc.assert(
      fc.property(scenario('a'), (a) => {
        const evaluation = run(a);
        expect(diffScenarios(evaluation, evaluation)).toEqual({
          scenarios: { from: 'a', to: 'a' },
          tolerance: { abs: 0, rel: 1e-9, rule: '|a − b| ≤ max(abs, rel · max(|a|, |b|))' },
          inputs: [],
          metrics: [],
          withinTolerance: { inputs: 0, metrics: 0 },
        });
      }),
      { numRuns: 25 },
    );
  });

  test('reversible: reverseDiff(diff(a, b)) equals diff(b, a)', () => {
    fc.assert(
      fc.property(scenario('a'), scenario('b'), (a, b) => {
        const [ea, eb] = [run(a), run(b)];
        expect(reverseDiff(diffScenarios(ea, eb))).toEqual(diffScenarios(eb, ea));
      }),
      { numRuns: 25 },
    );
  });

  test('evaluate, diff and reverse never mutate their inputs (deep-frozen)', () => {
    fc.assert(
      fc.property(scenario('a'), scenario('b'), (a, b) => {
        const frozen = deepFreeze(clone(small));
        const [fa, fb] = [deepFreeze(clone(a)), deepFreeze(clone(b))];
        const [ea, eb] = [deepFreeze(evaluate(frozen, fa)), deepFreeze(evaluate(frozen, fb))];
        expect(ea).toEqual(run(a));
        const diff = deepFreeze(diffScenarios(ea, eb));
        expect(reverseDiff(reverseDiff(diff))).toEqual(diff);
      }),
      { numRuns: 15 },
    );
  });

  test('inputs are keyed by id: reordering interventions changes nothing', () => {
    fc.assert(
      fc.property(scenario('a'), (a) => {
        const reordered = { ...a, interventions: [...a.interventions].reverse() };
        const diff = diffScenarios(run(a), run(reordered));
        expect(diff.inputs).toEqual([]);
        expect(diff.metrics).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('diffScenarios', () => {
  const ban = (cut: number, extra: Partial<Scenario> = {}): Scenario => ({
    ...empty('ban'),
    interventions: [
      { kind: 'exportRestriction', id: 'dy', country: 'CHN', elements: ['Dy'], cut, from: 2026 },
    ],
    ...extra,
  });

  test('input changes with from and to, keyed by id; metric deltas with abs and rel', () => {
    const diff = diffScenarios(run(ban(0.5)), run(ban(1, { name: 'Full ban' })));
    expect(diff.inputs).toEqual([
      { path: ['interventions', 'dy', 'cut'], from: 0.5, to: 1 },
      { path: ['name'], from: 'ban', to: 'Full ban' },
    ]);
    const balance = diff.metrics.find(
      (m) => m.variable === 'Balance' && m.element === 'Dy' && m.year === 2026,
    );
    expect(balance).toEqual({
      variable: 'Balance',
      region: 'USA',
      element: 'Dy',
      year: 2026,
      unit: 't/yr',
      from: -25,
      to: -50,
      abs: -25,
      rel: -1,
    });
    // Sorted by variable, region, stage, element, year.
    const rank = (stage: string | undefined) =>
      stage === undefined ? -1 : ['mining', 'separation', 'metal', 'magnet'].indexOf(stage);
    const sorted = [...diff.metrics].sort(
      (x, y) =>
        x.variable.localeCompare(y.variable, 'en') ||
        (x.region < y.region ? -1 : x.region > y.region ? 1 : 0) ||
        rank(x.stage) - rank(y.stage) ||
        (x.element ?? '').localeCompare(y.element ?? '') ||
        x.year - y.year,
    );
    expect(diff.metrics).toEqual(sorted);
  });

  test('added and removed interventions, a changed list, a changed kind', () => {
    const a: Scenario = {
      ...empty('a'),
      interventions: [
        {
          kind: 'exportRestriction',
          id: 'x',
          country: 'CHN',
          elements: ['Dy', 'Tb'],
          cut: 1,
          from: 2026,
        },
        { kind: 'exportRestriction', id: 'gone', country: 'CHN', cut: 0.1, from: 2026 },
        { kind: 'exportRestriction', id: 'kind', country: 'CHN', cut: 0.1, from: 2026 },
      ],
    };
    const b: Scenario = {
      ...empty('b'),
      name: 'a',
      interventions: [
        {
          kind: 'exportRestriction',
          id: 'x',
          country: 'CHN',
          elements: ['Tb', 'Dy'],
          cut: 1,
          from: 2026,
          to: 2028,
        },
        { kind: 'exportRestriction', id: 'new', country: 'MYS', cut: 0.1, from: 2026 },
        { kind: 'demandGrowth', id: 'kind', application: 'permanent-magnets', rate: 0, from: 2026 },
      ],
    };
    const diff = diffScenarios(run(a), run(b));
    expect(diff.inputs).toEqual([
      { path: ['interventions', 'gone'], from: a.interventions[1] },
      { path: ['interventions', 'kind'], from: a.interventions[2], to: b.interventions[2] },
      { path: ['interventions', 'new'], to: b.interventions[1] },
      // Elements are a set: only the end year differs.
      { path: ['interventions', 'x', 'to'], to: 2028 },
    ]);
  });

  test('a symmetric tolerance, stated, with the differences within it counted', () => {
    const [x, y] = [run(ban(0.5)), run(ban(0.5000001))];
    const loose = diffScenarios(x, y, { tolerance: { rel: 1e-3 } });
    expect(loose.tolerance).toEqual({
      abs: 0,
      rel: 1e-3,
      rule: '|a − b| ≤ max(abs, rel · max(|a|, |b|))',
    });
    expect(loose.inputs).toEqual([]);
    expect(loose.metrics).toEqual([]);
    expect(loose.withinTolerance.inputs).toBe(1);
    expect(loose.withinTolerance.metrics).toBeGreaterThan(0);
    expect(diffScenarios(y, x, { tolerance: { rel: 1e-3 } }).withinTolerance).toEqual(
      loose.withinTolerance,
    );
    // abs: a difference of 5e-6 t is within 1e-5 t.
    const absolute = diffScenarios(x, y, { tolerance: { abs: 1e-5, rel: 0 } });
    expect(absolute.metrics.some((m) => m.unit === 't/yr')).toBe(false);
    expect(diffScenarios(x, y).metrics.length).toBeGreaterThan(0);
  });

  test('band crossings for the HHI', () => {
    const build = (id: string, country: string) => ({
      kind: 'capacityChange' as const,
      id,
      country,
      stage: 'mining' as const,
      change: { amount: 1000, unit: 't' as const, basis: 'REO' as const },
      ramp: { from: 2024, to: 2025 },
    });
    const spread: Scenario = {
      ...empty('spread'),
      interventions: [
        { ...build('us', 'USA') },
        { ...build('au', 'AUS'), change: { amount: 800, unit: 't', basis: 'REO' } },
        build('my', 'MYS'),
        build('jp', 'JPN'),
        build('de', 'DEU'),
        build('fr', 'FRA'),
      ],
    };
    const diff = diffScenarios(run(empty()), run(spread));
    const hhi = diff.metrics.find(
      (m) => m.variable === 'Concentration|HHI' && m.stage === 'mining' && m.year === 2025,
    );
    expect(hhi?.from).toBeCloseTo(4100, 9);
    // 600, 1000, 1100, 1000 × 4 and 100 other, of 6,800 t.
    const expected = ((600 ** 2 + 1000 ** 2 * 5 + 1100 ** 2) / 6800 ** 2) * 10_000;
    expect(hhi?.to).toBeCloseTo(expected, 9);
    expect(hhi?.band).toEqual({ from: 'highly concentrated', to: 'moderately concentrated' });
    expect(reverseDiff(diff).metrics.find((m) => m === hhi)).toBe(undefined);
    expect(
      reverseDiff(diff).metrics.find(
        (m) => m.variable === 'Concentration|HHI' && m.stage === 'mining' && m.year === 2025,
      )?.band,
    ).toEqual({ from: 'moderately concentrated', to: 'highly concentrated' });
    // Another set of bands.
    const eu = diffScenarios(run(empty()), run(spread), { guidelines: 'hmg-2010' });
    expect(
      eu.metrics.find(
        (m) => m.variable === 'Concentration|HHI' && m.stage === 'mining' && m.year === 2025,
      )?.band,
    ).toEqual({ from: 'highly concentrated', to: 'unconcentrated' });
    // The time to resilience moves too.
    expect(diff.resilience).toBe(undefined);
  });

  test('rows on one side only, and the time to resilience', () => {
    const short = run(empty('short', { from: 2024, to: 2026 }));
    const long = run({
      ...empty('long', { from: 2024, to: 2027 }),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'm',
          country: 'MYS',
          stage: 'separation',
          change: { amount: 900, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
        {
          kind: 'capacityChange',
          id: 'j',
          country: 'JPN',
          stage: 'magnet',
          change: { amount: 900, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
      ],
    });
    const diff = diffScenarios(short, long);
    expect(diff.inputs.map((c) => c.path.join('.'))).toEqual([
      'horizon.to',
      'interventions.j',
      'interventions.m',
      'name',
    ]);
    expect(diff.resilience).toEqual({ from: null, to: 2025 });
    const only = diff.metrics.find((m) => m.variable === 'Demand' && m.year === 2027);
    expect(only).toEqual({
      variable: 'Demand',
      region: 'World',
      year: 2027,
      unit: 't/yr',
      from: null,
      to: 130,
      abs: null,
      rel: null,
    });
    const back = reverseDiff(diff);
    expect(back).toEqual(diffScenarios(long, short));
    expect(back.resilience).toEqual({ from: 2025, to: null });
  });

  test('sibling presets differ only where they say', () => {
    const set = presets;
    const evaluator = createEvaluator(baseline, { scenarios: set });
    const [april, extended] = [
      evaluator(set[0] as Scenario),
      evaluator(set[1] as Scenario),
    ] as ScenarioEvaluation[];
    const diff = diffScenarios(april as ScenarioEvaluation, extended as ScenarioEvaluation);
    expect(diff.inputs.map((c) => c.path.join('.'))).toEqual([
      'description',
      'interventions.china-controls-2025-10',
      'name',
    ]);
    // From 2027, China's share of US holmium imports (100%) is withheld.
    const holmium = diff.metrics.filter(
      (m) => m.variable === 'Imports|Restricted|Share' && m.region === 'USA' && m.element === 'Ho',
    );
    expect(holmium.map((m) => [m.year, m.from, m.to])).toEqual(
      Array.from({ length: 9 }, (_, k) => [2027 + k, 0, 1]),
    );
  });

  test('refusals', () => {
    const e = run(empty());
    expect(failure(() => diffScenarios(e, e, { tolerance: { abs: -1 } })).message).toBe(
      'diffScenarios: options.tolerance.abs: expected a finite non-negative number, got -1',
    );
    expect(failure(() => diffScenarios(e, e, { tolerance: { rel: Number.NaN } })).message).toBe(
      'diffScenarios: options.tolerance.rel: expected a finite non-negative number, got NaN',
    );
    expect(failure(() => diffScenarios({} as ScenarioEvaluation, e)).message).toBe(
      'diffScenarios: a: expected an evaluation (the result of evaluate), got an object',
    );
  });
});

test('evaluation rows come in the order of compareRows', () => {
  fc.assert(
    fc.property(scenario('a'), (a) => {
      const { rows } = run(a);
      expect([...rows].sort(compareRows)).toEqual(rows);
    }),
    { numRuns: 10 },
  );
});
