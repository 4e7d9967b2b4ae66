import { invalidArgument } from '../errors/index.js';

/**
 * A number as the library accepts it at its boundary: a finite JavaScript `number`, or a plain
 * decimal string such as `'45000'`, `'0.1'` or `'-2.5'`. A string is exact: `'0.1'` is one tenth,
 * while the number `0.1` is the nearest binary float. Strings take an optional sign, digits, and
 * an optional fractional part with at least one digit; exponents, blanks, `'.5'`, `'1.'`,
 * `'NaN'` and `'Infinity'` are refused.
 *
 * @category Numeric
 */
export type Numeric = number | string;

// Digits, then optionally a point and at least one digit; no exponent (an exponent in a string
// could ask for a billion digits, and plain strings are what spreadsheets and USGS tables hold).
const DECIMAL_STRING = /^[+-]?\d+(\.\d+)?$/;
// Long enough for any float64 written out in full (5e-324 takes 327 characters), so every mass
// made from a number has a snapshot that reads back; refuses absurd inputs cheaply.
const MAX_DECIMAL_STRING_LENGTH = 400;

/**
 * Whether a value is a valid {@link Numeric}: a finite number, or a plain decimal string.
 *
 * @category Numeric
 * @param value - anything
 * @returns `true` for finite numbers and plain decimal strings, `false` otherwise
 * @example
 * ```ts
 * import { isNumeric } from 'rare-earths';
 *
 * isNumeric(45_000); // => true
 * isNumeric('0.1'); // => true
 * isNumeric('1e3'); // => false
 * isNumeric(Number.NaN); // => false
 * ```
 */
export function isNumeric(value: unknown): value is Numeric {
  if (typeof value === 'number') return Number.isFinite(value);
  return (
    typeof value === 'string' &&
    value.length <= MAX_DECIMAL_STRING_LENGTH &&
    DECIMAL_STRING.test(value)
  );
}

/**
 * Convert a {@link Numeric} to a float64 `number`, refusing NaN, ±Infinity and malformed strings.
 * A decimal string is rounded to the nearest float, so `toNumber('0.1')` is `0.1`.
 *
 * @category Numeric
 * @param value - a finite number or a plain decimal string
 * @returns the nearest float64
 * @throws {@link RareEarthsError} (`invalid-argument`) when `value` is not a valid {@link Numeric}
 * @example
 * ```ts
 * import { toNumber } from 'rare-earths';
 *
 * toNumber('270000'); // => 270000
 * toNumber(-2.5); // => -2.5
 * ```
 */
export function toNumber(value: Numeric): number {
  return checkNumeric('toNumber', ['value'], value);
}

/**
 * Check a plain decimal string and return it.
 *
 * @internal
 */
export function checkDecimalString(
  fn: string,
  path: readonly (string | number)[],
  value: string,
): string {
  if (value.length > MAX_DECIMAL_STRING_LENGTH) {
    invalidArgument(
      fn,
      path,
      `a decimal string of at most ${MAX_DECIMAL_STRING_LENGTH} characters`,
      value,
    );
  }
  if (!DECIMAL_STRING.test(value)) {
    invalidArgument(fn, path, "a plain decimal string such as '12.5' (no exponent)", value);
  }
  return value;
}

/**
 * Read a {@link Numeric} (or refuse anything else) as a finite float64.
 *
 * @internal
 */
export function checkNumeric(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return invalidArgument(fn, path, 'a finite number', value);
  }
  if (typeof value === 'string') return Number(checkDecimalString(fn, path, value));
  return invalidArgument(fn, path, 'a finite number or a decimal string', value);
}

/**
 * A finite float64, refusing strings, NaN and ±Infinity.
 *
 * @internal
 */
export function checkFinite(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return invalidArgument(fn, path, 'a finite number', value);
}

/**
 * A finite, non-negative float64.
 *
 * @internal
 */
export function checkNonNegative(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  return invalidArgument(fn, path, 'a finite non-negative number', value);
}

/**
 * A fraction in [0, 1] (rates and shares are fractions, not percent).
 *
 * @internal
 */
export function checkFraction(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
): number {
  if (typeof value === 'number' && value >= 0 && value <= 1) return value;
  return invalidArgument(fn, path, 'a fraction between 0 and 1', value);
}

/**
 * An integer at least `min`.
 *
 * @internal
 */
export function checkInteger(
  fn: string,
  path: readonly (string | number)[],
  value: unknown,
  min: number,
): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
  return invalidArgument(fn, path, `an integer of at least ${min}`, value);
}
