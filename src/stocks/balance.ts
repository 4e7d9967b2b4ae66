import { invalidArgument } from '../errors/index.js';
import { checkNonNegative } from '../numeric/internal.js';
import type { DynamicStock } from './dsm.js';
import { isArrayLike } from './lifetime.js';

/**
 * Options of {@link stockBalance}.
 *
 * @category Stocks
 */
export interface StockBalanceOptions {
  /** Largest relative residual accepted as balanced; default 1e-9. */
  readonly tolerance?: number;
}

/**
 * The outcome of {@link stockBalance}.
 *
 * @category Stocks
 */
export interface StockBalance {
  /** `inflow[t] − outflow[t] − (stock[t] − stock[t − 1])` in each year, in the model's unit. */
  readonly residual: number[];
  /**
   * The largest relative residual: each year's |residual|, and each year's gap between a total and
   * the sum of its cohorts, divided by that year's scale (the largest of |inflow|, |outflow|,
   * |stock|, |previous stock| and the sum of |stock by cohort|); NaN if the result holds a NaN.
   */
  readonly maxRelativeResidual: number;
  /** Whether `maxRelativeResidual` is within the tolerance. */
  readonly balanced: boolean;
}

// Float64 values below the smallest normal number (2.2e-308) lose precision and can vanish
// outright (x · s underflows to 0 in one sum but not in another), so a year whose flows come near
// that range can show gaps of about 1e-308 whatever the arithmetic. Such a year is judged against
// this scale instead of its own; no physical tonnage comes near it.
const SUBNORMAL_SCALE = 1e-290;

/**
 * Check that a dynamic stock model's result balances: in every year, inflow − outflow equals the
 * change in stock (ODYM's `check_stock_balance`, with the opening stock as the stock of the year
 * before), and the totals equal the sums over cohorts (the check RECC-ODYM#55 shows is needed when
 * totals are built separately). Every result of {@link inflowDrivenStock} and
 * {@link stockDrivenStock} passes at the default tolerance; the test suite asserts it on random
 * inputs.
 *
 * @category Stocks
 * @param result - a result of {@link inflowDrivenStock} or {@link stockDrivenStock}
 * @param options - `tolerance`, the largest relative residual accepted (default 1e-9)
 * @returns the residual per year, the largest relative residual and whether it is within tolerance
 * @throws {@link RareEarthsError} (`invalid-argument`) for a negative or non-finite tolerance, or a
 *   value that is not a dynamic stock result (a series missing, or series of different lengths)
 * @example
 * ```ts
 * import { inflowDrivenStock, stockBalance } from 'rare-earths';
 *
 * const model = inflowDrivenStock({ inflow: [5, 8, 13, 21], lifetime: { kind: 'normal', mean: 2, sd: 1 } });
 * stockBalance(model).balanced; // => true
 * stockBalance({ ...model, outflow: [0, 0, 0, 0] }).balanced; // => false
 * ```
 */
export function stockBalance(
  result: DynamicStock,
  options: StockBalanceOptions = {},
): StockBalance {
  const fn = 'stockBalance';
  if (typeof result !== 'object' || result === null || !isArrayLike(result.stock)) {
    invalidArgument(fn, ['result'], 'a result of inflowDrivenStock or stockDrivenStock', result);
  }
  if (typeof options !== 'object' || options === null) {
    invalidArgument(fn, ['options'], 'an options object', options);
  }
  const tolerance = checkNonNegative(fn, ['options', 'tolerance'], options.tolerance ?? 1e-9);
  const n = result.stock.length;
  for (const key of ['inflow', 'outflow', 'stockByCohort', 'outflowByCohort'] as const) {
    if (!isArrayLike(result[key]) || result[key].length !== n) {
      invalidArgument(fn, ['result', key], `${n} years, like result.stock`, result[key]);
    }
  }
  const residual = new Array<number>(n);
  let worst = 0;
  // A NaN anywhere (a corrupted result) must not pass as balanced.
  let corrupted = false;
  let previous = result.openingStock;
  for (let t = 0; t < n; t++) {
    const inflow = result.inflow[t] as number;
    const outflow = result.outflow[t] as number;
    const stock = result.stock[t] as number;
    const r = inflow - outflow - (stock - previous);
    residual[t] = r;
    const cohorts = result.stockByCohort[t] as Float64Array;
    const leaving = result.outflowByCohort[t] as Float64Array;
    if (!isArrayLike(cohorts) || !isArrayLike(leaving) || leaving.length !== cohorts.length) {
      invalidArgument(fn, ['result', 'stockByCohort', t], 'a row of numbers by cohort', cohorts);
    }
    let cohortStock = result.initial?.stock[t] ?? 0;
    let cohortOutflow = result.initial?.outflow[t] ?? 0;
    let magnitude = Math.abs(cohortStock) + Math.abs(cohortOutflow);
    for (let c = 0; c < cohorts.length; c++) {
      cohortStock += cohorts[c] as number;
      cohortOutflow += leaving[c] as number;
      // Both sums can cancel large cohort terms: judge their rounding against those terms.
      magnitude += Math.abs(cohorts[c] as number) + Math.abs(leaving[c] as number);
    }
    const scale = Math.max(
      Math.abs(inflow),
      Math.abs(outflow),
      Math.abs(stock),
      Math.abs(previous),
      magnitude,
    );
    const gap = Math.max(
      Math.abs(r),
      Math.abs(stock - cohortStock),
      Math.abs(outflow - cohortOutflow),
    );
    const ratio = gap / Math.max(scale, SUBNORMAL_SCALE);
    if (Number.isNaN(ratio)) corrupted = true;
    else if (ratio > worst) worst = ratio;
    previous = stock;
  }
  return {
    residual,
    maxRelativeResidual: corrupted ? Number.NaN : worst,
    balanced: !corrupted && worst <= tolerance,
  };
}
