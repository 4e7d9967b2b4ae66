import { describeValue, invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Numeric } from '../numeric/index.js';
import { type Dec, decString, toDec } from '../numeric/internal.js';
import { type Basis, convertMass, type Mass, type MassUnit } from './mass.js';
import { massAmount } from './mass-core.js';

/**
 * An exact, immutable amount of money in an ISO 4217 currency. The currency is a type parameter,
 * so adding US dollars to yuan does not compile; convert first with {@link convertMoney}.
 *
 * Plain data: `JSON.stringify(money)` is its snapshot, with the amount as a decimal string.
 *
 * @category Quantities
 * @typeParam C - the ISO 4217 currency code, e.g. `'USD'`, `'CNY'`, `'EUR'`
 */
export interface Money<C extends string = string> {
  /** The amount as an exact decimal string, in units of the currency (dollars, not cents). */
  readonly amount: string;
  /** ISO 4217 alphabetic code. */
  readonly currency: C;
}

/**
 * An exchange rate on a date: one unit of `from` buys `rate` units of `to`.
 *
 * @category Quantities
 */
export interface ExchangeRate<F extends string = string, T extends string = string> {
  /** The currency converted from (ISO 4217). */
  readonly from: F;
  /** The currency converted to (ISO 4217). */
  readonly to: T;
  /** Units of `to` per unit of `from`, e.g. 7.19 CNY per USD. */
  readonly rate: Numeric;
  /** The day the rate applies to, `YYYY-MM-DD` (rates move; a conversion must say which). */
  readonly date: string;
  /** Where the rate comes from, e.g. `'Federal Reserve H.10, annual average 2024'`. */
  readonly source?: string;
}

/**
 * A price per unit mass, such as the USGS's US$/kg for oxides or a Chinese market's CNY/t.
 *
 * @category Quantities
 */
export interface Price<C extends string = string, U extends MassUnit = MassUnit> {
  /** Price per `per` of product, as an exact decimal string. */
  readonly amount: string;
  /** ISO 4217 currency of the price. */
  readonly currency: C;
  /** The mass unit the price is quoted per. */
  readonly per: U;
  /** What the mass counts (e.g. `'REO'` for an oxide price), when the quote says. */
  readonly basis?: Basis;
}

/**
 * Options for {@link convertPrice}.
 *
 * @category Quantities
 */
export interface ConvertPriceOptions<C extends string, D extends string, V extends MassUnit> {
  /** Convert the currency with this rate (its `from` must be the price's currency). */
  readonly rate?: ExchangeRate<C, D>;
  /** Quote the price per this unit instead. */
  readonly per?: V;
}

/**
 * How to round money to a number of decimals.
 *
 * @category Quantities
 */
export type RoundingMode = 'half-even' | 'half-up' | 'up' | 'down';

/** Whether a code is an ISO 4217 currency known to the runtime's Intl (or, lacking it, well formed). */
function isCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported === undefined || supported('currency').includes(code);
}

function checkCurrency(fn: string, path: readonly (string | number)[], code: unknown): string {
  if (isCurrency(code)) return code;
  return invalidArgument(fn, path, 'an ISO 4217 currency code such as USD, CNY or EUR', code);
}

function makeMoney<C extends string>(amount: Dec, currency: C): Money<C> {
  return Object.freeze({ amount: decString(amount), currency });
}

function moneyAmount(fn: string, path: readonly (string | number)[], value: unknown): Dec {
  const candidate = value as Partial<Money> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.amount !== 'string') {
    return invalidArgument(fn, path, 'money (see money())', value);
  }
  checkCurrency(fn, [...path, 'currency'], candidate.currency);
  return toDec(fn, [...path, 'amount'], candidate.amount);
}

function sameCurrency(fn: string, a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new RareEarthsError(fn, 'unit-mismatch', [
      {
        path: ['b', 'currency'],
        message: `expected ${describeValue(a.currency)} like the first amount, got ${describeValue(b.currency)} (convert with convertMoney first)`,
      },
    ]);
  }
}

