import { describeValue, invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Dataset, ExchangeRateRecord, PriceRecord, Provenance } from '../model/index.js';
import { Dec, decString, toDec } from '../numeric/internal.js';
import type { MassUnit, Price } from '../quantity/index.js';

/**
 * Options for {@link convertPriceRecord}.
 *
 * @category Chain
 */
export interface ConvertPriceRecordOptions {
  /** The currency to quote the price in (ISO 4217), e.g. `'CNY'` or `'USD'`. */
  readonly currency: string;
  /** Quote it per this mass unit instead; default the record's. */
  readonly per?: MassUnit;
  /** Use the rate of this source; needed only when the dataset has rates of several sources for the pair and year. */
  readonly source?: string;
}

/**
 * A price of the dataset in another currency, with the rate it rests on.
 *
 * @category Chain
 */
export interface ConvertedPrice {
  /** The product, as the record quotes it. */
  readonly product: string;
  /** The year of the price and of the rate. */
  readonly year: number;
  /** The price as the record gives it. */
  readonly quoted: Price;
  /** The price in the currency asked for, exact (to 40 significant digits when divided). */
  readonly price: Price;
  /** The rate used; absent when the record is already in that currency. */
  readonly conversion?: {
    /** The rate record's currencies: one `from` buys `rate` of `to`. */
    readonly from: string;
    /** See `from`. */
    readonly to: string;
    /** The rate as published, a decimal string. */
    readonly rate: string;
    /** The year the rate is the average of (the price's year). */
    readonly year: number;
    /** `'multiplied'` when the price is in `from`; `'divided'` when it is in `to` (the rate read the other way). */
    readonly applied: 'multiplied' | 'divided';
    /** Where the rate comes from. */
    readonly provenance: Provenance;
    /** The conversion in words, for a report. */
    readonly text: string;
  };
}

function makePrice(amount: Dec, currency: string, per: MassUnit): Price {
  return Object.freeze({ amount: decString(amount), currency, per });
}

function checkRecord(fn: string, record: unknown): PriceRecord {
  const candidate = record as Partial<PriceRecord> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.product !== 'string' ||
    typeof candidate.year !== 'number' ||
    typeof candidate.price !== 'object' ||
    candidate.price === null
  ) {
    return invalidArgument(fn, ['record'], 'a price record { product, year, price, … }', record);
  }
  return candidate as PriceRecord;
}

/**
 * A price record of a dataset (its `prices`) in another currency, converted with the dataset's
 * exchange rate for the record's year (its `exchangeRates`, annual averages): the amount times the
 * rate when the price is in the rate's `from` currency, divided by it when the price is in its
 * `to` currency, and per another mass unit if asked (1 t = 1,000 kg). Exact decimals throughout
 * (a division to 40 significant digits). The rate's source goes with the result.
 *
 * A missing rate is an error, never filled: a price of a year without a rate for the pair is not
 * converted with a neighbouring year's rate. The baseline's rates are the yuan per US dollar of
 * 2020–2023, annual averages of the Federal Reserve's G.5A release of 1 February 2024.
 *
 * @category Chain
 * @param dataset - a dataset with `exchangeRates`, e.g. `baseline` from `rare-earths/data`
 * @param record - a price record, e.g. one of `dataset.prices`
 * @param options - `currency`; `per` (default the record's unit); `source` to choose among rates of several sources
 * @returns the price as quoted and converted, and the rate used with its provenance
 * @throws {@link RareEarthsError} (`not-found`) when the dataset has no rate for the two
 *   currencies in the record's year, or none of the `source` asked for; (`invalid-input`) when
 *   rates of several sources fit and no `source` is given; (`invalid-argument`) for a bad record,
 *   currency or unit
 * @example
 * ```ts
 * import { convertPriceRecord, price } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // USGS MCS 2026: Nd oxide averaged US$78/kg in 2023; the Fed's 2023 average was 7.0809 yuan per dollar.
 * const nd = baseline.prices?.find((p) => p.product.startsWith('Nd oxide') && p.year === 2023)!;
 * const inYuan = convertPriceRecord(baseline, nd, { currency: 'CNY', per: 't' });
 * inYuan.price; // => { amount: '552310.2', currency: 'CNY', per: 't' }
 * inYuan.conversion?.provenance.source; // => 'frb-g5a-2024'
 *
 * // A price quoted in yuan (an illustrative quote) converts back with the same rate.
 * const quote = { ...nd, price: { amount: '552310.2', currency: 'CNY', per: 't' as const } };
 * convertPriceRecord(baseline, quote, { currency: 'USD', per: 'kg' }).price.amount; // => '78'
 * ```
 */
