// Uncertainty a record states: parsing refuses a malformed one at its path; a draw follows the
// stated distribution; a derived residual follows its table. Expected values: the analytic mean and
// variance of a linear function of independent normal inputs (E[aX + bY] = aμx + bμy,
// Var = a²σx² + b²σy²), and the rounding range of a whole percent.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  type Dataset,
  type FigureUncertainty,
  parseDataset,
  stageShares,
} from '../../src/index.js';
import { simulate, simulateMetrics, uncertainFigures } from '../../src/uncertainty/index.js';
import { refusal } from '../support/refusal.js';

const indexOf = (predicate: (r: NonNullable<Dataset['stageOutputs']>[number]) => boolean) =>
  (baseline.stageOutputs ?? []).findIndex(predicate);
const SEPARATION_CHN_2024 = indexOf(
  (r) => r.stage === 'separation' && r.country === 'CHN' && r.year === 2024,
);
const AUS_2024 = indexOf(
  (r) =>
    r.stage === 'mining' &&
    r.country === 'AUS' &&
    r.year === 2024 &&
    r.provenance.source === 'usgs-mcs-2026',
);
const MMR_2024 = indexOf(
  (r) =>
    r.stage === 'mining' &&
    r.country === 'MMR' &&
    r.year === 2024 &&
    r.provenance.source === 'usgs-mcs-2026',
);

function withUncertainty(index: number, uncertainty: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(baseline)) as { stageOutputs: Record<string, unknown>[] };
  copy.stageOutputs[index] = { ...copy.stageOutputs[index], uncertainty };
  return copy;
}

describe('parsing a stated uncertainty', () => {
  test('the baseline with its stated ranges parses', () => {
    expect(() => parseDataset(JSON.parse(JSON.stringify(baseline)))).not.toThrow();
  });

  test.each<[string, unknown, (string | number)[]]>([
    [
      'low above high',
      { kind: 'uniform', low: 0.92, high: 0.9, basis: 'b' },
      ['uncertainty', 'high'],
    ],
    [
      'a negative standard deviation',
      { kind: 'normal', mean: 0.91, sd: -0.01, basis: 'b' },
      ['uncertainty', 'sd'],
    ],
    [
      'a mode outside its range',
      { kind: 'pert', low: 0.9, mode: 0.95, high: 0.92, basis: 'b' },
      ['uncertainty', 'mode'],
    ],
    [
      'a share range past 1',
      { kind: 'uniform', low: 0.9, high: 1.2, basis: 'b' },
      // The end that is out of range.
      ['uncertainty', 'high'],
    ],
    [
      'a range that misses the figure',
      { kind: 'uniform', low: 0.5, high: 0.6, basis: 'b' },
      ['uncertainty'],
    ],
    [
      'an unknown source',
      { kind: 'uniform', low: 0.9, high: 0.92, basis: 'b', source: 'nope' },
      ['uncertainty', 'source'],
    ],
    [
      'an unknown kind',
      { kind: 'beta', low: 0.9, high: 0.92, basis: 'b' },
      ['uncertainty', 'kind'],
    ],
    ['one value only', { kind: 'values', values: [0.91], basis: 'b' }, ['uncertainty', 'values']],
    ['no basis', { kind: 'uniform', low: 0.9, high: 0.92 }, ['uncertainty', 'basis']],
  ])('refuses %s at its path', (_what, uncertainty, tail) => {
    const error = refusal(() => parseDataset(withUncertainty(SEPARATION_CHN_2024, uncertainty)));
    expect(error.issues.map((i) => i.path)).toContainEqual([
      'stageOutputs',
      SEPARATION_CHN_2024,
      ...tail,
    ]);
  });
});

