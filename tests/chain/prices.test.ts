// Issue 15, finding 10: the money module converts currencies, but the baseline shipped no dated
// CNY/USD rate (old main, a05b628: `baseline.exchangeRates` undefined, no `convertPriceRecord`).
// The rates are the Federal Reserve's G.5A annual averages (release of 1 February 2024, row
// CHINA, P.R. YUAN): 2020 6.9042, 2021 6.4508, 2022 6.7290, 2023 7.0809 yuan per US dollar.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  convertPriceRecord,
  type Dataset,
  type PriceRecord,
  parseDataset,
} from '../../src/index.js';
import { refusal } from '../hostile/corpus.js';

const priceOf = (product: string, year: number) => {
  const record = (baseline.prices ?? []).find(
    (p) => p.product.startsWith(product) && p.year === year,
  );
  if (record === undefined) throw new Error(`no ${product} price for ${year}`);
  return record;
};

describe('the baseline ships sourced yuan-per-dollar rates', () => {
  test('2020–2023, as published in G.5A, cited and reported', () => {
    expect(
      (baseline.exchangeRates ?? []).map((r) => [
        r.from,
        r.to,
        r.year,
        r.rate,
        r.provenance.source,
        r.provenance.tag,
      ]),
    ).toEqual([
      ['USD', 'CNY', 2020, '6.9042', 'frb-g5a-2024', 'reported'],
      ['USD', 'CNY', 2021, '6.4508', 'frb-g5a-2024', 'reported'],
      ['USD', 'CNY', 2022, '6.7290', 'frb-g5a-2024', 'reported'],
      ['USD', 'CNY', 2023, '7.0809', 'frb-g5a-2024', 'reported'],
    ]);
    const source = baseline.sources.find((s) => s.id === 'frb-g5a-2024');
    expect(source?.url).toBe('https://www.federalreserve.gov/releases/g5a/20240201/');
    for (const rate of baseline.exchangeRates ?? [])
      expect(rate.provenance.locator).toMatch(/CHINA, P\.R\. \(YUAN\).*, \d{4}$/);
  });

  test('the dataset with its rates parses, and bad rates are refused with their path', () => {
    expect(parseDataset(JSON.parse(JSON.stringify(baseline))).exchangeRates).toHaveLength(4);
    const rate = (baseline.exchangeRates ?? [])[0];
    const bad = (rates: unknown[]) => ({
      ...JSON.parse(JSON.stringify(baseline)),
      exchangeRates: rates,
    });
    const messages = refusal(() =>
      parseDataset(
        bad([
          { ...rate, rate: 0 },
          { ...rate, to: 'USD' },
          { ...rate, from: 'CNY', to: 'USD' },
          { ...rate, provenance: { source: 'nowhere', tag: 'reported' } },
        ]),
      ),
    ).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'exchangeRates.0.rate: expected a positive rate, got 0',
        'exchangeRates.1.to: expected a currency other than from ("USD"), got "USD"',
        expect.stringMatching(
          /^exchangeRates\.2: expected one rate per currency pair, year and source, got a second CNY\/USD rate for 2020 from "frb-g5a-2024" \(the first is exchangeRates\[0\]\)$/,
        ),
        expect.stringMatching(/^exchangeRates\.3\.provenance\.source: /),
      ]),
    );
  });
});

