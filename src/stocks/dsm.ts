import { invalidArgument, RareEarthsError } from '../errors/index.js';
import {
  type CompiledLifetime,
  compileLifetime,
  fillSurvival,
  isArrayLike,
  type Lifetime,
  type Timing,
  timingOffset,
} from './lifetime.js';

/**
 * A stock already in use when the model starts, by age.
 *
 * `byAge[0]` is what entered in the year before the first model year and is still in use at the
 * end of that year; `byAge[k]` entered k years earlier. Each initial cohort then leaves as its
 * lifetime says, given that it has survived to its current age (its survival curve is divided by
 * its survival at that age), which is what ODYM's `compute_stock_driven_model_initialstock` does.
 * Units: those of the model's flows (tonnes, units …).
 *
 * @category Stocks
 */
export interface InitialStock {
  /** Stock at the start, by age in whole years (0 = the youngest), each finite and ≥ 0. */
  readonly byAge: ArrayLike<number>;
  /**
   * Lifetime of the initial cohorts: one for all, or one per age (same length as `byAge`).
   * Default: the model's lifetime, or its first cohort's when it varies by cohort.
   */
  readonly lifetime?: Lifetime | readonly Lifetime[];
}

/**
 * Input of {@link inflowDrivenStock}.
 *
 * @category Stocks
 */
export interface InflowDrivenStockInput {
  /** Inflow in each model year (any unit per year: tonnes, units …), finite. */
  readonly inflow: ArrayLike<number>;
  /** One lifetime for every cohort, or one per cohort (same length as `inflow`). */
  readonly lifetime: Lifetime | readonly Lifetime[];
  /** Where in its year an inflow arrives; default `'middle'`. */
  readonly timing?: Timing;
  /** Stock already in use at the start, by age; default none (the model starts empty). */
  readonly initialStock?: InitialStock;
}

/**
 * What {@link stockDrivenStock} does in a year where the cohorts still in use already exceed the
 * stock: `'allow'` returns the negative inflow the arithmetic gives (ODYM's default, flodym's only
 * behaviour); `'retire'` sets the inflow to 0 and retires every cohort early by the same fraction
 * so the stock is met (ODYM's `NegativeInflowCorrect`, after Deetman and Pauliuk), shrinking each
 * retired cohort in all later years too; `'throw'` refuses with a {@link RareEarthsError}.
 *
 * @category Stocks
 */
export type NegativeInflow = 'allow' | 'retire' | 'throw';

/**
 * Input of {@link stockDrivenStock}.
 *
 * @category Stocks
 */
export interface StockDrivenStockInput {
  /** Stock in use at the end of each model year (any unit), finite and ≥ 0. */
  readonly stock: ArrayLike<number>;
  /** One lifetime for every cohort, or one per cohort (same length as `stock`). */
  readonly lifetime: Lifetime | readonly Lifetime[];
  /** Where in its year an inflow arrives; default `'middle'`. */
  readonly timing?: Timing;
  /** What to do when the stock falls faster than its cohorts retire; default `'allow'`. */
  readonly negativeInflow?: NegativeInflow;
  /** Stock already in use at the start, by age; default none. */
  readonly initialStock?: InitialStock;
}

/**
 * What became of an {@link InitialStock}, year by year.
 *
 * @category Stocks
 */
export interface InitialStockFate {
  /** What remains of the initial stock at the end of each year. */
  readonly stock: number[];
  /** What leaves the initial stock during each year. */
  readonly outflow: number[];
  /** `stockByAge[year][age]`: the part of `stock` from each initial age cohort. */
  readonly stockByAge: Float64Array[];
  /** `outflowByAge[year][age]`: the part of `outflow` from each initial age cohort. */
  readonly outflowByAge: Float64Array[];
}

/**
 * The result of a dynamic stock model: flows and stocks by year, and by year and cohort.
 *
 * Year `t` and cohort `c` are positions 0 … n − 1 in the input series; cohort `c` is what entered
 * in year `c`. Stocks are measured at the end of each year and flows happen during it, so every
 * year balances: `inflow[t] − outflow[t] = stock[t] − stock[t − 1]`, with `stock[−1] =
 * openingStock` (see {@link stockBalance}).
 *
 * Totals are plain arrays of numbers (small, JSON-ready). The year × cohort matrices are arrays of
 * rows, each row a `Float64Array` of length n over one shared buffer, because they are large
 * (n² numbers) and typed arrays are what make the model fast; `Array.from(row)` gives a plain
 * array where JSON is needed. Entries above the diagonal (`c > t`) are 0.
 *
 * @category Stocks
 */