export function convertPriceRecord(
  dataset: Dataset,
  record: PriceRecord,
  options: ConvertPriceRecordOptions,
): ConvertedPrice {
  const fn = 'convertPriceRecord';
  if (typeof dataset !== 'object' || dataset === null)
    invalidArgument(fn, ['dataset'], 'a dataset', dataset);
  const rates = dataset.exchangeRates ?? [];
  if (!Array.isArray(rates))
    invalidArgument(fn, ['dataset', 'exchangeRates'], 'an array of exchange rates', rates);
  const checked = checkRecord(fn, record);
  if (typeof options !== 'object' || options === null)
    invalidArgument(fn, ['options'], 'an options object { currency }', options);
  const code = /^[A-Z]{3}$/;
  const quotedCurrency = checked.price.currency;
  if (typeof quotedCurrency !== 'string' || !code.test(quotedCurrency))
    invalidArgument(
      fn,
      ['record', 'price', 'currency'],
      'an ISO 4217 currency code',
      quotedCurrency,
    );
  if (checked.price.per !== 't' && checked.price.per !== 'kg')
    invalidArgument(fn, ['record', 'price', 'per'], "'t' or 'kg'", checked.price.per);
  if (typeof options.currency !== 'string' || !code.test(options.currency))
    invalidArgument(
      fn,
      ['options', 'currency'],
      'an ISO 4217 currency code such as CNY or USD',
      options.currency,
    );
  const per = options.per ?? checked.price.per;
  if (per !== 't' && per !== 'kg') invalidArgument(fn, ['options', 'per'], "'t' or 'kg'", per);
  const currency = options.currency;
  const quotedAmount = toDec(fn, ['record', 'price', 'amount'], checked.price.amount);
  const quoted = makePrice(quotedAmount, quotedCurrency, checked.price.per);
  // Per kg to per t multiplies by 1,000; per t to per kg divides.
  const perFactor =
    quoted.per === per ? new Dec(1) : quoted.per === 't' ? new Dec('0.001') : new Dec(1000);
  const base = quotedAmount.times(perFactor);
  const out = { product: checked.product, year: checked.year, quoted };
  if (quoted.currency === currency) return { ...out, price: makePrice(base, currency, per) };

  const fits = (rate: ExchangeRateRecord) =>
    rate !== null &&
    typeof rate === 'object' &&
    rate.year === checked.year &&
    ((rate.from === quoted.currency && rate.to === currency) ||
      (rate.from === currency && rate.to === quoted.currency));
  const candidates = (rates as readonly ExchangeRateRecord[]).filter(fits);
  const chosen =
    options.source === undefined
      ? candidates
      : candidates.filter((rate) => rate.provenance?.source === options.source);
  if (chosen.length === 0) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['dataset', 'exchangeRates'],
        message: `expected a ${quoted.currency}/${currency} rate for ${checked.year}${options.source === undefined ? '' : ` from ${describeValue(options.source)}`} (a price is converted only with its own year's rate), got ${candidates.length === 0 ? 'none' : `rates from ${candidates.map((r) => describeValue(r.provenance?.source)).join(', ')}`}`,
      },
    ]);
  }
  if (chosen.length > 1) {
    throw new RareEarthsError(fn, 'invalid-input', [
      {
        path: ['options', 'source'],
        message: `expected a source to choose among the ${quoted.currency}/${currency} rates for ${checked.year} (${chosen.map((r) => describeValue(r.provenance?.source)).join(', ')}), got none`,
      },
    ]);
  }
  const rate = chosen[0] as ExchangeRateRecord;
  const value = toDec(fn, ['dataset', 'exchangeRates', rates.indexOf(rate), 'rate'], rate.rate);
  if (!value.isPositive() || value.isZero())
    invalidArgument(
      fn,
      ['dataset', 'exchangeRates', rates.indexOf(rate), 'rate'],
      'a positive rate',
      rate.rate,
    );
  const applied = rate.from === quoted.currency ? 'multiplied' : 'divided';
  const amount = applied === 'multiplied' ? base.times(value) : base.div(value);
  const rateText = `${decString(value)} ${rate.to} per ${rate.from}`;
  return {
    ...out,
    price: makePrice(amount, currency, per),
    conversion: {
      from: rate.from,
      to: rate.to,
      rate: decString(value),
      year: rate.year,
      applied,
      provenance: rate.provenance,
      text: `${quoted.currency} converted to ${currency} at ${rateText}, the ${rate.year} average (${rate.provenance.source}${rate.provenance.locator === undefined ? '' : `, ${rate.provenance.locator}`}), ${applied === 'multiplied' ? 'multiplied by' : 'divided by'} the rate`,
    },
  };
}