describe('convertPriceRecord', () => {
  test('a US$ price of the baseline in yuan, with the rate and its source', () => {
    // 78 US$/kg × 7.0809 × 1,000 kg/t = 552,310.2 CNY/t (Python's decimal gives the same).
    const result = convertPriceRecord(baseline, priceOf('Nd oxide', 2023), {
      currency: 'CNY',
      per: 't',
    });
    expect(result.quoted).toEqual({ amount: '78', currency: 'USD', per: 'kg' });
    expect(result.price).toEqual({ amount: '552310.2', currency: 'CNY', per: 't' });
    expect(result.conversion).toMatchObject({
      from: 'USD',
      to: 'CNY',
      rate: '7.0809',
      year: 2023,
      applied: 'multiplied',
      provenance: { source: 'frb-g5a-2024', tag: 'reported' },
    });
    expect(result.conversion?.text).toBe(
      'USD converted to CNY at 7.0809 CNY per USD, the 2023 average (frb-g5a-2024, table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar, 2023), multiplied by the rate',
    );
    // Each year with its own rate: Tb oxide 2021, US$1,340/kg × 6.4508 = 8,644.072 CNY/kg.
    const tb = (baseline.prices ?? []).find(
      (p) =>
        p.product.startsWith('Tb oxide') &&
        p.year === 2021 &&
        p.provenance.source === 'usgs-mcs-2026-heavy',
    ) as PriceRecord;
    expect(tb.price.amount).toBe(1340);
    // Python: Decimal('1340') * Decimal('6.4508') = Decimal('8644.0720').
    expect(convertPriceRecord(baseline, tb, { currency: 'CNY' }).price.amount).toBe('8644.072');
  });

  test('a yuan quote converts to dollars by dividing, exactly', () => {
    const quote: PriceRecord = {
      ...priceOf('Nd oxide', 2023),
      price: { amount: '552310.2', currency: 'CNY', per: 't' },
    };
    const result = convertPriceRecord(baseline, quote, { currency: 'USD', per: 'kg' });
    expect(result.price).toEqual({ amount: '78', currency: 'USD', per: 'kg' });
    expect(result.conversion?.applied).toBe('divided');
  });

  test('round trip to yuan and back is exact (property)', () => {
    const template = priceOf('Nd oxide', 2022);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale) => {
          const amount = (units / 10 ** scale).toFixed(scale);
          const record: PriceRecord = {
            ...template,
            price: { amount, currency: 'USD', per: 'kg' },
          };
          const yuan = convertPriceRecord(baseline, record, { currency: 'CNY', per: 't' });
          const back = convertPriceRecord(
            baseline,
            { ...record, price: yuan.price },
            { currency: 'USD', per: 'kg' },
          );
          return (
            Number(back.price.amount) === Number(amount) &&
            back.price.amount === String(Number(amount))
          );
        },
      ),
    );
  });

  test('the same currency needs no rate; only the unit changes', () => {
    const result = convertPriceRecord(baseline, priceOf('Nd oxide', 2023), {
      currency: 'USD',
      per: 't',
    });
    expect(result.price).toEqual({ amount: '78000', currency: 'USD', per: 't' });
    expect(result.conversion).toBeUndefined();
  });

  test('a year without a rate is refused, not filled from a neighbouring year', () => {
    // 2024 and 2025 prices ship; no published annual average rate for them was found.
    const error = refusal(() =>
      convertPriceRecord(baseline, priceOf('Nd oxide', 2024), { currency: 'CNY' }),
    );
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      "convertPriceRecord: dataset.exchangeRates: expected a USD/CNY rate for 2024 (a price is converted only with its own year's rate), got none",
    );
    expect(
      refusal(() => convertPriceRecord(baseline, priceOf('Nd oxide', 2023), { currency: 'EUR' }))
        .code,
    ).toBe('not-found');
  });

  test('rates of two sources need a choice', () => {
    const extra = {
      ...(baseline.exchangeRates ?? [])[3],
      rate: '7.1',
      provenance: { source: 'usgs-mcs-2026', tag: 'reported' },
    };
    const dataset = {
      ...baseline,
      exchangeRates: [...(baseline.exchangeRates ?? []), extra],
    } as Dataset;
    const nd = priceOf('Nd oxide', 2023);
    expect(refusal(() => convertPriceRecord(dataset, nd, { currency: 'CNY' })).message).toBe(
      'convertPriceRecord: options.source: expected a source to choose among the USD/CNY rates for 2023 ("frb-g5a-2024", "usgs-mcs-2026"), got none',
    );
    expect(
      convertPriceRecord(dataset, nd, { currency: 'CNY', source: 'usgs-mcs-2026' }).price.amount,
    ).toBe('553.8');
    expect(
      refusal(() => convertPriceRecord(dataset, nd, { currency: 'CNY', source: 'x' })).message,
    ).toMatch(
      /expected a USD\/CNY rate for 2023 from "x" .*, got rates from "frb-g5a-2024", "usgs-mcs-2026"$/,
    );
  });

  test('bad arguments name the function and the path; inputs are not changed', () => {
    const nd = priceOf('Nd oxide', 2023);
    const before = JSON.stringify(baseline);
    convertPriceRecord(baseline, nd, { currency: 'CNY' });
    expect(JSON.stringify(baseline)).toBe(before);
    expect(refusal(() => convertPriceRecord(baseline, nd, { currency: 'yuan' })).message).toMatch(
      /^convertPriceRecord: options\.currency: expected an ISO 4217 currency code/,
    );
    expect(
      refusal(() => convertPriceRecord(baseline, nd, { currency: 'CNY', per: 'lb' as never }))
        .message,
    ).toMatch(/^convertPriceRecord: options\.per: expected 't' or 'kg'/);
    expect(
      refusal(() => convertPriceRecord(baseline, null as never, { currency: 'CNY' })).message,
    ).toMatch(/^convertPriceRecord: record: expected a price record/);
    expect(
      refusal(() =>
        convertPriceRecord(
          baseline,
          { ...nd, price: { ...nd.price, amount: 'x' } },
          { currency: 'CNY' },
        ),
      ).message,
    ).toMatch(/^convertPriceRecord: record\.price\.amount: /);
  });
});
