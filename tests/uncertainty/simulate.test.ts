// Monte Carlo over the figures that sources disagree on. Expected values: the draws' quantiles are
// checked against numpy (python3, numpy.quantile's default 'linear' method) on the same draws; the
// mean of a uniform draw between two editions against its analytic mean (low + high) / 2.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate, stageShares } from '../../src/index.js';
import { simulate, simulateMetrics, uncertainFigures } from '../../src/uncertainty/index.js';
import { refusal } from '../support/refusal.js';

const chinaMining2024 = (d: typeof baseline) => ({
  china: stageShares(d, { stage: 'mining', year: 2024 }).CHN ?? 0,
});
const exportControls = presets.find((p) => p.id === 'china-export-controls-2025');
if (exportControls === undefined) throw new Error('the export-controls preset is missing');

function numpyQuantiles(draws: readonly number[], ps: readonly number[]): number[] {
  const script =
    'import json,sys,numpy as np\nd=json.load(sys.stdin)\nprint(json.dumps([float(x) for x in np.quantile(np.array(d["x"]),d["p"])]))';
  const out = execFileSync('python3', ['-c', script], {
    input: JSON.stringify({ x: draws, p: ps }),
    encoding: 'utf8',
  });
  return JSON.parse(out) as number[];
}

describe('uncertainFigures', () => {
  test('finds the 2024 mine production of both USGS editions as one group', () => {
    const figures = uncertainFigures(baseline);
    const australia = figures.find((f) => f.id === 'stageOutputs/mining/AUS/2024/production/all');
    // USGS MCS 2026 p. 151 and MCS 2025 p. 145: Australia 2024, 29,000 t and 13,000 t REO.
    expect(australia?.editions).toEqual([
      { source: 'usgs-mcs-2026', value: 29000 },
      { source: 'usgs-mcs-2025', value: 13000 },
    ]);
    expect(australia?.low).toBe(13000);
    expect(australia?.high).toBe(29000);
    // Every figure without a stated range is a pair of USGS editions; the others state their own.
    expect(new Set(figures.filter((f) => f.uncertainty === undefined).map((f) => f.group))).toEqual(
      new Set(['usgs-mcs-2025+usgs-mcs-2026']),
    );
    expect(
      figures
        .filter((f) => f.uncertainty !== undefined)
        .every((f) => f.group.startsWith('rounding-')),
    ).toBe(true);
  });

  test('a figure both editions agree on is not uncertain', () => {
    const china = uncertainFigures(baseline).find(
      (f) => f.id === 'stageOutputs/mining/CHN/2024/production/all',
    );
    expect(china).toBeUndefined();
  });
});