export interface DynamicStock {
  /** Inflow in each year (given, or solved for by the stock-driven model). */
  readonly inflow: number[];
  /** Outflow (end of life) in each year, including any early retirement. */
  readonly outflow: number[];
  /** Stock at the end of each year. */
  readonly stock: number[];
  /** `stockByCohort[year][cohort]`: what is left at the end of `year` of the inflow of `cohort`. */
  readonly stockByCohort: Float64Array[];
  /** `outflowByCohort[year][cohort]`: what leaves during `year` of the inflow of `cohort`. */
  readonly outflowByCohort: Float64Array[];
  /** The stock before the first year: the sum of the initial stock, or 0. */
  readonly openingStock: number;
  /** Early retirement in each year under `negativeInflow: 'retire'` (part of `outflow`); else 0. */
  readonly earlyRetirement: number[];
  /** What became of the initial stock; present only when one was given. */
  readonly initial?: InitialStockFate;
}

/**
 * Stock and outflow from a given inflow and lifetime: the inflow-driven dynamic stock model.
 *
 * Definition (ODYM's `compute_s_c_inflow_driven` and `compute_o_c_from_s_c`; flodym's
 * `InflowDrivenDSM`): `stockByCohort[t][c] = inflow[c]·S_c(t − c + offset)` for t ≥ c, where S_c
 * is cohort c's survival function and the offset is 0, ½ or 1 for timing `'end'`, `'middle'`,
 * `'start'`; `outflowByCohort[c][c] = inflow[c] − stockByCohort[c][c]` and
 * `outflowByCohort[t][c] = stockByCohort[t−1][c] − stockByCohort[t][c]`. Timing `'end'` matches
 * ODYM, `'middle'` matches flodym's default, to 1e-9 (tests/stocks/dsm.test.ts). Float64, totals by
 * compensated summation; O(n²) time and memory.
 *
 * @category Stocks
 * @param input - `inflow` by year, `lifetime` (one or one per cohort), `timing` (default
 *   `'middle'`), `initialStock` by age (default none)
 * @returns stock, outflow and the year × cohort matrices, in the unit of the inflow
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or non-finite inflow, a bad
 *   lifetime (see {@link survival}), a per-cohort lifetime array of the wrong length, an unknown
 *   timing, or an initial stock at an age its lifetime says cannot be reached; (`not-computable`)
 *   when the amounts are so large (near 1.8e308) that their sums overflow float64
 * @example
 * ```ts
 * import { inflowDrivenStock } from 'rare-earths';
 *
 * const model = inflowDrivenStock({
 *   inflow: [10, 10, 10, 10],
 *   lifetime: { kind: 'fixed', mean: 2 },
 *   timing: 'end',
 * });
 * model.stock; // => [10, 20, 20, 20]
 * model.outflow; // => [0, 0, 10, 10]
 * Array.from(model.stockByCohort[2] ?? []); // => [0, 10, 10, 0]
 *
 * const ev = inflowDrivenStock({ inflow: [100, 120, 150], lifetime: { kind: 'weibull', shape: 2.5, scale: 16 } });
 * ev.stock; // ≈ [99.98, 219.71, 368.69]
 * ```
 */
export function inflowDrivenStock(input: InflowDrivenStockInput): DynamicStock {
  return runInflowDriven('inflowDrivenStock', input);
}

/**
 * {@link inflowDrivenStock} with the caller's function name in errors.
 *
 * @internal
 */
export function runInflowDriven(fn: string, input: InflowDrivenStockInput): DynamicStock {
  const inflow = readSeries(fn, ['inflow'], input?.inflow, false);
  const offset = timingOffset(fn, ['timing'], input.timing);
  const n = inflow.length;
  const surv = cohortSurvival(fn, input.lifetime, n, offset);
  const initial = readInitialStock(fn, input.initialStock, input.lifetime, n, offset);
  return simulate(fn, n, surv, initial, inflow, false, POLICY_ALLOW);
}

