// Snapshots of money and prices: JSON.stringify gives decimal strings, and reading the snapshot
// back gives an equal value (fast-check), with every malformed field refused by name.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { money, moneyFromJSON, price, priceFromJSON } from '../../src/index.js';
import { refusalMessage } from '../support/refusal.js';

// Decimal strings of up to 30 digits with up to 12 decimals, as prices and costs are written.
const decimal = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([digits, scale]) => {
    const negative = digits < 0n;
    const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
    const whole = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
    return negative ? `-${whole}` : whole;
  });
const currency = fc.constantFrom('USD', 'CNY', 'EUR', 'JPY', 'AUD');

describe('money and price snapshots', () => {
  test('a money snapshot reads back to equal money, exactly (property)', () => {
    fc.assert(
      fc.property(decimal, currency, (amount, code) => {
        const original = money(amount, code);
        const text = JSON.stringify(original);
        expect(text).not.toMatch(/e[+-]?\d/i);
        const copy = moneyFromJSON(JSON.parse(text));
        expect(copy).toEqual(original);
        expect(Object.isFrozen(copy)).toBe(true);
      }),
    );
  });

  test('a price snapshot reads back to an equal price (property)', () => {
    fc.assert(
      fc.property(
        decimal,
        currency,
        fc.constantFrom('t', 'kg'),
        fc.option(fc.constantFrom('REO', 'metal', 'product'), { nil: undefined }),
        (amount, code, per, basis) => {
          const original = price(amount, code, per, basis === undefined ? {} : { basis });
          expect(priceFromJSON(JSON.parse(JSON.stringify(original)))).toEqual(original);
        },
      ),
    );
  });

  test('no float artefacts and no exponent: 0.1 + 0.2 stays 0.3 through a snapshot', () => {
    expect(moneyFromJSON({ amount: '0.0000001', currency: 'USD' }).amount).toBe('0.0000001');
    // An exponent in a snapshot is refused: snapshots are plain decimals, as the library writes them.
    expect(refusalMessage(() => moneyFromJSON({ amount: '1e-7', currency: 'USD' }))).toContain(
      '(no exponent)',
    );
    expect(moneyFromJSON({ amount: 0.3, currency: 'EUR' })).toEqual({
      amount: '0.3',
      currency: 'EUR',
    });
  });

  test('malformed snapshots are refused by field', () => {
    expect(refusalMessage(() => moneyFromJSON(null))).toBe(
      'moneyFromJSON: (input): expected a money object with amount and currency, got null',
    );
    expect(refusalMessage(() => moneyFromJSON({ amount: '1', currency: 'usd' }))).toBe(
      'moneyFromJSON: currency: expected an ISO 4217 currency code such as USD, CNY or EUR, got "usd"',
    );
    expect(refusalMessage(() => moneyFromJSON({ amount: true, currency: 'USD' }))).toBe(
      'moneyFromJSON: amount: expected a decimal string or a finite number, got true',
    );
    expect(refusalMessage(() => moneyFromJSON({ amount: '1', currency: 'USD', cents: 5 }))).toBe(
      'moneyFromJSON: cents: expected no other field than amount, currency, got 5',
    );
    expect(refusalMessage(() => priceFromJSON([]))).toBe(
      'priceFromJSON: (input): expected a price object with amount, currency and per, got an array of length 0',
    );
    expect(refusalMessage(() => priceFromJSON({ amount: '1', currency: 'USD', per: 'lb' }))).toBe(
      `priceFromJSON: per: expected 't' or 'kg', got "lb"`,
    );
    expect(
      refusalMessage(() =>
        priceFromJSON({ amount: '1', currency: 'USD', per: 't', basis: 'TREO' }),
      ),
    ).toBe(`priceFromJSON: basis: expected 'REO', 'metal' or 'product', got "TREO"`);
    expect(
      refusalMessage(() => priceFromJSON({ amount: 'NaN', currency: 'USD', per: 't' })),
    ).toContain('priceFromJSON: amount:');
  });
});
