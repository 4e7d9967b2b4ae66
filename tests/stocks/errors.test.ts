// Bad input gets a RareEarthsError naming the function, the path and what was expected; degenerate
// lifetimes (no spread, zero mean or shape) are refused rather than silently giving zero survival
// as ODYM does (notes: methods.md §1.4, §1.6).
import { describe, expect, test } from 'vitest';
import {
  inflowDrivenStock,
  type Lifetime,
  stockBalance,
  stockDrivenStock,
  survival,
} from '../../src/index.js';
import { refusal as error } from '../support/refusal.js';

const fixed3: Lifetime = { kind: 'fixed', mean: 3 };

describe('lifetimes', () => {
  test.each([
    [
      { kind: 'gamma' },
      "survival: lifetime.kind: expected 'fixed', 'normal', 'foldedNormal', 'logNormal' or 'weibull', got \"gamma\"",
    ],
    [
      null,
      "survival: lifetime: expected a lifetime { kind: 'fixed', 'normal', 'foldedNormal', 'logNormal' or 'weibull', … }, got null",
    ],
    [
      [fixed3],
      "survival: lifetime: expected a lifetime { kind: 'fixed', 'normal', 'foldedNormal', 'logNormal' or 'weibull', … }, got an array of length 1",
    ],
    [
      { kind: 'fixed', mean: 0 },
      'survival: lifetime.mean: expected a positive mean lifetime in years, got 0',
    ],
    [
      { kind: 'fixed', mean: Number.POSITIVE_INFINITY },
      'survival: lifetime.mean: expected a positive mean lifetime in years, got Infinity',
    ],
    [
      { kind: 'normal', mean: 10, sd: 0 },
      "survival: lifetime.sd: expected a positive standard deviation in years (use kind 'fixed' for a lifetime without spread), got 0",
    ],
    [
      { kind: 'normal', mean: -1, sd: 2 },
      'survival: lifetime.mean: expected a positive mean lifetime in years, got -1',
    ],
    [
      { kind: 'logNormal', mean: 0, sd: 2 },
      'survival: lifetime.mean: expected a positive mean lifetime in years, got 0',
    ],
    [
      { kind: 'foldedNormal', mean: -1, sd: 2 },
      'survival: lifetime.mean: expected a non-negative mean in years, got -1',
    ],
    [
      { kind: 'foldedNormal', mean: '3', sd: 2 },
      'survival: lifetime.mean: expected a non-negative mean in years, got "3"',
    ],
    [
      { kind: 'weibull', shape: 0, scale: 10 },
      'survival: lifetime.shape: expected a positive Weibull shape, got 0',
    ],
    [
      { kind: 'weibull', shape: 2, scale: Number.NaN },
      'survival: lifetime.scale: expected a positive Weibull scale in years, got NaN',
    ],
  ])('%j is refused', (lifetime, message) => {
    const e = error(() => survival(lifetime as unknown as Lifetime, [1]));
    expect(e.message).toBe(message);
    expect(e.code).toBe('invalid-argument');
  });

  test('ages and timing are checked', () => {
    expect(error(() => survival(fixed3, [1, -1])).message).toBe(
      'survival: ages[1]: expected a finite non-negative age in years, got -1',
    );
    expect(error(() => survival(fixed3, [Number.POSITIVE_INFINITY])).message).toBe(
      'survival: ages[0]: expected a finite non-negative age in years, got Infinity',
    );
    expect(error(() => survival(fixed3, ['5'] as never)).message).toBe(
      'survival: ages[0]: expected a finite non-negative age in years, got "5"',
    );
    expect(error(() => survival(fixed3, 5 as never)).message).toBe(
      'survival: ages: expected an array of ages in years, got 5',
    );
    expect(error(() => survival(fixed3, [1], { timing: 'late' as never })).message).toBe(
      "survival: options.timing: expected 'end', 'middle' or 'start', got \"late\"",
    );
  });

  test('the default timing is middle, and each timing shifts the age', () => {
    const lt: Lifetime = { kind: 'weibull', shape: 1, scale: 1 };
    expect(survival(lt, [0, 1])).toEqual([Math.exp(-0.5), Math.exp(-1.5)]);
    expect(survival(lt, [0, 1], { timing: 'end' })).toEqual([1, Math.exp(-1)]);
    expect(survival(lt, [0, 1], { timing: 'start' })).toEqual([Math.exp(-1), Math.exp(-2)]);
    expect(survival(lt, new Float64Array([2]), {})).toEqual([Math.exp(-2.5)]);
    expect(survival(lt, [])).toEqual([]);
  });

  test('closed forms at their landmarks', () => {
    expect(survival({ kind: 'fixed', mean: 2.5 }, [2, 2.5, 3], { timing: 'end' })).toEqual([
      1, 0, 0,
    ]);
    expect(survival({ kind: 'normal', mean: 4, sd: 2 }, [4], { timing: 'end' })).toEqual([0.5]);
    // Folded normal with mean 0 is the half-normal: S(a) = erfc(a / (σ√2)); S(0) = 1.
    expect(survival({ kind: 'foldedNormal', mean: 0, sd: 1 }, [0], { timing: 'end' })).toEqual([1]);
    // The lognormal's median is exp(μ_ln) = mean / √(1 + sd²/mean²).
    const median = 10 / Math.sqrt(1 + 0.25);
    expect(
      survival({ kind: 'logNormal', mean: 10, sd: 5 }, [median], { timing: 'end' })[0],
    ).toBeCloseTo(0.5, 14);
    expect(survival({ kind: 'logNormal', mean: 10, sd: 5 }, [0], { timing: 'end' })).toEqual([1]);
    expect(
      survival({ kind: 'weibull', shape: 3, scale: 7 }, [7], { timing: 'end' })[0],
    ).toBeCloseTo(Math.exp(-1), 15);
  });
});