/**
 * Inflow and outflow that keep a given stock, under a lifetime: the stock-driven dynamic stock
 * model.
 *
 * Definition (ODYM's `compute_stock_driven_model`; flodym's `StockDrivenDSM`): forward substitution
 * on the lower-triangular system `Σ_c S_c(t − c + offset)·inflow[c] = stock[t]`, year by year:
 * `inflow[m] = (stock[m] − Σ_{c<m} stockByCohort[m][c]) / S_m(offset)`. When the surviving cohorts
 * exceed the stock, the inflow comes out negative; `negativeInflow` decides what happens then
 * ({@link NegativeInflow}). Timing `'end'` matches ODYM (with and without its
 * `NegativeInflowCorrect`), `'middle'` matches flodym, to 1e-9. Float64, compensated sums; O(n²).
 *
 * @category Stocks
 * @param input - `stock` by year, `lifetime` (one or one per cohort), `timing` (default
 *   `'middle'`), `negativeInflow` (default `'allow'`), `initialStock` by age (default none)
 * @returns inflow, outflow, stock and the year × cohort matrices, in the unit of the stock
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty, negative or non-finite stock
 *   and the input errors of {@link inflowDrivenStock}; (`not-computable`) when a cohort's survival
 *   at the end of its first year is 0 (a fixed lifetime of at most 1 year under `'start'`, say:
 *   no inflow can then reach the stock), with `negativeInflow: 'throw'`, in the first year the
 *   inflow would be negative, or when the amounts are so large that their sums overflow float64
 * @example
 * ```ts
 * import { stockDrivenStock } from 'rare-earths';
 *
 * const model = stockDrivenStock({
 *   stock: [10, 20, 20, 20],
 *   lifetime: { kind: 'fixed', mean: 2 },
 *   timing: 'end',
 * });
 * model.inflow; // => [10, 10, 10, 10]
 *
 * // A stock that halves faster than its cohorts retire:
 * const falling = { stock: [10, 20, 10], lifetime: { kind: 'fixed', mean: 3 }, timing: 'end' } as const;
 * stockDrivenStock(falling).inflow; // => [10, 10, -10]
 * stockDrivenStock({ ...falling, negativeInflow: 'retire' }).inflow; // => [10, 10, 0]
 * stockDrivenStock({ ...falling, negativeInflow: 'retire' }).earlyRetirement; // => [0, 0, 10]
 * ```
 */
export function stockDrivenStock(input: StockDrivenStockInput): DynamicStock {
  return runStockDriven('stockDrivenStock', input);
}

/**
 * {@link stockDrivenStock} with the caller's function name in errors.
 *
 * @internal
 */
export function runStockDriven(fn: string, input: StockDrivenStockInput): DynamicStock {
  const stock = readSeries(fn, ['stock'], input?.stock, true);
  const offset = timingOffset(fn, ['timing'], input.timing);
  const policy = readPolicy(fn, input.negativeInflow);
  const n = stock.length;
  const surv = cohortSurvival(fn, input.lifetime, n, offset);
  const initial = readInitialStock(fn, input.initialStock, input.lifetime, n, offset);
  for (let c = 0; c < n; c++) {
    if ((surv[c] as Float64Array)[0] === 0) {
      const timing = input.timing ?? 'middle';
      throw new RareEarthsError(fn, 'not-computable', [
        {
          path: Array.isArray(input.lifetime) ? ['lifetime', c] : ['lifetime'],
          message: `expected a lifetime under which part of an inflow is still in use at the end of its first year, got a survival of 0 there (timing '${timing}', cohort ${c}): no inflow can build the stock`,
        },
      ]);
    }
  }
  return simulate(fn, n, surv, initial, stock, true, policy);
}

const POLICY_ALLOW = 0;
const POLICY_RETIRE = 1;
const POLICY_THROW = 2;

function readPolicy(fn: string, value: unknown): number {
  if (value === undefined || value === 'allow') return POLICY_ALLOW;
  if (value === 'retire') return POLICY_RETIRE;
  if (value === 'throw') return POLICY_THROW;
  return invalidArgument(fn, ['negativeInflow'], "'allow', 'retire' or 'throw'", value);
}