/**
 * Create an exact amount of money.
 *
 * @category Quantities
 * @param amount - the amount in units of the currency (a finite number or a decimal string)
 * @param currency - an ISO 4217 code known to the runtime (`Intl.supportedValuesOf('currency')`)
 * @returns frozen money
 * @throws {@link RareEarthsError} (`invalid-argument`) for a malformed amount or an unknown currency
 * @example
 * ```ts
 * import { money } from 'rare-earths';
 *
 * // USGS MCS 2026: US imports of rare-earth compounds and metals were worth $165 million in 2025
 * money('165000000', 'USD'); // => { amount: '165000000', currency: 'USD' }
 * ```
 */
export function money<C extends string>(amount: Numeric, currency: C): Money<C> {
  const value = toDec('money', ['amount'], amount);
  checkCurrency('money', ['currency'], currency);
  return makeMoney(value, currency);
}

/** The fields of a snapshot object, refusing anything but `allowed`. */
function snapshotFields(
  fn: string,
  snapshot: unknown,
  allowed: readonly string[],
  expected: string,
): Readonly<Record<string, unknown>> {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    return invalidArgument(fn, [], expected, snapshot);
  }
  const record = snapshot as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      invalidArgument(fn, [key], `no other field than ${allowed.join(', ')}`, record[key]);
    }
  }
  const { amount } = record;
  if (typeof amount !== 'string' && typeof amount !== 'number') {
    invalidArgument(fn, ['amount'], 'a decimal string or a finite number', amount);
  }
  return record;
}

/**
 * Read a money snapshot (the JSON form of a {@link Money}) back into money, checking every field.
 *
 * @category Quantities
 * @param snapshot - parsed JSON, e.g. `{ "amount": "1250.75", "currency": "USD" }`
 * @returns equal money: the same exact amount and currency
 * @throws {@link RareEarthsError} (`invalid-argument`) naming the field that is missing or wrong,
 *   or an extra field
 * @example
 * ```ts
 * import { money, moneyFromJSON } from 'rare-earths';
 *
 * const cost = money('1250.750', 'USD');
 * moneyFromJSON(JSON.parse(JSON.stringify(cost))); // => { amount: '1250.75', currency: 'USD' }
 * ```
 */
export function moneyFromJSON(snapshot: unknown): Money {
  const fn = 'moneyFromJSON';
  const record = snapshotFields(
    fn,
    snapshot,
    ['amount', 'currency'],
    'a money object with amount and currency',
  );
  const value = toDec(fn, ['amount'], record.amount);
  return makeMoney(value, checkCurrency(fn, ['currency'], record.currency));
}

/**
 * Add two amounts of money in the same currency, exactly.
 *
 * @category Quantities
 * @param a - money
 * @param b - money in the same currency (a different currency does not compile)
 * @returns the exact sum
 * @throws {@link RareEarthsError} (`unit-mismatch`) when currencies differ (possible from untyped JavaScript)
 * @example
 * ```ts
 * import { addMoney, money } from 'rare-earths';
 *
 * addMoney(money('0.1', 'USD'), money('0.2', 'USD')).amount; // => '0.3'
 * ```
 */
export function addMoney<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  const x = moneyAmount('addMoney', ['a'], a);
  const y = moneyAmount('addMoney', ['b'], b);
  sameCurrency('addMoney', a, b);
  return makeMoney(x.plus(y), a.currency);
}

/**
 * Subtract money from money in the same currency, exactly.
 *
 * @category Quantities
 * @param a - money
 * @param b - money in the same currency
 * @returns `a − b`
 * @throws {@link RareEarthsError} (`unit-mismatch`) when currencies differ
 * @example
 * ```ts
 * import { money, subtractMoney } from 'rare-earths';
 *
 * // USGS MCS 2026: import value fell from $168 M (2024) to $165 M (2025)
 * subtractMoney(money(165e6, 'USD'), money(168e6, 'USD')).amount; // => '-3000000'
 * ```
 */
export function subtractMoney<C extends string>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  const x = moneyAmount('subtractMoney', ['a'], a);
  const y = moneyAmount('subtractMoney', ['b'], b);
  sameCurrency('subtractMoney', a, b);
  return makeMoney(x.minus(y), a.currency);
}