describe('drawing stated uncertainties', () => {
  test('a linear function of normal inputs has the analytic mean and variance', () => {
    const normal = (mean: number, sd: number, group: string): FigureUncertainty => ({
      kind: 'normal',
      mean,
      sd,
      basis: 'test',
      group,
    });
    const figures = uncertainFigures(baseline).filter((f) =>
      [
        'stageOutputs/mining/AUS/2024/production/all',
        'stageOutputs/mining/MMR/2024/production/all',
      ].includes(f.id),
    );
    expect(figures).toHaveLength(2);
    // Means 30 sd away from 0, so the truncation at 0 changes nothing at float64 precision.
    // Each figure its own group, so the two inputs are independent.
    const stated = figures.map((f, i) =>
      i === 0
        ? { ...f, group: 'a', uncertainty: normal(30000, 1000, 'a') }
        : { ...f, group: 'b', uncertainty: normal(20000, 500, 'b') },
    );
    const amount = (d: Dataset, i: number) => Number(d.stageOutputs?.[i]?.quantity?.amount);
    const result = simulateMetrics(
      baseline,
      (d) => ({ y: 2 * amount(d, AUS_2024) + 3 * amount(d, MMR_2024) }),
      {
        draws: 40_000,
        seed: 17,
        figures: stated,
        keepDraws: true,
      },
    );
    const draws = result.metrics.y?.draws ?? [];
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    // E = 2·30,000 + 3·20,000 = 120,000; Var = 4·1,000² + 9·500² = 6.25e6 (sd 2,500).
    // Standard error of the mean 2,500/√40,000 = 12.5; of the variance ≈ Var·√(2/n) ≈ 44,000.
    expect(Math.abs(mean - 120_000)).toBeLessThan(4 * 12.5);
    expect(Math.abs(variance - 6.25e6)).toBeLessThan(4 * 44_000);
  });

  test("a whole-percent share is drawn within its rounding range, and its table's residual follows", () => {
    const figure = uncertainFigures(baseline).find(
      (f) => f.id === 'stageOutputs/separation/CHN/2024/production/all/share',
    );
    // IEA commentary 2025-10: China 91% of separation.
    expect([figure?.low, figure?.high]).toEqual([0.905, 0.915]);
    const result = simulateMetrics(
      baseline,
      (d) => {
        const rows = (d.stageOutputs ?? []).filter(
          (r) =>
            r.stage === 'separation' &&
            r.year === 2024 &&
            r.provenance.source === 'iea-commentary-2025-10',
        );
        return {
          china: rows.find((r) => r.country === 'CHN')?.share ?? Number.NaN,
          sum: rows.reduce((s, r) => s + (r.share ?? 0), 0),
          shareOfStage: stageShares(d, { stage: 'separation', year: 2024 }).CHN ?? Number.NaN,
        };
      },
      { draws: 500, seed: 8, keepDraws: true },
    );
    for (const x of result.metrics.china?.draws ?? []) {
      expect(x).toBeGreaterThanOrEqual(0.905);
      expect(x).toBeLessThan(0.915);
    }
    for (const x of result.metrics.sum?.draws ?? []) expect(x).toBeCloseTo(1, 12);
    expect(result.metrics.shareOfStage?.draws).toEqual(result.metrics.china?.draws);
  });

  test('the export-controls shortfall of US yttrium has a band from the rounded import share', () => {
    const scenario = presets.find((p) => p.id === 'china-export-controls-2025');
    if (scenario === undefined) throw new Error('preset missing');
    const result = simulate(baseline, scenario, { draws: 400, seed: 4 });
    const row = result.rows.find(
      (r) => r.variable === 'Balance' && r.region === 'USA' && r.element === 'Y' && r.year === 2025,
    );
    // USGS MCS 2026 (yttrium): 2025 imports 300 t (estimate), China 70% of import sources
    // (2021–24), so the full stop withholds 210 t; 70% is any share from 69.5% to 70.5%, so the
    // shortfall lies between 208.5 and 211.5 t.
    expect(row?.value).toBeCloseTo(-210, 9);
    expect(row?.band.min).toBeGreaterThanOrEqual(-211.5);
    expect(row?.band.max).toBeLessThanOrEqual(-208.5);
    const [p5, p50, p95] = row?.band.quantiles.map((q) => q.value) ?? [];
    expect(p5).toBeLessThan(p50 as number);
    expect(p50).toBeLessThan(p95 as number);
  });

  test('widening a range never narrows the band of a monotone metric', () => {
    const base = uncertainFigures(baseline).find(
      (f) => f.id === 'stageOutputs/separation/CHN/2024/production/all/share',
    );
    if (base === undefined) throw new Error('figure missing');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (a, b, seed) => {
          const [narrow, wide] = [Math.min(a, b), Math.max(a, b)];
          const band = (half: number) =>
            simulateMetrics(
              baseline,
              (d) => ({ china: stageShares(d, { stage: 'separation', year: 2024 }).CHN ?? 0 }),
              {
                draws: 30,
                seed,
                figures: [
                  {
                    ...base,
                    uncertainty: {
                      kind: 'uniform',
                      low: 0.91 - half,
                      high: 0.91 + half,
                      basis: 't',
                    },
                  },
                ],
              },
            ).metrics.china;
          const n = band(narrow);
          const w = band(wide);
          // Same seed, same uniform numbers: each draw of the wide range lies at least as far out.
          expect((w?.max ?? 0) - (w?.min ?? 0)).toBeGreaterThanOrEqual(
            (n?.max ?? 0) - (n?.min ?? 0) - 1e-12,
          );
          const q = (x: typeof n) => x?.quantiles.map((p) => p.value) ?? [];
          expect(q(w)[0]).toBeLessThanOrEqual((q(n)[0] as number) + 1e-12);
          expect(q(w)[2]).toBeGreaterThanOrEqual((q(n)[2] as number) - 1e-12);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('P5 ≤ P50 ≤ P95 on every row of every preset', () => {
    for (const scenario of presets) {
      const result = simulate(baseline, scenario, {
        draws: 8,
        seed: 3,
        evaluate: { scenarios: presets },
      });
      for (const row of result.rows) {
        const [p5, p50, p95] = row.band.quantiles.map((q) => q.value) as [number, number, number];
        expect(p5).toBeLessThanOrEqual(p50);
        expect(p50).toBeLessThanOrEqual(p95);
        expect(row.band.min).toBeLessThanOrEqual(p5);
        expect(p95).toBeLessThanOrEqual(row.band.max);
      }
    }
  });

  test('a figure built by hand with a malformed uncertainty is refused at its path', () => {
    const [figure] = uncertainFigures(baseline);
    if (figure === undefined) throw new Error('no figure');
    const cases: [unknown, (string | number)[]][] = [
      [{ kind: 'uniform', low: 2, high: 1, basis: 'b' }, ['high']],
      [{ kind: 'normal', mean: 2, sd: -1, basis: 'b' }, ['sd']],
      [{ kind: 'triangular', low: 1, mode: 3, high: 2, basis: 'b' }, ['mode']],
      [{ kind: 'lognormal', mean: 0, sd: 1, basis: 'b' }, ['mean']],
      [{ kind: 'values', values: [1], basis: 'b' }, ['values']],
      [{ kind: 'gamma', basis: 'b' }, ['kind']],
    ];
    for (const [uncertainty, tail] of cases) {
      const error = refusal(() =>
        simulateMetrics(baseline, () => ({ x: 1 }), {
          draws: 2,
          seed: 1,
          figures: [{ ...figure, uncertainty: uncertainty as FigureUncertainty }],
        }),
      );
      expect(error.issues[0]?.path).toEqual(['options', 'figures', 0, 'uncertainty', ...tail]);
    }
  });
});
