import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { neumaierSum } from '../numeric/internal.js';
import { hhiOf, hhiScaleFactor } from './hhi.js';
import { readOptions, readSupply } from './input.js';
import type { HhiOptions, SupplyValues } from './types.js';

/**
 * A transfer of supply from one supplier to another, for {@link hhiShiftDelta}.
 *
 * @category Concentration
 */
export interface SupplyShift extends HhiOptions {
  /** The supplier that loses supply: an index for an array input, a key for a record. */
  readonly from: string | number;
  /** The supplier that gains it (it may have none yet: a key absent from a record is added). */
  readonly to: string | number;
  /**
   * How much moves, in the unit of the values (tonnes, percent …); at most what `from` has.
   * Default: all of it, which is a merger or an acquisition of `from` by `to`.
   */
  readonly amount?: number;
}

/**
 * The change in HHI when supply moves from one supplier to another, the total staying the same:
 * ΔHHI = 2·m·(s_to − s_from + m), where m is the share moved.
 *
 * Moving everything (the default) is a merger of the two, and the familiar ΔHHI = 2·s_a·s_b of
 * merger review. Moving supply towards a larger supplier raises the HHI; towards a smaller one
 * lowers it. Float64.
 *
 * @category Concentration
 * @param values - non-negative quantities or shares before the move, as an array or a record
 * @param shift - `from`, `to`, `amount` (default: all of `from`), `scale` (`'fraction'` default,
 *   or `'points'`) and residual handling
 * @returns ΔHHI on the requested scale (negative when concentration falls)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or all-zero input, a negative,
 *   NaN or infinite value, an unknown `from`, a `to` equal to `from` or not in an array input, or an
 *   amount that is negative or more than `from` has
 * @example
 * ```ts
 * import { hhiShiftDelta } from 'rare-earths';
 *
 * // A merger of two suppliers with 20 % each: 2 × 20 × 20 = 800 points.
 * hhiShiftDelta([30, 30, 20, 20], { from: 3, to: 2, scale: 'points' }); // => 800
 * // 10 kt of separation output moves from China to Malaysia; "other" is a residual.
 * const separation = { CHN: 85, MYS: 11, other: 4 };
 * hhiShiftDelta(separation, { from: 'CHN', to: 'MYS', amount: 10, residual: ['other'] }); // ≈ -0.1389
 * ```
 */
export function hhiShiftDelta(values: SupplyValues, shift: SupplyShift): number {
  const fn = 'hhiShiftDelta';
  const opts = readOptions(fn, shift);
  const scale = hhiScaleFactor(fn, shift);
  const supply = readSupply(fn, values, shift);
  const fromIndex = supply.keys.indexOf(opts.from as string | number);
  if (fromIndex < 0) {
    invalidArgument(fn, ['shift', 'from'], 'a supplier of the input', opts.from);
  }
  const toIndex = supply.keys.indexOf(opts.to as string | number);
  // A new entrant may receive supply; a key of the input that was set aside as residual may not.
  const addable = supply.isRecord && typeof opts.to === 'string' && !Object.hasOwn(values, opts.to);
  if (opts.to === opts.from || (toIndex < 0 && !addable)) {
    invalidArgument(fn, ['shift', 'to'], 'another supplier of the input', opts.to);
  }
  // In the input's unit (the values are scaled by a power of two when near the float64 limit).
  const available = (supply.values[fromIndex] as number) / supply.scale;
  const amount = opts.amount === undefined ? available : opts.amount;
  if (typeof amount !== 'number' || !(amount >= 0 && amount <= available)) {
    invalidArgument(fn, ['shift', 'amount'], `an amount between 0 and ${available}`, amount);
  }
  const moved = ((amount as number) * supply.scale) / supply.total;
  const sFrom = (supply.values[fromIndex] as number) / supply.total;
  const sTo = toIndex < 0 ? 0 : (supply.values[toIndex] as number) / supply.total;
  // `+ 0` turns the −0 of a zero move into 0.
  return 2 * moved * (sTo - sFrom + moved) * scale + 0;
}

/**
 * An HHI change split exactly by supplier; see {@link hhiChange}.
 *
 * @category Concentration
 */
