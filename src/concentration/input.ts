/**
 * Reading supply inputs for the concentration indices: validation, residual handling and the
 * counts every index needs. Private to the library.
 *
 * @internal
 * @packageDocumentation
 */
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { neumaierSum } from '../numeric/internal.js';
import type { CountOptions, ResidualOptions } from './types.js';

/**
 * Keys that read as a residual of many producers rather than one supplier. A record key matching
 * this (case-insensitive, surrounding blanks ignored) must be declared in `options.residual`.
 */
const RESIDUAL_LIKE = /^(other|others|other countries|rest of (the )?world|row|oth)$/i;

/**
 * Values from 2^900 (about 8.5e270) up are scaled down by a power of two before anything is
 * summed, so that totals, N·total and the Gini's weighted sums cannot overflow float64.
 */
const LARGE = 2 ** 900;

/**
 * What the indices need of `values[from, to)`: Neumaier's compensated total in input order (the
 * same operations as `neumaierSum`), the number of positive values, whether they are all equal
 * (so that an HHI of equal suppliers is exactly 1/N), and the largest value.
 *
 * @internal
 */
export function segmentStats(
  values: ArrayLike<number>,
  from: number,
  to: number,
): { total: number; active: number; equal: boolean; max: number } {
  let sum = 0;
  let compensation = 0;
  let active = 0;
  let first = 0;
  let equal = true;
  let max = 0;
  for (let i = from; i < to; i++) {
    const value = values[i] as number;
    if (value > max) max = value;
    const next = sum + value;
    compensation += sum >= value ? sum - next + value : value - next + sum;
    sum = next;
    if (value > 0) {
      if (active === 0) first = value;
      else if (value !== first) equal = false;
      active += 1;
    }
  }
  return { total: sum + compensation, active, equal, max };
}

/**
 * The power of two to multiply values by so that their sums cannot overflow: 1 below
 * 2^900. Multiplying by a power of two is exact, and rounding is the same at every
 * scale: each share comes out as the same number.
 *
 * @internal
 */
export function largeScale(max: number): number {
  return max >= LARGE ? 2 ** (899 - Math.floor(Math.log2(max))) : 1;
}

/** Multiply `values[from, to)` by `factor`, in place. @internal */
export function scaleInPlace(
  values: number[] | Float64Array,
  from: number,
  to: number,
  factor: number,
): void {
  for (let i = from; i < to; i++) values[i] = (values[i] as number) * factor;
}

/**
 * Validated supply: the suppliers an index sees, in input order.
 *
 * @internal
 */
export interface Supply {
  /** Index (arrays) or key (records) of each included supplier, for paths and record output. */
  readonly keys: readonly (string | number)[];
  /** Each included supplier's non-negative value. */
  readonly values: readonly number[];
  /** Whether the input was a record. */
  readonly isRecord: boolean;
  /** Compensated sum of the included values (positive). */
  readonly total: number;
  /** Suppliers with a positive value. */
  readonly active: number;
  /** Suppliers given, zeros included (residual keys excluded unless counted as suppliers). */
  readonly listed: number;
  /** Whether every positive value is the same number (equal shares, exactly). */
  readonly equal: boolean;
  /** Compensated sum of the residual values that were excluded (0 when none). */
  readonly residualTotal: number;
  /**
   * The power of two every value (and so each total) was multiplied by: 1, or less for values
   * near the float64 limit. Exact, so shares and indices are the same numbers as unscaled.
   */
  readonly scale: number;
}

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Check an options object (or `undefined`) and return it as a record.
 *
 * @internal
 */
export function readOptions(fn: string, options: unknown): Readonly<Record<string, unknown>> {
  if (options === undefined) return {};
  if (!isPlainRecord(options))
    return invalidArgument(fn, ['options'], 'an options object', options);
  return options;
}

function residualKeys(
  fn: string,
  options: Readonly<Record<string, unknown>>,
  isRecord: boolean,
): ReadonlySet<string> | undefined {
  const residual = options.residual;
  if (residual === undefined) return undefined;
  if (!isRecord) {
    return invalidArgument(
      fn,
      ['options', 'residual'],
      'no residual keys for an array input (residual keys name entries of a record)',
      residual,
    );
  }
  if (!Array.isArray(residual)) {
    return invalidArgument(fn, ['options', 'residual'], 'an array of record keys', residual);
  }
  residual.forEach((key, i) => {
    if (typeof key !== 'string') invalidArgument(fn, ['options', 'residual', i], 'a key', key);
  });
  return new Set(residual as string[]);
}

/**
 * How residual keys are treated: `'excluded'` (default) or `'one-supplier'`.
 *
 * @internal
 */
export function residualMode(
  fn: string,
  options: Readonly<Record<string, unknown>>,
): 'excluded' | 'one-supplier' {
  const mode = options.residualAs;
  if (mode === undefined || mode === 'excluded') return 'excluded';
  if (mode === 'one-supplier') return mode;
  return invalidArgument(fn, ['options', 'residualAs'], "'excluded' or 'one-supplier'", mode);
}