function checkDate(fn: string, path: readonly (string | number)[], date: unknown): string {
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date) return date;
  }
  return invalidArgument(fn, path, 'a calendar date YYYY-MM-DD', date);
}

function checkRate(
  fn: string,
  path: readonly (string | number)[],
  rate: unknown,
): { from: string; to: string; value: Dec } {
  if (typeof rate !== 'object' || rate === null) {
    return invalidArgument(fn, path, 'an exchange rate { from, to, rate, date }', rate);
  }
  const candidate = rate as Partial<ExchangeRate>;
  const from = checkCurrency(fn, [...path, 'from'], candidate.from);
  const to = checkCurrency(fn, [...path, 'to'], candidate.to);
  const value = toDec(fn, [...path, 'rate'], candidate.rate);
  if (!value.isPositive() || value.isZero())
    invalidArgument(fn, [...path, 'rate'], 'a positive rate', candidate.rate);
  checkDate(fn, [...path, 'date'], candidate.date);
  return { from, to, value };
}

/**
 * Convert money to another currency with a dated exchange rate, exactly (to 40 significant
 * digits). The rate is explicit because rates move and a comparison must say which one it used.
 *
 * @category Quantities
 * @param m - money in the rate's `from` currency
 * @param rate - `{ from, to, rate, date }`: one `from` buys `rate` of `to`
 * @returns money in `to`
 * @throws {@link RareEarthsError} (`unit-mismatch`) when the money is not in `rate.from`;
 *   (`invalid-argument`) for a non-positive rate, an unknown currency or a malformed date
 * @example
 * ```ts
 * import { convertMoney, money } from 'rare-earths';
 *
 * // An illustrative rate: 7.2 CNY per USD
 * const rate = { from: 'USD', to: 'CNY', rate: '7.2', date: '2025-06-30' } as const;
 * convertMoney(money('55', 'USD'), rate); // => { amount: '396', currency: 'CNY' }
 * ```
 */
export function convertMoney<F extends string, T extends string>(
  m: Money<F>,
  rate: ExchangeRate<NoInfer<F>, T>,
): Money<T> {
  const amount = moneyAmount('convertMoney', ['m'], m);
  const checked = checkRate('convertMoney', ['rate'], rate);
  if (checked.from !== m.currency) {
    throw new RareEarthsError('convertMoney', 'unit-mismatch', [
      {
        path: ['rate', 'from'],
        message: `expected ${describeValue(m.currency)}, the money's currency, got ${describeValue(checked.from)}`,
      },
    ]);
  }
  return makeMoney(amount.times(checked.value), checked.to as T);
}

/**
 * Round money to a number of decimals with an explicit rounding mode (never a global setting).
 *
 * @category Quantities
 * @param m - money
 * @param decimals - decimals to keep (0 to 20), e.g. 2 for cents
 * @param options - `mode`: `'half-even'` (default, banker's rounding), `'half-up'`, `'up'` (away from zero) or `'down'` (towards zero)
 * @returns the rounded money
 * @throws {@link RareEarthsError} (`invalid-argument`) for decimals outside 0–20 or an unknown mode
 * @example
 * ```ts
 * import { money, roundMoney } from 'rare-earths';
 *
 * roundMoney(money('2.345', 'USD'), 2).amount; // => '2.34'
 * roundMoney(money('2.345', 'USD'), 2, { mode: 'half-up' }).amount; // => '2.35'
 * ```
 */
export function roundMoney<C extends string>(
  m: Money<C>,
  decimals: number,
  options: { readonly mode?: RoundingMode } = {},
): Money<C> {
  const amount = moneyAmount('roundMoney', ['m'], m);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    invalidArgument('roundMoney', ['decimals'], 'an integer from 0 to 20', decimals);
  }
  // decimal.js rounding constants: ROUND_UP 0, ROUND_DOWN 1, ROUND_HALF_UP 4, ROUND_HALF_EVEN 6.
  const modes: Record<RoundingMode, 0 | 1 | 4 | 6> = {
    up: 0,
    down: 1,
    'half-up': 4,
    'half-even': 6,
  };
  const mode = options.mode ?? 'half-even';
  // Own keys only: 'toString' or '__proto__' must not find Object.prototype's members.
  const rounding = typeof mode === 'string' && Object.hasOwn(modes, mode) ? modes[mode] : undefined;
  if (rounding === undefined)
    invalidArgument(
      'roundMoney',
      ['options', 'mode'],
      "'half-even', 'half-up', 'up' or 'down'",
      mode,
    );
  return makeMoney(amount.toDecimalPlaces(decimals, rounding), m.currency);
}

