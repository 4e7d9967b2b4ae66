import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { presets } from '../../src/data/index.js';
import { attribute, compensatedSum, hhiChange, type Scenario } from '../../src/index.js';
import { answer, empty, failure, small } from './fixtures.js';
import { scenario as scenarioArb } from './properties.js';

const controls = presets.find((p) => p.id === 'china-export-controls-2025') as Scenario;
const base = empty('base', { from: 2025, to: 2035 });
const metric = { variable: 'Balance', region: 'USA', element: 'Dy', year: 2026 } as const;

describe('attribute: the 2025 controls preset on the small dataset', () => {
  test('the shortfall the controls cause, explained by hand', () => {
    // Controls alone: all 50 t of US Dy imports (all from China) withheld.
    const alone = attribute(small, base, controls, { metric });
    expect(alone).toEqual({
      metric,
      unit: 't/yr',
      base: 0,
      scenario: -50,
      change: -50,
      method: 'exact',
      evaluations: 2,
      contributions: [
        {
          id: 'china-controls-2025-04',
          label: controls.interventions[0]?.label,
          change: 'added',
          value: -50,
        },
      ],
    });
  });

  test('Shapley values over three interventions, computed by hand', () => {
    // v(∅) = 0; controls alone −50; plant alone +20; stock alone 0 (no shortfall, no release);
    // controls + plant −30; controls + stock −40; plant + stock +20; all three −20.
    // φ(controls) = ⅓(−50) + ⅙(−50) + ⅙(−40) + ⅓(−40) = −45
    // φ(plant) = ⅓(20) + ⅙(20) + ⅙(20) + ⅓(20) = 20
    // φ(stock) = ⅓(0) + ⅙(10) + ⅙(0) + ⅓(10) = 5
    const result = attribute(small, base, answer, { metric, scenarios: [controls] });
    expect(result.change).toBe(-20);
    expect(result.evaluations).toBe(8);
    expect(result.contributions.map((c) => c.id)).toEqual([
      'china-controls-2025-04',
      'plant-a-dy',
      'us-dy-stock',
    ]);
    const values = result.contributions.map((c) => c.value);
    expect(values[0]).toBeCloseTo(-45, 12);
    expect(values[1]).toBeCloseTo(20, 12);
    expect(values[2]).toBeCloseTo(5, 12);
    expect(Math.abs(compensatedSum(values) - result.change)).toBeLessThanOrEqual(1e-9);
  });

  test('beyond exactUpTo: permutation sampling, seeded, still summing to the change', () => {
    const sampled = attribute(small, base, answer, {
      metric,
      scenarios: [controls],
      exactUpTo: 2,
      samples: 400,
      seed: 7,
    });
    expect(sampled.method).toBe('sampled');
    expect(sampled.samples).toBe(400);
    expect(sampled.evaluations).toBeLessThanOrEqual(8);
    const values = sampled.contributions.map((c) => c.value);
    expect(Math.abs(compensatedSum(values) - sampled.change)).toBeLessThanOrEqual(1e-9);
    // The plant's marginal change is always +20: no spread.
    expect(values[1]).toBeCloseTo(20, 12);
    expect(sampled.contributions[1]?.standardError).toBeCloseTo(0, 12);
    // The others vary with the order; within 4 standard errors of the exact values.
    for (const [i, exact] of [
      [0, -45],
      [2, 5],
    ] as const) {
      const c = sampled.contributions[i];
      expect(Math.abs((c?.value ?? 0) - exact)).toBeLessThanOrEqual(
        4 * (c?.standardError ?? 0) + 1e-12,
      );
    }
    // Deterministic with the seed.
    expect(
      attribute(small, base, answer, {
        metric,
        scenarios: [controls],
        exactUpTo: 2,
        samples: 400,
        seed: 7,
      }),
    ).toEqual(sampled);
  });

  test('removed and changed interventions; the HHI split exactly by supplier', () => {
    const before: Scenario = {
      ...empty('before'),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'au',
          country: 'AUS',
          stage: 'mining',
          change: { amount: 100, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
        {
          kind: 'exportRestriction',
          id: 'gone',
          country: 'CHN',
          partners: ['USA'],
          cut: 1,
          from: 2024,
        },
      ],
    };
    const after: Scenario = {
      ...empty('after'),
      interventions: [
        {
          kind: 'capacityChange',
          id: 'au',
          country: 'AUS',
          stage: 'mining',
          change: { amount: 300, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
        {
          kind: 'capacityChange',
          id: 'us',
          country: 'USA',
          stage: 'mining',
          change: { amount: 100, unit: 't', basis: 'REO' },
          ramp: { from: 2024, to: 2025 },
        },
      ],
    };
    const result = attribute(small, before, after, {
      metric: { variable: 'Concentration|HHI', stage: 'mining', year: 2026 },
    });
    expect(result.contributions.map((c) => [c.id, c.change])).toEqual([
      ['au', 'changed'],
      ['gone', 'removed'],
      ['us', 'added'],
    ]);
    // A restriction on one partner withholds imports, not the stage's supply: it explains nothing
    // of the HHI (one on every partner would: see the evaluate tests).
    expect(result.contributions[1]?.value).toBe(0);
    // Before: CHN 600, AUS 300, USA 100, other 100 of 1,100; after: 600, 500, 200, 100 of 1,400.
    const split = hhiChange(
      { CHN: 600, AUS: 300, USA: 100, other: 100 },
      { CHN: 600, AUS: 500, USA: 200, other: 100 },
      { residual: ['other'], residualAs: 'one-supplier', scale: 'points' },
    );
    expect(result.suppliers).toEqual({
      AUS: split.contributions.AUS,
      CHN: split.contributions.CHN,
      USA: split.contributions.USA,
    });
    const lower = (s: Record<string, number>, total: number) =>
      Object.values(s).reduce((sum, v) => sum + (v / total) ** 2, 0) * 10_000;
    const change =
      lower({ CHN: 600, AUS: 500, USA: 200 }, 1400) - lower({ CHN: 600, AUS: 300, USA: 100 }, 1100);
    expect(result.change).toBeCloseTo(change, 9);
    expect(compensatedSum(Object.values(result.suppliers ?? {}))).toBeCloseTo(change, 9);
    expect(compensatedSum(result.contributions.map((c) => c.value))).toBeCloseTo(change, 9);
  });

  test('contributions sum to the change (property, to 1e-9)', () => {
    fc.assert(
      fc.property(scenarioArb('a'), scenarioArb('b'), (a, b) => {
        for (const m of [
          { variable: 'Balance', region: 'USA', element: 'Dy', year: 2027 },
          { variable: 'Concentration|HHI', stage: 'separation' as const, year: 2028 },
        ]) {
          const result = attribute(small, a, b, { metric: m });
          const total = compensatedSum(result.contributions.map((c) => c.value));
          expect(Math.abs(total - result.change)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(result.change)),
          );
        }
      }),
      { numRuns: 15 },
    );
  });

  test('refusals', () => {
    const message = (options: object) =>
      failure(() => attribute(small, base, controls, options as never)).message;
    expect(message({})).toBe(
      'attribute: options.metric: expected a metric { variable, year }, got undefined',
    );
    expect(message({ metric: { variable: 'Balance', year: 2040 } })).toBe(
      'attribute: options.metric.year: expected a year within the horizon 2025–2035, got 2040',
    );
    expect(message({ metric: { variable: 'Nothing', year: 2030 } })).toBe(
      'attribute: options.metric: expected a metric that is a row of the evaluation, got "Nothing"',
    );
    expect(message({ metric: { variable: 1, year: 2030 } })).toBe(
      'attribute: options.metric.variable: expected a variable name, got 1',
    );
    expect(message({ metric, samples: 0 })).toBe(
      'attribute: options.samples: expected an integer of at least 1, got 0',
    );
    expect(
      failure(() =>
        attribute(small, { ...base, horizon: { from: 2030, to: 2020 } }, controls, { metric }),
      ).message,
    ).toBe('attribute: base.horizon.to: expected a year at or after 2030, got 2020');
  });
});