/**
 * Read supply values (an array, or a record keyed by supplier) for an index: every value finite
 * and non-negative, at least one positive, residual keys declared. Nothing is computed before the
 * whole input has been checked.
 *
 * @internal
 * @param fn - the public function, for messages
 * @param values - the input as given
 * @param options - the options as given (`residual`, `residualAs` are read here)
 * @param name - the parameter name used in paths (default `values`)
 */
export function readSupply(
  fn: string,
  values: unknown,
  options: ResidualOptions | undefined,
  name = 'values',
): Supply {
  const opts = readOptions(fn, options);
  const isRecord = isPlainRecord(values);
  if (!isRecord && !Array.isArray(values)) {
    return invalidArgument(
      fn,
      [name],
      'an array of numbers or a record of numbers keyed by supplier',
      values,
    );
  }
  const declared = residualKeys(fn, opts, isRecord);
  const mode = residualMode(fn, opts);
  // One pass, no per-entry allocation: this runs once per group when a large table is indexed
  // group by group, so its cost is the index's overhead over a bare loop.
  const recordKeys = isRecord ? Object.keys(values as object) : undefined;
  const source = values as Readonly<Record<string | number, unknown>>;
  const length =
    recordKeys === undefined ? (values as readonly unknown[]).length : recordKeys.length;
  if (length === 0) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: [name],
        message: `expected at least one value, got an empty ${isRecord ? 'record' : 'array'}`,
      },
    ]);
  }
  const keys: (string | number)[] = [];
  const kept: number[] = [];
  const residual: number[] = [];
  let max = 0;
  for (let i = 0; i < length; i++) {
    const key = recordKeys === undefined ? i : (recordKeys[i] as string);
    const raw = source[key];
    if (!Number.isFinite(raw) || (raw as number) < 0) {
      invalidArgument(fn, [name, key], 'a finite non-negative number', raw);
    }
    const value = raw as number;
    if (value > max) max = value;
    if (recordKeys !== undefined) {
      if (declared?.has(key as string)) {
        if (mode === 'excluded') {
          residual.push(value);
          continue;
        }
      } else if (looksResidual(key as string)) {
        invalidArgument(
          fn,
          [name, key],
          `one supplier per key ("${key}" reads as a residual of many producers: name it in options.residual)`,
          key,
        );
      }
    }
    keys.push(key);
    kept.push(value);
  }
  const supply = supplyOf(keys, kept, residual, isRecord, max);
  if (supply.active === 0) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: [name],
        message: `expected at least one positive value, got ${kept.length === 0 ? 'only residual keys' : 'only zeros'}`,
      },
    ]);
  }
  return supply;
}

/**
 * The {@link Supply} of values already checked (finite, non-negative; `max` the largest of them
 * and of the residual): the totals, the count of positive values and whether they are equal,
 * scaled down near the float64 limit. What {@link readSupply} returns after its checks, for a
 * caller that built the values itself (the scenario's supply step). The arrays are taken over.
 *
 * @internal
 */
export function supplyOf(
  keys: (string | number)[],
  kept: number[],
  residual: number[],
  isRecord: boolean,
  max: number,
): Supply {
  const { total: unscaled, active, equal } = segmentStats(kept, 0, kept.length);
  let total = unscaled;
  const scale = largeScale(max);
  if (scale !== 1) {
    scaleInPlace(kept, 0, kept.length, scale);
    scaleInPlace(residual, 0, residual.length, scale);
    total = neumaierSum(kept);
  }
  return {
    keys,
    values: kept,
    isRecord,
    total,
    active,
    listed: kept.length,
    equal,
    residualTotal: neumaierSum(residual),
    scale,
  };
}

/**
 * Whether a supplier's key reads as a residual of many producers ("other", "rest of world"), which
 * {@link readSupply} refuses unless `options.residual` names it.
 *
 * @internal
 */
export function looksResidual(key: string): boolean {
  return RESIDUAL_LIKE.test(key.trim());
}

/**
 * The number of suppliers N an index uses, by the `count` option: `'active'` (default) counts
 * positive values, `'listed'` counts every value given.
 *
 * @internal
 */
export function supplierCount(
  fn: string,
  supply: Supply,
  options: CountOptions | undefined,
): number {
  const count = readOptions(fn, options).count;
  if (count === undefined || count === 'active') return supply.active;
  if (count === 'listed') return supply.listed;
  return invalidArgument(fn, ['options', 'count'], "'active' or 'listed'", count);
}

/**
 * Shares of the included suppliers, in input order (zeros stay zero).
 *
 * @internal
 */
export function sharesOf(supply: Supply): number[] {
  return supply.values.map((value) => value / supply.total);
}

/**
 * Rebuild an output in the input's shape: an array in input order, or a record keyed as given.
 *
 * @internal
 */
export function inShape<T>(supply: Supply, out: readonly T[]): T[] | Record<string, T> {
  if (!supply.isRecord) return [...out];
  const record: Record<string, T> = {};
  supply.keys.forEach((key, i) => {
    record[key as string] = out[i] as T;
  });
  return record;
}