/**
 * Create a price per unit mass.
 *
 * @category Quantities
 * @param amount - price per `per`, a finite number or decimal string
 * @param currency - ISO 4217 code
 * @param per - the mass unit the price is quoted per
 * @param options - `basis` when the quote says what the mass counts (e.g. `'REO'` for an oxide)
 * @returns a frozen price
 * @throws {@link RareEarthsError} (`invalid-argument`) for a malformed amount, currency, unit or basis
 * @example
 * ```ts
 * import { price } from 'rare-earths';
 *
 * // USGS MCS 2026: NdPr oxide, 99% min, 2025 average US$69/kg
 * price(69, 'USD', 'kg', { basis: 'REO' }); // => { amount: '69', currency: 'USD', per: 'kg', basis: 'REO' }
 * ```
 */
export function price<C extends string, U extends MassUnit>(
  amount: Numeric,
  currency: C,
  per: U,
  options: { readonly basis?: Basis } = {},
): Price<C, U> {
  const value = toDec('price', ['amount'], amount);
  checkCurrency('price', ['currency'], currency);
  if (per !== 't' && per !== 'kg') invalidArgument('price', ['per'], "'t' or 'kg'", per);
  const out: { -readonly [K in keyof Price<C, U>]: Price<C, U>[K] } = {
    amount: decString(value),
    currency,
    per,
  };
  if (options.basis !== undefined) {
    if (!['REO', 'metal', 'product'].includes(options.basis)) {
      invalidArgument('price', ['options', 'basis'], "'REO', 'metal' or 'product'", options.basis);
    }
    out.basis = options.basis;
  }
  return Object.freeze(out);
}

/**
 * Read a price snapshot (the JSON form of a {@link Price}) back into a price, checking every field.
 *
 * @category Quantities
 * @param snapshot - parsed JSON, e.g. `{ "amount": "69", "currency": "USD", "per": "kg", "basis": "REO" }`
 * @returns an equal price
 * @throws {@link RareEarthsError} (`invalid-argument`) naming the field that is missing or wrong,
 *   or an extra field
 * @example
 * ```ts
 * import { price, priceFromJSON } from 'rare-earths';
 *
 * const ndpr = price(69, 'USD', 'kg', { basis: 'REO' });
 * priceFromJSON(JSON.parse(JSON.stringify(ndpr))); // => { amount: '69', currency: 'USD', per: 'kg', basis: 'REO' }
 * ```
 */
export function priceFromJSON(snapshot: unknown): Price {
  const fn = 'priceFromJSON';
  const record = snapshotFields(
    fn,
    snapshot,
    ['amount', 'currency', 'per', 'basis'],
    'a price object with amount, currency and per',
  );
  const value = toDec(fn, ['amount'], record.amount);
  const currency = checkCurrency(fn, ['currency'], record.currency);
  const { per, basis } = record;
  if (per !== 't' && per !== 'kg') invalidArgument(fn, ['per'], "'t' or 'kg'", per);
  const out: { -readonly [K in keyof Price]: Price[K] } = {
    amount: decString(value),
    currency,
    per: per as MassUnit,
  };
  if (basis !== undefined) {
    if (basis !== 'REO' && basis !== 'metal' && basis !== 'product') {
      invalidArgument(fn, ['basis'], "'REO', 'metal' or 'product'", basis);
    }
    out.basis = basis as Basis;
  }
  return Object.freeze(out);
}

function priceAmount(fn: string, path: readonly (string | number)[], value: unknown): Dec {
  const candidate = value as Partial<Price> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.amount !== 'string' ||
    (candidate.per !== 't' && candidate.per !== 'kg')
  ) {
    return invalidArgument(fn, path, 'a price (see price())', value);
  }
  checkCurrency(fn, [...path, 'currency'], candidate.currency);
  return toDec(fn, [...path, 'amount'], candidate.amount);
}

