/**
 * The library's private decimal arithmetic. Nothing here is re-exported: no `Decimal` type may
 * appear in a public declaration file (it breaks NodeNext consumers, see docs/architecture.md).
 *
 * @internal
 * @packageDocumentation
 */
import Decimal from 'decimal.js';
import { invalidArgument } from '../errors/index.js';
import { checkDecimalString } from './numeric.js';

/**
 * A private clone of decimal.js: 40 significant digits, round half to even, and plain (never
 * exponential) string output. A clone, never `Decimal.set`, so a user's own decimal.js settings
 * and ours cannot disturb each other. Creating it is pure, so bundlers drop it when unused.
 *
 * @internal
 */
export const Dec = /* @__PURE__ */ Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An exact decimal value of the private clone. @internal */
export type Dec = InstanceType<typeof Dec>;

/**
 * Read a {@link Numeric} as an exact decimal. A number is taken at its shortest round-trip
 * representation (`0.1` is read as 0.1, not as the binary float's 55 digits); a string must be a
 * plain decimal.
 *
 * @internal
 */
export function toDec(fn: string, path: readonly (string | number)[], value: unknown): Dec {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalidArgument(fn, path, 'a finite number', value);
    return new Dec(String(value));
  }
  if (typeof value === 'string') return new Dec(checkDecimalString(fn, path, value));
  return invalidArgument(fn, path, 'a finite number or a decimal string', value);
}

/**
 * Render a decimal as a canonical plain decimal string: no exponent, no trailing zeros after the
 * point, and never `-0`.
 *
 * @internal
 */
export function decString(value: Dec): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}
