import { invalidArgument } from '../errors/index.js';
import { checkInteger, neumaierSum } from '../numeric/internal.js';
import { readOptions, readSupply, type Supply, supplierCount } from './input.js';
import type { CountOptions, HhiOptions, ResidualOptions, SupplyValues } from './types.js';

/**
 * The scale factor for an HHI: 1 for fractions, 10 000 for points.
 *
 * @internal
 */
export function hhiScaleFactor(
  fn: string,
  options: { readonly scale?: unknown } | undefined,
): number {
  const scale = readOptions(fn, options).scale;
  if (scale === undefined || scale === 'fraction') return 1;
  if (scale === 'points') return 10_000;
  return invalidArgument(fn, ['options', 'scale'], "'fraction' or 'points'", scale);
}

/**
 * Σ s² on the fraction scale for validated supply. Equal shares give exactly 1/N; rounding is
 * kept inside the mathematical range [1/N, 1].
 *
 * @internal
 */
export function hhiOf(supply: Supply): number {
  if (supply.equal) return 1 / supply.active;
  const { values, total } = supply;
  return Math.min(1, Math.max(1 / supply.active, squaredShareSum(values, 0, values.length, total)));
}

/**
 * Neumaier's compensated Σ (vᵢ/total)² over `values[start, end)`, in one pass and without
 * intermediate arrays: the same operations in the same order as
 * `neumaierSum(values.map(v => (v / total) ** 2))`, so {@link hhi} and the grouped HHI agree to
 * the bit.
 *
 * @internal
 */
export function squaredShareSum(
  values: ArrayLike<number>,
  start: number,
  end: number,
  total: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let i = start; i < end; i++) {
    const share = (values[i] as number) / total;
    const square = share * share;
    const next = sum + square;
    compensation += sum >= square ? sum - next + square : square - next + sum;
    sum = next;
  }
  return sum + compensation;
}

/**
 * The Herfindahl–Hirschman index: the sum of the squared supply shares, Σ sᵢ².
 *
 * Inputs are normalised first (shares of the compensated total), so tonnages, percent and
 * fractions give the same result. On the `'fraction'` scale the HHI lies in [1/N, 1]: 1/N for N
 * equal suppliers (exactly), 1 for a single one. On the `'points'` scale (shares in percent, as
 * the US DOJ/FTC and the European Commission quote it) it lies in (0, 10 000]: shares of 30, 30,
 * 20 and 20 % give 2 600. Zeros add nothing. Float64 with Neumaier summation.
 *
 * Definition: Herfindahl (1950), Hirschman (1945); US DOJ/FTC Merger Guidelines 2023 §2.1.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - `scale` (`'fraction'` default, or `'points'`) and residual handling
 * @returns the HHI on the requested scale
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key, or an unknown scale
 * @example
 * ```ts
 * import { hhi } from 'rare-earths';
 *
 * hhi([30, 30, 20, 20], { scale: 'points' }); // => 2600
 * hhi([30, 30, 20, 20]); // => 0.26
 * hhi({ CHN: 270_000, USA: 45_000, MMR: 31_000, AUS: 13_000 }); // ≈ 0.5901
 * ```
 */
export function hhi(values: SupplyValues, options?: HhiOptions): number {
  const scale = hhiScaleFactor('hhi', options);
  return hhiOf(readSupply('hhi', values, options)) * scale;
}

/**
 * The normalised HHI, H* = (H − 1/N)/(1 − 1/N): 0 for N equal suppliers, 1 for a single one.
 *
 * N is counted by the `count` option (see {@link SupplierCount}): with `'active'` (default) a
 * listed zero changes nothing; with `'listed'` it counts as a supplier, so one active supplier
 * among N listed gives 1. A single supplier gives 1 by convention (the formula is 0/0 there;
 * open-risk's `hhi(normalized=True)` returns NaN). Fraction scale. Float64 with Neumaier
 * summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - `count` (`'active'` default, or `'listed'`) and residual handling
 * @returns H* in [0, 1]
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key, or an unknown `count`
 * @example
 * ```ts
 * import { normalizedHhi } from 'rare-earths';
 *
 * normalizedHhi([25, 25, 25, 25]); // => 0
 * normalizedHhi([30, 30, 20, 20]); // ≈ 0.01333
 * normalizedHhi([5, 0, 0]); // => 1
 * normalizedHhi([1, 1, 0], { count: 'listed' }); // => 0.25
 * ```
 */
export function normalizedHhi(values: SupplyValues, options?: CountOptions): number {
  const supply = readSupply('normalizedHhi', values, options);
  const n = supplierCount('normalizedHhi', supply, options);
  if (n === 1) return 1;
  const h = hhiOf(supply);
  return Math.min(1, Math.max(0, (n * h - 1) / (n - 1)));
}