/**
 * Convert a price to another currency and/or mass unit, exactly: CNY/t to US$/kg, say.
 *
 * @category Quantities
 * @param p - a price
 * @param options - `rate` to change currency (its `from` must be the price's currency) and `per` to change the mass unit
 * @returns the same price in the new terms
 * @throws {@link RareEarthsError} (`unit-mismatch`) when the rate is from another currency;
 *   (`invalid-argument`) for a bad rate or unit
 * @example
 * ```ts
 * import { convertPrice, price } from 'rare-earths';
 *
 * // An illustrative quote of CNY 432,000/t and an illustrative rate of 7.2 CNY per USD
 * const quote = price('432000', 'CNY', 't');
 * const rate = { from: 'CNY', to: 'USD', rate: '0.125', date: '2025-06-30' } as const;
 * convertPrice(quote, { rate, per: 'kg' }).amount; // => '54'
 * ```
 */
export function convertPrice<
  C extends string,
  U extends MassUnit,
  D extends string = C,
  V extends MassUnit = U,
>(p: Price<C, U>, options: ConvertPriceOptions<NoInfer<C>, D, V>): Price<D, V> {
  let amount = priceAmount('convertPrice', ['p'], p);
  let currency: string = p.currency;
  if (options.rate !== undefined) {
    const checked = checkRate('convertPrice', ['options', 'rate'], options.rate);
    if (checked.from !== p.currency) {
      throw new RareEarthsError('convertPrice', 'unit-mismatch', [
        {
          path: ['options', 'rate', 'from'],
          message: `expected ${describeValue(p.currency)}, the price's currency, got ${describeValue(checked.from)}`,
        },
      ]);
    }
    amount = amount.times(checked.value);
    currency = checked.to;
  }
  let per: MassUnit = p.per;
  if (options.per !== undefined) {
    if (options.per !== 't' && options.per !== 'kg')
      invalidArgument('convertPrice', ['options', 'per'], "'t' or 'kg'", options.per);
    if (p.per === 't' && options.per === 'kg') amount = amount.dividedBy(1000);
    if (p.per === 'kg' && options.per === 't') amount = amount.times(1000);
    per = options.per;
  }
  const out: { -readonly [K in keyof Price]: Price[K] } = {
    amount: decString(amount),
    currency,
    per,
  };
  if (p.basis !== undefined) out.basis = p.basis;
  return Object.freeze(out) as Price<D, V>;
}

/**
 * The value of a mass at a price, exactly: mass × price, after bringing the mass to the price's
 * unit. A price quoted on a basis (oxide, metal) only applies to a mass on the same basis.
 *
 * @category Quantities
 * @param m - a mass
 * @param p - a price per unit mass
 * @returns money in the price's currency
 * @throws {@link RareEarthsError} (`unit-mismatch`) when the price's basis differs from the mass's
 * @example
 * ```ts
 * import { mass, price, valueAt } from 'rare-earths';
 *
 * // 1,142 t of NdPr oxide at US$55/kg (USGS MCS 2026 average for 2024), in US$
 * valueAt(mass(1142, 't', 'REO'), price(55, 'USD', 'kg', { basis: 'REO' })); // => { amount: '62810000', currency: 'USD' }
 * ```
 */
export function valueAt<C extends string>(m: Mass, p: Price<C>): Money<C> {
  massAmount('valueAt', ['m'], m);
  const perUnit = priceAmount('valueAt', ['p'], p);
  if (p.basis !== undefined && p.basis !== m.basis) {
    throw new RareEarthsError('valueAt', 'unit-mismatch', [
      {
        path: ['m', 'basis'],
        message: `expected ${describeValue(p.basis)}, the price's basis, got ${describeValue(m.basis)}`,
      },
    ]);
  }
  const inUnit = massAmount('valueAt', ['m'], convertMass(m, p.per));
  return makeMoney(inUnit.times(perUnit), p.currency);
}