describe('dynamic stock models', () => {
  test('series and lifetimes are checked', () => {
    expect(error(() => inflowDrivenStock({ inflow: [], lifetime: fixed3 })).message).toBe(
      'inflowDrivenStock: inflow: expected a non-empty array of numbers, one per year, got an array of length 0',
    );
    expect(error(() => inflowDrivenStock(undefined as never)).message).toBe(
      'inflowDrivenStock: inflow: expected a non-empty array of numbers, one per year, got undefined',
    );
    expect(
      error(() => inflowDrivenStock({ inflow: [1, Number.NaN], lifetime: fixed3 })).message,
    ).toBe('inflowDrivenStock: inflow[1]: expected a finite number, got NaN');
    expect(error(() => inflowDrivenStock({ inflow: [1, 2], lifetime: [fixed3] })).message).toBe(
      'inflowDrivenStock: lifetime: expected one lifetime, or an array of 2 (one per year), got an array of length 1',
    );
    expect(
      error(() =>
        inflowDrivenStock({
          inflow: [1, 2],
          lifetime: [fixed3, { kind: 'normal', mean: 2, sd: -1 }],
        }),
      ).message,
    ).toBe(
      "inflowDrivenStock: lifetime[1].sd: expected a positive standard deviation in years (use kind 'fixed' for a lifetime without spread), got -1",
    );
    expect(
      error(() => inflowDrivenStock({ inflow: [1], lifetime: fixed3, timing: 'now' as never }))
        .message,
    ).toBe("inflowDrivenStock: timing: expected 'end', 'middle' or 'start', got \"now\"");
    expect(
      error(() => stockDrivenStock({ stock: [1], lifetime: fixed3, timing: 'now' as never }))
        .message,
    ).toBe("stockDrivenStock: timing: expected 'end', 'middle' or 'start', got \"now\"");
    expect(
      error(() => inflowDrivenStock({ inflow: [1], lifetime: fixed3, initialStock: null as never }))
        .message,
    ).toBe('inflowDrivenStock: initialStock: expected an object { byAge, lifetime? }, got null');
    expect(error(() => stockDrivenStock({ stock: [1, -1], lifetime: fixed3 })).message).toBe(
      'stockDrivenStock: stock[1]: expected a finite non-negative number, got -1',
    );
    expect(
      error(() =>
        stockDrivenStock({ stock: [10], lifetime: fixed3, negativeInflow: 'clamp' as never }),
      ).message,
    ).toBe(
      "stockDrivenStock: negativeInflow: expected 'allow', 'retire' or 'throw', got \"clamp\"",
    );
  });

  test('an initial stock is checked against its lifetime', () => {
    expect(
      error(() =>
        inflowDrivenStock({
          inflow: [1],
          lifetime: fixed3,
          timing: 'end',
          initialStock: { byAge: [1, 1, 1, 1] },
        }),
      ).message,
    ).toBe(
      "inflowDrivenStock: initialStock.byAge[3]: expected 0 (under its lifetime nothing is still in use at age 3 with timing 'end'), got 1",
    );
    // A zero at an unreachable age is fine.
    expect(
      inflowDrivenStock({
        inflow: [1],
        lifetime: fixed3,
        timing: 'end',
        initialStock: { byAge: [1, 1, 1, 0] },
      }).stock,
    ).toEqual([3]);
    expect(
      error(() =>
        stockDrivenStock({ stock: [1], lifetime: fixed3, initialStock: { byAge: [0, 0, 0, 5] } }),
      ).message,
    ).toBe(
      "stockDrivenStock: initialStock.byAge[3]: expected 0 (under its lifetime nothing is still in use at age 3 with timing 'middle'), got 5",
    );
    expect(
      error(() =>
        inflowDrivenStock({
          inflow: [1],
          lifetime: fixed3,
          timing: 'start',
          initialStock: { byAge: [0, 0, 5] },
        }),
      ).message,
    ).toBe(
      "inflowDrivenStock: initialStock.byAge[2]: expected 0 (under its lifetime nothing is still in use at age 2 with timing 'start'), got 5",
    );
    expect(
      error(() => inflowDrivenStock({ inflow: [1], lifetime: fixed3, initialStock: 3 as never }))
        .message,
    ).toBe('inflowDrivenStock: initialStock: expected an object { byAge, lifetime? }, got 3');
    expect(
      error(() =>
        inflowDrivenStock({
          inflow: [1],
          lifetime: fixed3,
          initialStock: { byAge: [1, 2], lifetime: [fixed3] },
        }),
      ).message,
    ).toBe(
      'inflowDrivenStock: initialStock.lifetime: expected one lifetime, or an array of 2 (one per age), got an array of length 1',
    );
    expect(
      error(() =>
        inflowDrivenStock({
          inflow: [1],
          lifetime: fixed3,
          initialStock: { byAge: [1, 2], lifetime: [fixed3, { kind: 'fixed', mean: -2 }] },
        }),
      ).message,
    ).toBe(
      'inflowDrivenStock: initialStock.lifetime[1].mean: expected a positive mean lifetime in years, got -2',
    );
    expect(
      error(() =>
        inflowDrivenStock({ inflow: [1], lifetime: fixed3, initialStock: { byAge: [1, -2] } }),
      ).message,
    ).toBe(
      'inflowDrivenStock: initialStock.byAge[1]: expected a finite non-negative number, got -2',
    );
  });

  test('normal and folded-normal cohorts with equal parameters keep their own curves', () => {
    const normal: Lifetime = { kind: 'normal', mean: 2, sd: 2 };
    const folded: Lifetime = { kind: 'foldedNormal', mean: 2, sd: 2 };
    const mixed = inflowDrivenStock({ inflow: [1, 1], lifetime: [normal, folded], timing: 'end' });
    const second = inflowDrivenStock({ inflow: [0, 1], lifetime: folded, timing: 'end' });
    expect(mixed.stockByCohort[1]?.[1]).toBe(second.stockByCohort[1]?.[1]);
    expect(mixed.stockByCohort[1]?.[1]).toBe(1);
    expect(mixed.stockByCohort[0]?.[0]).toBeLessThan(1);
  });

  test('the initial stock defaults to the first cohort lifetime and leaves conditionally', () => {
    const model = inflowDrivenStock({
      inflow: [0, 0, 0],
      lifetime: [fixed3, { kind: 'fixed', mean: 1 }, { kind: 'fixed', mean: 1 }],
      timing: 'end',
      initialStock: { byAge: [6, 0, 4] },
    });
    // Age 0 (entered last year) stays two more years under fixed 3; age 2 leaves this year.
    expect(model.openingStock).toBe(10);
    expect(model.stock).toEqual([6, 6, 0]);
    expect(model.outflow).toEqual([4, 0, 6]);
    expect(model.initial?.stock).toEqual([6, 6, 0]);
    expect(Array.from(model.initial?.outflowByAge[0] ?? [])).toEqual([0, 0, 4]);
  });

  test('a first-year survival of 0 makes the stock-driven model not computable', () => {
    const e = error(() =>
      stockDrivenStock({ stock: [1, 1], lifetime: { kind: 'fixed', mean: 1 }, timing: 'start' }),
    );
    expect(e.code).toBe('not-computable');
    expect(e.message).toBe(
      "stockDrivenStock: lifetime: expected a lifetime under which part of an inflow is still in use at the end of its first year, got a survival of 0 there (timing 'start', cohort 0): no inflow can build the stock",
    );
    const perCohort = error(() =>
      stockDrivenStock({ stock: [1, 1], lifetime: [fixed3, { kind: 'fixed', mean: 0.5 }] }),
    );
    expect(perCohort.issues[0]?.path).toEqual(['lifetime', 1]);
    expect(perCohort.message).toContain("(timing 'middle', cohort 1)");
    // The inflow-driven model is fine with it: everything leaves in its first year.
    expect(
      inflowDrivenStock({ inflow: [1, 1], lifetime: { kind: 'fixed', mean: 1 }, timing: 'start' })
        .outflow,
    ).toEqual([1, 1]);
  });

  test("negativeInflow: 'throw' refuses the first year with a negative inflow", () => {
    const e = error(() =>
      stockDrivenStock({
        stock: [10, 20, 10, 0],
        lifetime: fixed3,
        timing: 'end',
        negativeInflow: 'throw',
      }),
    );
    expect(e.code).toBe('not-computable');
    expect(e.message).toBe(
      "stockDrivenStock: stock[2]: expected a stock no smaller than what is still in use from earlier years (negativeInflow: 'throw'), got 10 while 20 is still in use",
    );
    expect(
      stockDrivenStock({
        stock: [10, 20, 30],
        lifetime: fixed3,
        timing: 'end',
        negativeInflow: 'throw',
      }).inflow,
    ).toEqual([10, 10, 10]);
  });

  test("negativeInflow: 'retire' shrinks every cohort by the same fraction, now and later", () => {
    const model = stockDrivenStock({
      stock: [10, 20, 10, 10],
      lifetime: { kind: 'fixed', mean: 3 },
      timing: 'end',
      negativeInflow: 'retire',
    });
    // Year 2: 20 in use, target 10: half of each cohort retires early; year 3 the first cohort
    // (already halved) leaves on schedule and a new inflow replaces it.
    expect(model.inflow).toEqual([10, 10, 0, 5]);
    expect(model.earlyRetirement).toEqual([0, 0, 10, 0]);
    expect(Array.from(model.stockByCohort[2] ?? [])).toEqual([5, 5, 0, 0]);
    expect(Array.from(model.outflowByCohort[3] ?? [])).toEqual([5, 0, 0, 0]);
    expect(model.outflow).toEqual([0, 0, 10, 5]);
  });

  test('early retirement also shrinks an initial stock', () => {
    const model = stockDrivenStock({
      stock: [4],
      lifetime: fixed3,
      timing: 'end',
      negativeInflow: 'retire',
      initialStock: { byAge: [6, 2] },
    });
    expect(model.earlyRetirement).toEqual([4]);
    expect(model.initial?.stock).toEqual([4]);
    expect(Array.from(model.initial?.stockByAge[0] ?? [])).toEqual([3, 1]);
    expect(model.outflow).toEqual([4]);
  });
});

