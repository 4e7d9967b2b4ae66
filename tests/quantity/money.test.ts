import { describe, expect, test } from 'vitest';
import {
  addMoney,
  convertMoney,
  convertPrice,
  type ExchangeRate,
  type Money,
  mass,
  money,
  type Price,
  price,
  roundMoney,
  subtractMoney,
  valueAt,
} from '../../src/index.js';

const usdToCny: ExchangeRate<'USD', 'CNY'> = {
  from: 'USD',
  to: 'CNY',
  rate: '7.2',
  date: '2025-06-30',
};

describe('money', () => {
  test('is exact and frozen', () => {
    expect(addMoney(money('0.1', 'USD'), money('0.2', 'USD'))).toEqual({
      amount: '0.3',
      currency: 'USD',
    });
    expect(subtractMoney(money(1, 'EUR'), money('0.99', 'EUR')).amount).toBe('0.01');
    expect(Object.isFrozen(money(1, 'USD'))).toBe(true);
  });

  test('currencies must be ISO 4217 codes known to the runtime', () => {
    expect(money(1, 'CNY').currency).toBe('CNY');
    expect(() => money(1, 'usd')).toThrow(
      'money: currency: expected an ISO 4217 currency code such as USD, CNY or EUR, got "usd"',
    );
    expect(() => money(1, 'UDS')).toThrow('money: currency');
    expect(() => money('x', 'USD')).toThrow('money: amount');
  });

  test('different currencies do not mix', () => {
    const untyped = addMoney as (a: Money, b: Money) => Money;
    expect(() => untyped(money(1, 'USD'), money(1, 'CNY'))).toThrow(
      'addMoney: b.currency: expected "USD" like the first amount, got "CNY" (convert with convertMoney first)',
    );
    expect(() =>
      (subtractMoney as (a: Money, b: Money) => Money)(money(1, 'USD'), money(1, 'EUR')),
    ).toThrow('subtractMoney: b.currency');
    expect(() => addMoney(money(1, 'USD'), { amount: 1 } as unknown as Money<'USD'>)).toThrow(
      'addMoney: b: expected money (see money()), got an object',
    );
  });

  test('conversion needs a dated rate from the right currency', () => {
    expect(convertMoney(money('55', 'USD'), usdToCny)).toEqual({ amount: '396', currency: 'CNY' });
    const wrong = convertMoney as (m: Money, r: ExchangeRate) => Money;
    expect(() => wrong(money(1, 'EUR'), usdToCny)).toThrow(
      'convertMoney: rate.from: expected "EUR", the money\'s currency, got "USD"',
    );
    expect(() => convertMoney(money(1, 'USD'), { ...usdToCny, rate: 0 })).toThrow(
      'convertMoney: rate.rate: expected a positive rate, got 0',
    );
    expect(() => convertMoney(money(1, 'USD'), { ...usdToCny, rate: -7 })).toThrow(
      'convertMoney: rate.rate: expected a positive rate',
    );
    expect(() => convertMoney(money(1, 'USD'), { ...usdToCny, date: '2025-02-30' })).toThrow(
      'convertMoney: rate.date: expected a calendar date YYYY-MM-DD, got "2025-02-30"',
    );
    expect(() => convertMoney(money(1, 'USD'), { ...usdToCny, date: 20250630 } as never)).toThrow(
      'convertMoney: rate.date',
    );
    expect(() => convertMoney(money(1, 'USD'), null as never)).toThrow(
      'convertMoney: rate: expected an exchange rate { from, to, rate, date }, got null',
    );
    expect(() => convertMoney(money(1, 'USD'), { ...usdToCny, to: 'XYZ' } as never)).toThrow(
      'convertMoney: rate.to',
    );
  });

  test('rounding is explicit', () => {
    expect(roundMoney(money('2.345', 'USD'), 2).amount).toBe('2.34');
    expect(roundMoney(money('2.355', 'USD'), 2).amount).toBe('2.36');
    expect(roundMoney(money('2.345', 'USD'), 2, { mode: 'half-up' }).amount).toBe('2.35');
    expect(roundMoney(money('2.341', 'USD'), 2, { mode: 'up' }).amount).toBe('2.35');
    expect(roundMoney(money('-2.349', 'USD'), 2, { mode: 'down' }).amount).toBe('-2.34');
    expect(roundMoney(money('2.5', 'JPY'), 0).amount).toBe('2');
    expect(() => roundMoney(money(1, 'USD'), 2.5)).toThrow(
      'roundMoney: decimals: expected an integer from 0 to 20, got 2.5',
    );
    expect(() => roundMoney(money(1, 'USD'), 21)).toThrow('roundMoney: decimals');
    expect(() => roundMoney(money(1, 'USD'), 2, { mode: 'ceiling' as 'up' })).toThrow(
      "roundMoney: options.mode: expected 'half-even', 'half-up', 'up' or 'down', got \"ceiling\"",
    );
  });
});

describe('prices', () => {
  test('USGS US$/kg and a Chinese CNY/t quote compare after explicit conversion', () => {
    const quote = price('432000', 'CNY', 't');
    const cnyToUsd: ExchangeRate<'CNY', 'USD'> = {
      from: 'CNY',
      to: 'USD',
      rate: '0.125',
      date: '2025-06-30',
    };
    expect(convertPrice(quote, { rate: cnyToUsd, per: 'kg' })).toEqual({
      amount: '54',
      currency: 'USD',
      per: 'kg',
    });
    expect(convertPrice(price('55', 'USD', 'kg', { basis: 'REO' }), { per: 't' })).toEqual({
      amount: '55000',
      currency: 'USD',
      per: 't',
      basis: 'REO',
    });
    expect(convertPrice(price('55', 'USD', 'kg'), {})).toEqual({
      amount: '55',
      currency: 'USD',
      per: 'kg',
    });
    const wrong = convertPrice as (p: Price, o: { rate: ExchangeRate }) => Price;
    expect(() => wrong(quote, { rate: usdToCny })).toThrow(
      'convertPrice: options.rate.from: expected "CNY", the price\'s currency, got "USD"',
    );
    expect(() => convertPrice(quote, { per: 'lb' as 't' })).toThrow(
      "convertPrice: options.per: expected 't' or 'kg', got \"lb\"",
    );
    expect(() => convertPrice({ amount: '1' } as unknown as Price, {})).toThrow(
      'convertPrice: p: expected a price (see price())',
    );
  });

  test('valueAt multiplies mass by price after unit conversion', () => {
    expect(valueAt(mass(1142, 't', 'REO'), price(55, 'USD', 'kg', { basis: 'REO' }))).toEqual({
      amount: '62810000',
      currency: 'USD',
    });
    expect(valueAt(mass(500, 'kg', 'metal'), price(1000, 'USD', 't'))).toEqual({
      amount: '500',
      currency: 'USD',
    });
    expect(() => valueAt(mass(1, 't', 'metal'), price(55, 'USD', 'kg', { basis: 'REO' }))).toThrow(
      'valueAt: m.basis: expected "REO", the price\'s basis, got "metal"',
    );
  });

  test('bad prices are refused', () => {
    expect(() => price(1, 'USD', 'g' as 't')).toThrow(
      "price: per: expected 't' or 'kg', got \"g\"",
    );
    expect(() => price(1, 'USD', 'kg', { basis: 'ore' as 'REO' })).toThrow(
      "price: options.basis: expected 'REO', 'metal' or 'product', got \"ore\"",
    );
    expect(() => price(Number.POSITIVE_INFINITY, 'USD', 'kg')).toThrow(
      'price: amount: expected a finite number, got Infinity',
    );
  });
});