function readSeries(
  fn: string,
  path: readonly (string | number)[],
  values: unknown,
  nonNegative: boolean,
): Float64Array {
  if (!isArrayLike(values) || values.length === 0) {
    return invalidArgument(fn, path, 'a non-empty array of numbers, one per year', values);
  }
  const out = new Float64Array(values.length);
  for (let t = 0; t < values.length; t++) {
    const v = values[t];
    if (!Number.isFinite(v) || (nonNegative && (v as number) < 0)) {
      invalidArgument(
        fn,
        [...path, t],
        nonNegative ? 'a finite non-negative number' : 'a finite number',
        v,
      );
    }
    out[t] = v as number;
  }
  return out;
}

/**
 * Survival curves by cohort: `out[c][k] = S_c(k + offset)` for k = 0 … n − 1 − c. Cohorts with
 * equal lifetimes share one curve.
 */
function cohortSurvival(fn: string, lifetime: unknown, n: number, offset: number): Float64Array[] {
  const out = new Array<Float64Array>(n);
  if (!Array.isArray(lifetime)) {
    const curve = new Float64Array(n);
    fillSurvival(compileLifetime(fn, ['lifetime'], lifetime), offset, curve);
    return out.fill(curve);
  }
  if (lifetime.length !== n) {
    invalidArgument(fn, ['lifetime'], `one lifetime, or an array of ${n} (one per year)`, lifetime);
  }
  const compiled = lifetime.map((l: unknown, c) => compileLifetime(fn, ['lifetime', c], l));
  const shared = new Map<string, Float64Array>();
  for (let c = 0; c < n; c++) {
    const l = compiled[c] as CompiledLifetime;
    let curve = shared.get(l.key);
    if (curve === undefined) {
      curve = new Float64Array(n - c);
      fillSurvival(l, offset, curve);
      shared.set(l.key, curve);
    }
    out[c] = curve;
  }
  return out;
}

interface PreparedInitial {
  readonly byAge: Float64Array;
  /** `curves[k][a] = S_k(a + offset)` for a = 0 … h + n − 1. */
  readonly curves: Float64Array[];
}

function readInitialStock(
  fn: string,
  initial: InitialStock | undefined,
  modelLifetime: unknown,
  n: number,
  offset: number,
): PreparedInitial | undefined {
  if (initial === undefined) return undefined;
  if (typeof initial !== 'object' || initial === null) {
    return invalidArgument(fn, ['initialStock'], 'an object { byAge, lifetime? }', initial);
  }
  const byAge = readSeries(fn, ['initialStock', 'byAge'], initial.byAge, true);
  const h = byAge.length;
  const given = initial.lifetime;
  // Without its own lifetime the initial stock takes the model's, which is already validated.
  const path = ['initialStock', 'lifetime'];
  const lifetime =
    given ?? (Array.isArray(modelLifetime) ? (modelLifetime[0] as unknown) : modelLifetime);
  const curves = new Array<Float64Array>(h);
  if (Array.isArray(lifetime) && lifetime.length !== h) {
    invalidArgument(fn, path, `one lifetime, or an array of ${h} (one per age)`, lifetime);
  }
  const shared = new Map<string, Float64Array>();
  for (let k = 0; k < h; k++) {
    const l = Array.isArray(lifetime)
      ? compileLifetime(fn, [...path, k], lifetime[k])
      : compileLifetime(fn, path, lifetime);
    let curve = shared.get(l.key);
    if (curve === undefined) {
      curve = new Float64Array(h + n);
      fillSurvival(l, offset, curve);
      shared.set(l.key, curve);
    }
    curves[k] = curve;
    if ((byAge[k] as number) > 0 && curve[k] === 0) {
      invalidArgument(
        fn,
        ['initialStock', 'byAge', k],
        `0 (under its lifetime nothing is still in use at age ${k} with timing '${timingName(offset)}')`,
        byAge[k],
      );
    }
  }
  return { byAge, curves };
}

function timingName(offset: number): Timing {
  return offset === 0 ? 'end' : offset === 1 ? 'start' : 'middle';
}

