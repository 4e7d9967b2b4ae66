// Quantiles by selection (src/uncertainty/summary.ts) against the same rule on sorted values,
// which tests/uncertainty/simulate.test.ts checks against numpy; and the constant metric that
// keeps no array.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  exactAccumulator,
  quantileSorted,
  quantilesBySelection,
  StreamingQuantile,
  selectInPlace,
  sharedAccumulators,
  streamingAccumulator,
} from '../../src/uncertainty/summary.js';

const ps = fc
  .uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 })
  .map((list) => [...list].sort((a, b) => a - b));
// Few distinct values often, so ties and runs are common. −0 is read as 0: selection, like numpy's
// sort, does not order the two zeros.
const values = fc.oneof(
  fc.array(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
    { minLength: 1, maxLength: 300 },
  ),
  fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 300 }),
);

describe('quantilesBySelection', () => {
  test('gives the quantiles of the sorted values, bit for bit (property)', () => {
    fc.assert(
      fc.property(values, ps, (list, probabilities) => {
        const a = Float64Array.from(list);
        const sorted = Float64Array.from(list).sort();
        const expected = probabilities.map((p) => quantileSorted(sorted, p));
        expect(quantilesBySelection(a, probabilities)).toEqual(expected);
        // The input is not rearranged.
        expect(Array.from(a)).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
  test('selectInPlace puts the k-th order statistic at k, smaller before and larger after', () => {
    fc.assert(
      fc.property(values, fc.nat(), (list, seed) => {
        const a = Float64Array.from(list);
        const k = seed % a.length;
        const value = selectInPlace(a, 0, a.length - 1, k);
        expect(value).toBe(Float64Array.from(list).sort()[k]);
        for (let i = 0; i < k; i++) expect(a[i]).toBeLessThanOrEqual(value);
        for (let i = k + 1; i < a.length; i++) expect(a[i]).toBeGreaterThanOrEqual(value);
      }),
      { numRuns: 300 },
    );
  });
  test('P5, P50 and P95 of 1..100 (numpy.quantile([1..100], [0.05, 0.5, 0.95]))', () => {
    const a = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    // numpy 2.x: [5.95, 50.5, 95.05]
    const [p5, p50, p95] = quantilesBySelection(a, [0.05, 0.5, 0.95]);
    expect(p5).toBeCloseTo(5.95, 12);
    expect(p50).toBe(50.5);
    expect(p95).toBeCloseTo(95.05, 12);
  });
});

describe('exactAccumulator', () => {
  test('a metric that never moves has its value as mean, extremes and every quantile', () => {
    const acc = exactAccumulator([0.05, 0.5, 0.95], 5);
    for (let i = 0; i < 5; i++) acc.add(0.1);
    const band = acc.band(0.1, true);
    expect(band).toEqual({
      value: 0.1,
      mean: 0.1,
      min: 0.1,
      max: 0.1,
      quantiles: [
        { p: 0.05, value: 0.1 },
        { p: 0.5, value: 0.1 },
        { p: 0.95, value: 0.1 },
      ],
      draws: [0.1, 0.1, 0.1, 0.1, 0.1],
    });
  });
  test('a metric that moves after some draws keeps the draws before it', () => {
    const acc = exactAccumulator([0, 1], 4);
    for (const v of [2, 2, 2, 6]) acc.add(v);
    const band = acc.band(2, true);
    expect(band.draws).toEqual([2, 2, 2, 6]);
    expect(band.mean).toBe(3);
    expect(band.quantiles.map((q) => q.value)).toEqual([2, 6]);
  });
});

describe('sharedAccumulators', () => {
  // Metrics that copy another one for a while and then depart (as the rows of years a scenario
  // leaves alike do, or not), with ties and constants: the shared bands must be, bit for bit, those
  // of one accumulator per metric.
  const series = fc
    .record({
      base: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }), {
        minLength: 1,
        maxLength: 4,
      }),
      copies: fc.array(
        fc.record({
          of: fc.nat(),
          until: fc.integer({ min: 0, max: 12 }),
          shift: fc.integer({ min: 1, max: 2 }),
        }),
        { maxLength: 8 },
      ),
    })
    .map(({ base, copies }) => [
      ...base,
      ...copies.map(({ of, until, shift }) => {
        const source = base[of % base.length] as number[];
        return source.map((v, d) => (d < until ? v : v + shift));
      }),
    ]);
  test.each(['exact', 'streaming'] as const)(
    '%s: each metric ends as with its own accumulator (property)',
    (method) => {
      fc.assert(
        fc.property(series, fc.boolean(), (metrics, keep) => {
          const ps = [0.05, 0.5, 0.95];
          const make = () =>
            method === 'exact' ? exactAccumulator(ps, 12) : streamingAccumulator(ps);
          const keepDraws = keep && method === 'exact';
          const alone = metrics.map((draws, i) => {
            const acc = make();
            for (const v of draws) acc.add(v);
            return acc.band(i, keepDraws);
          });
          const shared = sharedAccumulators(make, metrics.length);
          for (let d = 0; d < 12; d++) shared.add(metrics.map((m) => m[d] as number));
          expect(
            shared.bands(
              metrics.map((_, i) => i),
              keepDraws,
            ),
          ).toStrictEqual(alone);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('streamingAccumulator', () => {
  test('a metric that never moves has its value as every statistic', () => {
    const acc = streamingAccumulator([0.05, 0.5]);
    acc.addRepeated(0.3, 7);
    expect(acc.band(0.3, false)).toEqual({
      value: 0.3,
      mean: 0.3,
      min: 0.3,
      max: 0.3,
      quantiles: [
        { p: 0.05, value: 0.3 },
        { p: 0.5, value: 0.3 },
      ],
    });
  });
  test('a metric that moves late gets the estimators fed every draw in order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), values, (still, rest) => {
        const series = [...Array.from({ length: still }, () => rest[0] ?? 0), ...rest];
        const acc = streamingAccumulator([0.1, 0.9]);
        for (const v of series) acc.add(v);
        const band = acc.band(0, false);
        const direct = [0.1, 0.9].map((p) => {
          const e = new StreamingQuantile(p);
          for (const v of series) e.add(v);
          return e.value();
        });
        expect(band.min).toBe(Math.min(...series));
        expect(band.max).toBe(Math.max(...series));
        // The clamp keeps P10 ≤ P90 within [min, max]; unclamped, they are the estimators' own.
        expect(band.quantiles[0]?.value).toBe(
          Math.min(band.max, Math.max(band.min, direct[0] as number)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
