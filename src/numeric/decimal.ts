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

const PLAIN_OR_EXPONENT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * The exact sum of non-negative decimals, read as {@link toDec} reads them (a number at its
 * shortest round-trip representation, a string as a plain decimal), as a plain decimal string,
 * in BigInt arithmetic: what a decimal.js sum at the library's precision (40 significant digits)
 * gives term by term, a few times faster. `undefined` where that equality is not certain: a
 * negative term, or a sum spanning more than 40 digits from its first digit to the smallest
 * decimal place a term uses (a decimal.js partial sum could then round); the caller sums in
 * decimal.js instead.
 *
 * @internal
 */
export function exactDecimalSum(
  fn: string,
  path: readonly (string | number)[],
  amounts: readonly unknown[],
): string | undefined {
  const terms: { digits: bigint; exponent: number }[] = [];
  for (const amount of amounts) {
    let text: string;
    if (typeof amount === 'number') {
      if (!Number.isFinite(amount)) return invalidArgument(fn, path, 'a finite number', amount);
      text = String(amount);
    } else if (typeof amount === 'string') text = checkDecimalString(fn, path, amount);
    else return invalidArgument(fn, path, 'a finite number or a decimal string', amount);
    const match = PLAIN_OR_EXPONENT.exec(text.startsWith('+') ? text.slice(1) : text);
    if (match === null) return undefined;
    const [, whole, fraction = '', exponent] = match as unknown as [
      string,
      string,
      string?,
      string?,
    ];
    terms.push({
      digits: BigInt(whole + fraction),
      exponent: (exponent === undefined ? 0 : Number(exponent)) - fraction.length,
    });
  }
  if (terms.length === 0) return '0';
  const smallest = Math.min(...terms.map((t) => t.exponent));
  let sum = 0n;
  for (const { digits, exponent } of terms) sum += digits * 10n ** BigInt(exponent - smallest);
  const digits = sum.toString();
  if (digits.length > 40) return undefined;
  if (smallest >= 0) return sum === 0n ? '0' : digits + '0'.repeat(smallest);
  const padded = digits.padStart(1 - smallest, '0');
  return `${padded.slice(0, padded.length + smallest)}.${padded.slice(padded.length + smallest)}`;
}
