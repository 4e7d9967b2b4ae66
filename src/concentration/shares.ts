import { inShape, readSupply, sharesOf } from './input.js';
import type { ResidualOptions } from './types.js';

/**
 * Shares of total supply from quantities: each value divided by the compensated (Neumaier) sum
 * of all values, in the input's shape. These are exactly the shares every concentration index
 * of the library works on.
 *
 * Float64 arithmetic. Residual keys named in `options.residual` are left out by default, and the
 * shares are then of the identified suppliers' total (see {@link ResidualOptions}).
 *
 * @category Concentration
 * @param values - non-negative quantities (tonnes, percent, fractions …), as an array or a record
 *   keyed by supplier
 * @param options - residual handling (default: none declared)
 * @returns fractions (0–1) summing to 1, as an array in input order or a record with the same keys
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, or an undeclared residual key such as `other`
 * @example
 * ```ts
 * import { shares } from 'rare-earths';
 *
 * shares([270_000, 45_000, 31_000]); // ≈ [0.7803, 0.1301, 0.0896]
 * shares({ CHN: 3, AUS: 1 }); // => { CHN: 0.75, AUS: 0.25 }
 * shares({ CHN: 60, MMR: 20, other: 20 }, { residual: ['other'] }); // => { CHN: 0.75, MMR: 0.25 }
 * ```
 */
export function shares(values: readonly number[], options?: ResidualOptions): number[];
export function shares(
  values: Readonly<Record<string, number>>,
  options?: ResidualOptions,
): Record<string, number>;
export function shares(
  values: readonly number[] | Readonly<Record<string, number>>,
  options?: ResidualOptions,
): number[] | Record<string, number>;
export function shares(
  values: readonly number[] | Readonly<Record<string, number>>,
  options?: ResidualOptions,
): number[] | Record<string, number> {
  const supply = readSupply('shares', values, options);
  return inShape(supply, sharesOf(supply));
}