export interface HhiChange<C> {
  /** The HHI before, on the requested scale. */
  readonly before: number;
  /** The HHI after, on the requested scale. */
  readonly after: number;
  /**
   * The change, the compensated sum of the contributions; it equals `after − before` up to
   * float64 rounding.
   */
  readonly change: number;
  /**
   * Each supplier's part of the change, (s′ᵢ − sᵢ)(s′ᵢ + sᵢ) = s′ᵢ² − sᵢ², on the requested scale;
   * an array in input order, or a record over the union of both inputs' keys.
   */
  readonly contributions: C;
}

/**
 * The change in HHI between two supplies, split exactly into one contribution per supplier:
 * ΔHHI = Σᵢ (s′ᵢ² − sᵢ²) = Σᵢ (s′ᵢ − sᵢ)(s′ᵢ + sᵢ), with no residual or interaction term.
 *
 * Both inputs are normalised separately, so each may be tonnes of a different year. A supplier
 * missing from one record counts as 0 there (a new entrant or an exit). A supplier whose share
 * rises contributes positively and one whose share falls negatively, weighted by s′ᵢ + sᵢ, so
 * a point of share moving at a large supplier weighs more than at a small one. Float64 with
 * Neumaier summation.
 *
 * @category Concentration
 * @param before - non-negative quantities or shares, as an array or a record keyed by supplier
 * @param after - the same kind of input: a record (keys may differ) or an array of equal length
 * @param options - `scale` (`'fraction'` default, or `'points'`) and residual handling
 * @returns the HHI before and after, the change, and each supplier's contribution to it
 * @throws {@link RareEarthsError} (`invalid-argument`) when either input is empty, all zero, has a
 *   negative, NaN or infinite value or an undeclared residual key, or when an array and a record
 *   are mixed or the arrays differ in length
 * @example
 * ```ts
 * import { hhiChange } from 'rare-earths';
 *
 * const change = hhiChange({ CHN: 60, USA: 20, AUS: 20 }, { CHN: 50, USA: 30, AUS: 20 });
 * change.change; // ≈ -0.06
 * change.contributions; // ≈ { CHN: -0.11, USA: 0.05, AUS: 0 }
 * ```
 */
export function hhiChange(
  before: readonly number[],
  after: readonly number[],
  options?: HhiOptions,
): HhiChange<number[]>;
export function hhiChange(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  options?: HhiOptions,
): HhiChange<Record<string, number>>;
export function hhiChange(
  before: SupplyValues,
  after: SupplyValues,
  options?: HhiOptions,
): HhiChange<number[] | Record<string, number>>;
export function hhiChange(
  before: SupplyValues,
  after: SupplyValues,
  options?: HhiOptions,
): HhiChange<number[] | Record<string, number>> {
  const fn = 'hhiChange';
  const scale = hhiScaleFactor(fn, options);
  const a = readSupply(fn, before, options, 'before');
  const b = readSupply(fn, after, options, 'after');
  if (a.isRecord !== b.isRecord || (!a.isRecord && a.keys.length !== b.keys.length)) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['after'],
        message: a.isRecord
          ? 'expected a record like before, got an array'
          : `expected an array of length ${a.keys.length} like before, got ${
              b.isRecord ? 'a record' : `an array of length ${b.keys.length}`
            }`,
      },
    ]);
  }
  const keys = [...a.keys];
  for (const key of b.keys) if (!keys.includes(key)) keys.push(key);
  const share = (supply: typeof a, key: string | number): number => {
    const i = supply.keys.indexOf(key);
    return i < 0 ? 0 : (supply.values[i] as number) / supply.total;
  };
  const parts = keys.map((key) => {
    const s0 = share(a, key);
    const s1 = share(b, key);
    return (s1 - s0) * (s1 + s0) * scale;
  });
  let contributions: number[] | Record<string, number> = parts;
  if (a.isRecord) {
    const record: Record<string, number> = {};
    keys.forEach((key, i) => {
      record[key as string] = parts[i] as number;
    });
    contributions = record;
  }
  return {
    before: hhiOf(a) * scale,
    after: hhiOf(b) * scale,
    change: neumaierSum(parts),
    contributions,
  };
}