/**
 * The effective number of suppliers, 1/HHI: how many equal suppliers would give the same HHI.
 * Also called the inverse Simpson index, the Hill number of order 2 or the numbers-equivalent
 * (R `REAT::herf(output = "eq")`). It lies in [1, N]: exactly N for N equal suppliers, 1 for a
 * single one. Float64 with Neumaier summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param options - residual handling
 * @returns the effective number of suppliers, a count (not necessarily whole)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, or an undeclared residual key
 * @example
 * ```ts
 * import { effectiveSuppliers } from 'rare-earths';
 *
 * effectiveSuppliers([30, 30, 20, 20]); // ≈ 3.846
 * effectiveSuppliers([1, 1, 1, 1, 1]); // => 5
 * effectiveSuppliers({ CHN: 0.849, MYS: 0.105, RUS: 0.019, IND: 0.016, VNM: 0.01 }); // ≈ 1.362
 * ```
 */
export function effectiveSuppliers(values: SupplyValues, options?: ResidualOptions): number {
  const supply = readSupply('effectiveSuppliers', values, options);
  if (supply.equal) return supply.active;
  return Math.min(supply.active, Math.max(1, 1 / hhiOf(supply)));
}

/**
 * The concentration ratio CRk: the combined share of the k largest suppliers. It is 1 when k is
 * at least the number of active suppliers (open-risk raises an error there instead). Float64
 * with Neumaier summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param k - how many of the largest suppliers to add up; a whole number, at least 1
 * @param options - residual handling
 * @returns CRk, a fraction in (0, 1]
 * @throws {@link RareEarthsError} (`invalid-argument`) when k is not a whole number of at least 1,
 *   for an empty or all-zero input, a negative, NaN or infinite value, or an undeclared residual key
 * @example
 * ```ts
 * import { concentrationRatio } from 'rare-earths';
 *
 * concentrationRatio([30, 30, 20, 20], 1); // => 0.3
 * concentrationRatio([30, 30, 20, 20], 2); // => 0.6
 * concentrationRatio({ CHN: 84.9, MYS: 10.5, RUS: 1.9, IND: 1.6, VNM: 1 }, 3); // ≈ 0.9740
 * concentrationRatio([5, 3], 4); // => 1
 * ```
 */
export function concentrationRatio(
  values: SupplyValues,
  k: number,
  options?: ResidualOptions,
): number {
  checkInteger('concentrationRatio', ['k'], k, 1);
  const supply = readSupply('concentrationRatio', values, options);
  if (k >= supply.active) return 1;
  const largest = [...supply.values].sort((a, b) => b - a).slice(0, k);
  return Math.min(1, neumaierSum(largest) / supply.total);
}

/**
 * The bracket {@link hhiBounds} puts around an HHI whose supply includes a residual row.
 *
 * @category Concentration
 */
export interface HhiBounds {
  /** The HHI with the residual as infinitely many tiny producers (it adds nothing). */
  readonly lower: number;
  /** The HHI with all residual keys together as one supplier. */
  readonly upper: number;
  /** The residual's share of total supply, a fraction (0 when there is none). */
  readonly residualShare: number;
}

/**
 * Bounds on the HHI of a supply that includes a residual row ("other countries"), whose
 * make-up is unknown: it can be anything from many tiny producers to a single one.
 *
 * - `lower`: the residual as infinitely many tiny producers. Its supply stays in the total, so
 *   every identified share is a true share of world supply, but it adds nothing to Σ s².
 * - `upper`: all residual keys together as one supplier, adding (residual share)².
 * - `residualShare`: the residual's share of the total, so a reader sees how much is unknown.
 *
 * The true HHI lies in [lower, upper]; with no residual both equal {@link hhi}. Float64 with
 * Neumaier summation.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares, as a record keyed by supplier (an array has
 *   no residual and gives equal bounds)
 * @param options - `residual` keys (e.g. `['other']`) and `scale` (`'fraction'` default, or
 *   `'points'`)
 * @returns the lower and upper HHI on the requested scale, and the residual's share (a fraction)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an undeclared residual key, or an unknown scale
 * @example
 * ```ts
 * import { hhiBounds } from 'rare-earths';
 *
 * hhiBounds({ CHN: 60, USA: 20, other: 20 }, { residual: ['other'] });
 * // => { lower: 0.4, upper: 0.44, residualShare: 0.2 }
 * ```
 */
export function hhiBounds(
  values: SupplyValues,
  options?: Omit<HhiOptions, 'residualAs'>,
): HhiBounds {
  const opts = readOptions('hhiBounds', options);
  if (opts.residualAs !== undefined) {
    invalidArgument(
      'hhiBounds',
      ['options', 'residualAs'],
      'no residualAs (the bounds treat the residual both ways)',
      opts.residualAs,
    );
  }
  const scale = hhiScaleFactor('hhiBounds', opts);
  return hhiBoundsOf(readSupply('hhiBounds', values, opts), scale);
}

/**
 * {@link hhiBounds} of supply already read (`scale` 1 for fractions, 10,000 for points).
 *
 * @internal
 */
export function hhiBoundsOf(supply: Supply, scale: number): HhiBounds {
  if (supply.residualTotal === 0) {
    const h = hhiOf(supply) * scale;
    return { lower: h, upper: h, residualShare: 0 };
  }
  const total = supply.total + supply.residualTotal;
  const squares = supply.values.map((value) => (value / total) ** 2);
  const residualShare = supply.residualTotal / total;
  const lower = neumaierSum(squares);
  const upper = neumaierSum([...squares, residualShare * residualShare]);
  return { lower: lower * scale, upper: upper * scale, residualShare };
}