describe('stockBalance', () => {
  const model = inflowDrivenStock({
    inflow: [1, 2, 3],
    lifetime: { kind: 'normal', mean: 1, sd: 1 },
  });

  test('refuses a bad tolerance and inconsistent lengths', () => {
    expect(error(() => stockBalance(model, { tolerance: -1 })).message).toBe(
      'stockBalance: options.tolerance: expected a finite non-negative number, got -1',
    );
    expect(error(() => stockBalance({ ...model, inflow: [1] })).message).toBe(
      'stockBalance: result.inflow: expected 3 years, like result.stock, got an array of length 1',
    );
    for (const key of ['outflow', 'stockByCohort', 'outflowByCohort'] as const) {
      expect(error(() => stockBalance({ ...model, [key]: [] })).issues[0]?.path).toEqual([
        'result',
        key,
      ]);
    }
  });

  test('finds a broken balance, a total that is not the sum of its cohorts, and NaN', () => {
    expect(stockBalance(model).balanced).toBe(true);
    const broken = stockBalance({ ...model, outflow: [0, 0, 0] });
    expect(broken.balanced).toBe(false);
    expect(broken.residual[0]).toBeCloseTo(model.outflow[0] as number, 15);
    // Consistent flows, but totals that are not the sums of the cohorts.
    const shifted = stockBalance({
      ...model,
      stock: model.stock.map((s) => s + 1),
      openingStock: 1,
    });
    expect(shifted.residual.every((r) => Math.abs(r) < 1e-12)).toBe(true);
    expect(shifted.balanced).toBe(false);
    const outflowOff = stockBalance({
      ...model,
      outflowByCohort: model.outflowByCohort.map((row) => row.map((v) => v * 2)),
    });
    expect(outflowOff.balanced).toBe(false);
    const nan = stockBalance({ ...model, stock: [Number.NaN, 1, 1] });
    expect(nan.balanced).toBe(false);
    expect(Number.isNaN(nan.maxRelativeResidual)).toBe(true);
    expect(stockBalance({ ...model, outflow: [0, 0, 0] }, { tolerance: 10 }).balanced).toBe(true);
  });

  test('reports the worst year, not the last, and accepts a residual equal to the tolerance', () => {
    const firstOnly = stockBalance({ ...model, outflow: [0, ...model.outflow.slice(1)] });
    expect(firstOnly.balanced).toBe(false);
    expect(firstOnly.maxRelativeResidual).toBeGreaterThan(0.1);
    const exact = inflowDrivenStock({ inflow: [1, 2, 3], lifetime: fixed3, timing: 'end' });
    expect(stockBalance(exact, { tolerance: 0 })).toEqual({
      residual: [0, 0, 0],
      maxRelativeResidual: 0,
      balanced: true,
    });
  });

  test('an all-zero model balances', () => {
    const zero = inflowDrivenStock({ inflow: [0, 0], lifetime: fixed3 });
    expect(stockBalance(zero)).toEqual({
      residual: [0, 0],
      maxRelativeResidual: 0,
      balanced: true,
    });
  });
});