describe('simulateMetrics', () => {
  test("China's 2024 mining share lies between its two editions' shares", () => {
    const result = simulateMetrics(baseline, chinaMining2024, { draws: 400, seed: 3 });
    const band = result.metrics.china;
    const shares = (source: string) =>
      stageShares(baseline, { stage: 'mining', year: 2024, source }).CHN ?? 0;
    const newest = shares('usgs-mcs-2026');
    const older = shares('usgs-mcs-2025');
    expect(band?.value).toBe(newest);
    expect(band?.min).toBeGreaterThanOrEqual(Math.min(newest, older) - 1e-12);
    expect(band?.max).toBeLessThanOrEqual(Math.max(newest, older) + 1e-12);
    const [p5, p50, p95] = band?.quantiles.map((q) => q.value) ?? [];
    expect(p5).toBeLessThanOrEqual(p50 as number);
    expect(p50).toBeLessThanOrEqual(p95 as number);
    expect(result.assumptions.join(' ')).toContain('newest at 0, oldest at 1');
  });

  test('quantiles equal numpy on the same draws', () => {
    const ps = [0, 0.05, 0.25, 0.5, 0.9, 0.95, 1];
    const result = simulateMetrics(baseline, chinaMining2024, {
      draws: 301,
      seed: 11,
      quantiles: ps,
      keepDraws: true,
    });
    const band = result.metrics.china;
    const expected = numpyQuantiles(band?.draws ?? [], ps);
    band?.quantiles.forEach((q, i) => {
      expect(q.value).toBeCloseTo(expected[i] as number, 14);
    });
  });

  test('a figure drawn uniformly between two editions has the mean of the pair', () => {
    const australia = uncertainFigures(baseline).filter(
      (f) => f.id === 'stageOutputs/mining/AUS/2024/production/all',
    );
    const result = simulateMetrics(
      baseline,
      (d) => ({ aus: Number(d.stageOutputs?.[australia[0]?.path[1] as number]?.quantity?.amount) }),
      { draws: 20_000, seed: 5, figures: australia },
    );
    // Uniform on [13,000, 29,000]: mean 21,000 t, standard deviation 16,000/√12 ≈ 4,619 t, so the
    // standard error of the mean of 20,000 draws is ≈ 33 t; 150 t is 4.5 standard errors.
    expect(Math.abs((result.metrics.aus?.mean ?? 0) - 21000)).toBeLessThan(150);
  });

  test('streaming quantiles are close to the exact ones', () => {
    const exact = simulateMetrics(baseline, chinaMining2024, { draws: 5000, seed: 9 });
    const streaming = simulateMetrics(baseline, chinaMining2024, {
      draws: 5000,
      seed: 9,
      quantileMethod: 'streaming',
    });
    const width = (exact.metrics.china?.max ?? 0) - (exact.metrics.china?.min ?? 0);
    exact.metrics.china?.quantiles.forEach((q, i) => {
      const approximate = streaming.metrics.china?.quantiles[i]?.value ?? 0;
      expect(Math.abs(q.value - approximate)).toBeLessThan(0.02 * width);
    });
    expect(streaming.metrics.china?.mean).toBeCloseTo(exact.metrics.china?.mean ?? 0, 12);
  });

  test('the same seed gives identical output, another seed other draws', () => {
    const a = simulateMetrics(baseline, chinaMining2024, { draws: 50, seed: 42, keepDraws: true });
    const b = simulateMetrics(baseline, chinaMining2024, { draws: 50, seed: 42, keepDraws: true });
    const c = simulateMetrics(baseline, chinaMining2024, { draws: 50, seed: 43, keepDraws: true });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.metrics.china?.draws).not.toEqual(a.metrics.china?.draws);
  });

  test('every draw gives stage shares that sum to 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (seed) => {
        const result = simulateMetrics(
          baseline,
          (d) => ({
            sum: Object.values(stageShares(d, { stage: 'mining', year: 2024 })).reduce(
              (s, x) => s + x,
              0,
            ),
          }),
          { draws: 5, seed, keepDraws: true },
        );
        for (const x of result.metrics.sum?.draws ?? []) expect(x).toBeCloseTo(1, 12);
      }),
      { numRuns: 20 },
    );
  });

  test('without uncertain figures every band has zero width and equals the analysis', () => {
    const result = simulateMetrics(baseline, chinaMining2024, { draws: 10, seed: 1, figures: [] });
    const value = chinaMining2024(baseline).china;
    expect(result.metrics.china).toMatchObject({ value, mean: value, min: value, max: value });
    expect(result.metrics.china?.quantiles.every((q) => q.value === value)).toBe(true);
  });

  test('the dataset is not mutated', () => {
    const before = JSON.stringify(baseline);
    simulateMetrics(baseline, chinaMining2024, { draws: 20, seed: 2 });
    expect(JSON.stringify(baseline)).toBe(before);
  });

  test.each([
    [{ draws: 0, seed: 1 }, ['options', 'draws']],
    [{ draws: 1.5, seed: 1 }, ['options', 'draws']],
    [{ draws: 1_000_001, seed: 1 }, ['options', 'draws']],
    [{ draws: 10, seed: 0.5 }, ['options', 'seed']],
    [{ draws: 10, seed: 2 ** 31 }, ['options', 'seed']],
    [{ draws: 10, seed: 1, quantiles: [0.5, 1.2] }, ['options', 'quantiles', 1]],
    [{ draws: 10, seed: 1, quantiles: [] }, ['options', 'quantiles']],
    [
      { draws: 10, seed: 1, keepDraws: true, quantileMethod: 'streaming' as const },
      ['options', 'keepDraws'],
    ],
  ])('refuses %j at its path', (options, path) => {
    const error = refusal(() => simulateMetrics(baseline, chinaMining2024, options));
    expect(error.code).toBe('invalid-argument');
    expect(error.issues[0]?.path).toEqual(path);
    expect(error.message).toContain('simulateMetrics');
  });

  test('refuses a figure with fewer than two editions', () => {
    const [figure] = uncertainFigures(baseline);
    const error = refusal(() =>
      simulateMetrics(baseline, chinaMining2024, {
        draws: 10,
        seed: 1,
        figures: [{ ...(figure as NonNullable<typeof figure>), editions: [] }],
      }),
    );
    expect(error.issues[0]?.path).toEqual(['options', 'figures', 0, 'editions']);
  });

  test('refuses a metric that is not a finite number', () => {
    const error = refusal(() =>
      simulateMetrics(baseline, () => ({ x: Number.NaN }), { draws: 2, seed: 1 }),
    );
    expect(error.code).toBe('not-computable');
  });
});

describe('simulate', () => {
  test('every row of the evaluation, with a band whose value is the evaluation', () => {
    const result = simulate(baseline, exportControls, { draws: 20, seed: 1 });
    const plain = evaluate(baseline, exportControls);
    expect(result.rows.map(({ band: _band, ...row }) => row)).toEqual(plain.rows);
    for (const row of result.rows) {
      expect(row.band.value).toBe(row.value);
      expect(row.band.min).toBeLessThanOrEqual(row.band.max);
    }
    expect(result.scenario).toBe('china-export-controls-2025');
  });

  test('without uncertain figures the bands have zero width', () => {
    const result = simulate(baseline, exportControls, { draws: 3, seed: 1, figures: [] });
    expect(result.rows.every((r) => r.band.min === r.value && r.band.max === r.value)).toBe(true);
  });
});