/**
 * Compensated sum of `buffer[from … to − 1]`: each addition's rounding error, found exactly by
 * Knuth's branch-free TwoSum, goes into a second accumulator (as accurate as Neumaier's method,
 * and faster in the model's inner loops, where the same update is written out inline).
 */
function sumRange(buffer: Float64Array, from: number, to: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = from; i < to; i++) {
    const value = buffer[i] as number;
    const next = sum + value;
    const back = next - sum;
    compensation += sum - (next - back) + (value - back);
    sum = next;
  }
  return sum + compensation;
}

function rows(buffer: Float64Array, count: number, width: number): Float64Array[] {
  const out = new Array<Float64Array>(count);
  for (let t = 0; t < count; t++) out[t] = buffer.subarray(t * width, t * width + width);
  return out;
}

/**
 * The dynamic stock model, year by year. Row t of each matrix is complete before row t + 1 starts:
 * the surviving cohorts first, then (stock-driven) the inflow that meets the stock, or the early
 * retirement that does, then the new cohort. Totals are compensated sums (TwoSum), accumulated in the
 * same pass that fills the row.
 */
function simulate(
  fn: string,
  n: number,
  surv: Float64Array[],
  initial: PreparedInitial | undefined,
  values: Float64Array,
  stockDriven: boolean,
  policy: number,
): DynamicStock {
  const sbc = new Float64Array(n * n);
  const obc = new Float64Array(n * n);
  const inflow = new Array<number>(n);
  // What each cohort's survival curve is multiplied by: its inflow, reduced by every early
  // retirement since (ODYM shrinks the cohort's future stock by the same factor).
  const weight = new Float64Array(n);
  const stock = new Array<number>(n);
  const outflow = new Array<number>(n);
  const early = new Array<number>(n).fill(0);
  const h = initial === undefined ? 0 : initial.byAge.length;
  const hs = new Float64Array(n * h);
  const ho = new Float64Array(n * h);
  const hWeight = new Float64Array(h);
  const hStock = new Array<number>(n).fill(0);
  const hOutflow = new Array<number>(n).fill(0);
  let opening = 0;
  if (initial !== undefined) {
    opening = sumRange(initial.byAge, 0, h);
    for (let k = 0; k < h; k++) {
      const amount = initial.byAge[k] as number;
      // Divided by the survival to its current age: what survives from here on is conditional.
      hWeight[k] = amount === 0 ? 0 : amount / (initial.curves[k] as Float64Array)[k]!;
    }
  }
  const single = surv[0];
  const shared = surv.every((curve) => curve === single);
  for (let t = 0; t < n; t++) {
    const row = t * n;
    const prev = row - n;
    // Compensated (TwoSum) accumulators for the row's stock and outflow.
    let sSum = 0;
    let sComp = 0;
    let oSum = 0;
    let oComp = 0;
    // Two copies of the inner loop on purpose: with one curve shared by every cohort the engine
    // keeps it in a register, which is most of the gap to the bare loop (bench/dsm.bench.mjs).
    if (shared) {
      const curve = single as Float64Array;
      for (let c = 0; c < t; c++) {
        const v = weight[c]! * curve[t - c]!;
        const o = sbc[prev + c]! - v;
        sbc[row + c] = v;
        obc[row + c] = o;
        let next = sSum + v;
        let back = next - sSum;
        sComp += sSum - (next - back) + (v - back);
        sSum = next;
        next = oSum + o;
        back = next - oSum;
        oComp += oSum - (next - back) + (o - back);
        oSum = next;
      }
    } else {
      for (let c = 0; c < t; c++) {
        const v = weight[c]! * (surv[c] as Float64Array)[t - c]!;
        const o = sbc[prev + c]! - v;
        sbc[row + c] = v;
        obc[row + c] = o;
        let next = sSum + v;
        let back = next - sSum;
        sComp += sSum - (next - back) + (v - back);
        sSum = next;
        next = oSum + o;
        back = next - oSum;
        oComp += oSum - (next - back) + (o - back);
        oSum = next;
      }
    }
    if (initial !== undefined) {
      const hRow = t * h;
      for (let k = 0; k < h; k++) {
        if (hWeight[k] === 0) continue;
        const v = hWeight[k]! * (initial.curves[k] as Float64Array)[k + 1 + t]!;
        hs[hRow + k] = v;
        ho[hRow + k] = (t === 0 ? (initial.byAge[k] as number) : hs[hRow - h + k]!) - v;
      }
    }
    let it: number;
    if (!stockDriven) {
      it = values[t] as number;
    } else {
      const survivors = sSum + sComp + sumRange(hs, t * h, t * h + h);
      const gap = (values[t] as number) - survivors;
      if (gap < 0 && policy !== POLICY_ALLOW) {
        if (policy === POLICY_THROW) {
          throw new RareEarthsError(fn, 'not-computable', [
            {
              path: ['stock', t],
              message: `expected a stock no smaller than what is still in use from earlier years (negativeInflow: 'throw'), got ${values[t]} while ${survivors} is still in use`,
            },
          ]);
        }
        // ODYM's NegativeInflowCorrect: no inflow, and every cohort in use loses the same
        // fraction f now and in all later years. survivors > 0 here, the stock being ≥ 0.
        it = 0;
        const f = -gap / survivors;
        const keep = 1 - f;
        sSum = 0;
        sComp = 0;
        oSum = 0;
        oComp = 0;
        for (let c = 0; c < t; c++) {
          const v = sbc[row + c]! * keep;
          const o = obc[row + c]! + sbc[row + c]! * f;
          sbc[row + c] = v;
          obc[row + c] = o;
          weight[c] = weight[c]! * keep;
          let next = sSum + v;
          let back = next - sSum;
          sComp += sSum - (next - back) + (v - back);
          sSum = next;
          next = oSum + o;
          back = next - oSum;
          oComp += oSum - (next - back) + (o - back);
          oSum = next;
        }
        const hRow = t * h;
        for (let k = 0; k < h; k++) {
          ho[hRow + k] = ho[hRow + k]! + hs[hRow + k]! * f;
          hs[hRow + k] = hs[hRow + k]! * keep;
          hWeight[k] = hWeight[k]! * keep;
        }
        early[t] = f * survivors;
      } else {
        it = gap / (surv[t] as Float64Array)[0]!;
      }
    }
    inflow[t] = it;
    weight[t] = it;
    const v = it * (surv[t] as Float64Array)[0]!;
    const o = it - v;
    sbc[row + t] = v;
    obc[row + t] = o;
    // The new cohort joins the compensated sums too (adding it after the compensation would
    // drop what the compensation saved).
    const sNext = sSum + v;
    let back = sNext - sSum;
    sComp += sSum - (sNext - back) + (v - back);
    const oNext = oSum + o;
    back = oNext - oSum;
    oComp += oSum - (oNext - back) + (o - back);
    let total = sNext + sComp;
    let leaving = oNext + oComp;
    if (initial !== undefined) {
      hStock[t] = sumRange(hs, t * h, t * h + h);
      hOutflow[t] = sumRange(ho, t * h, t * h + h);
      total += hStock[t]!;
      leaving += hOutflow[t]!;
    }
    stock[t] = total;
    outflow[t] = leaving;
  }
  // Figures near the float64 limit overflow in the sums and come out as ±Infinity or NaN
  // (Infinity − Infinity); refuse them rather than return a wrong number.
  for (let t = 0; t < n; t++) {
    if (
      !Number.isFinite(stock[t]!) ||
      !Number.isFinite(outflow[t]!) ||
      !Number.isFinite(inflow[t]!)
    ) {
      throw new RareEarthsError(fn, 'not-computable', [
        {
          path: [stockDriven ? 'stock' : 'inflow'],
          message: `expected amounts whose sums stay within the float64 range (about 1.8e308), got an overflow in year ${t} (rescale the input, e.g. to thousands of tonnes)`,
        },
      ]);
    }
  }
  const result: DynamicStock = {
    inflow,
    outflow,
    stock,
    stockByCohort: rows(sbc, n, n),
    outflowByCohort: rows(obc, n, n),
    openingStock: opening,
    earlyRetirement: early,
  };
  if (initial === undefined) return result;
  return {
    ...result,
    initial: {
      stock: hStock,
      outflow: hOutflow,
      stockByAge: rows(hs, n, h),
      outflowByAge: rows(ho, n, h),
    },
  };
}
