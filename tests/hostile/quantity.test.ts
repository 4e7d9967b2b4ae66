// Hostile inputs to the quantity functions: snapshots from untrusted JSON, values of every wrong
// type in every argument, and amounts at the edges of what a decimal string or a float can hold.
// Each gives a RareEarthsError naming the function and the argument, or a correct result.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addMass,
  addMoney,
  compareMass,
  convertMass,
  convertMoney,
  convertPrice,
  type Mass,
  mass,
  massEquals,
  massFromJSON,
  massToNumber,
  money,
  price,
  roundMoney,
  scaleMass,
  splitByElement,
  subtractMass,
  subtractMoney,
  sumMasses,
  toMetal,
  toOxide,
  valueAt,
} from '../../src/index.js';
import { anything, refusal, wrongValues } from './corpus.js';

const t = mass('1', 't', 'REO');
const nd = mass('1', 't', 'REO', { element: 'Nd' });
const ndMetal = mass('1', 't', 'metal', { element: 'Nd' });
const usd = money('1', 'USD');
const perKg = price('1', 'USD', 'kg');
const rate = { from: 'USD', to: 'CNY', rate: '7.2', date: '2025-06-30' } as const;

type Call = (bad: never) => unknown;

// Every function that takes a mass, money or a price, with the path its errors name and the
// message for a value that is not one.
const massArguments: [string, string, Call][] = [
  ['addMass', 'a', (bad) => addMass(bad, t)],
  ['addMass', 'b', (bad) => addMass(t, bad)],
  ['subtractMass', 'a', (bad) => subtractMass(bad, t)],
  ['subtractMass', 'b', (bad) => subtractMass(t, bad)],
  ['scaleMass', 'm', (bad) => scaleMass(bad, 2)],
  ['sumMasses', 'masses[0]', (bad) => sumMasses([bad])],
  ['sumMasses', 'masses[1]', (bad) => sumMasses([t, bad])],
  ['convertMass', 'm', (bad) => convertMass(bad, 'kg')],
  ['compareMass', 'a', (bad) => compareMass(bad, t)],
  ['compareMass', 'b', (bad) => compareMass(t, bad)],
  ['massEquals', 'a', (bad) => massEquals(bad, t)],
  ['massEquals', 'b', (bad) => massEquals(t, bad)],
  ['massToNumber', 'm', (bad) => massToNumber(bad)],
  ['toMetal', 'm', (bad) => toMetal(bad)],
  ['toOxide', 'm', (bad) => toOxide(bad)],
  ['splitByElement', 'm', (bad) => splitByElement(bad, { Nd: 1 })],
  ['valueAt', 'm', (bad) => valueAt(bad, perKg)],
];
const moneyArguments: [string, string, Call][] = [
  ['addMoney', 'a', (bad) => addMoney(bad, usd)],
  ['addMoney', 'b', (bad) => addMoney(usd, bad)],
  ['subtractMoney', 'a', (bad) => subtractMoney(bad, usd)],
  ['subtractMoney', 'b', (bad) => subtractMoney(usd, bad)],
  ['convertMoney', 'm', (bad) => convertMoney(bad, rate)],
  ['roundMoney', 'm', (bad) => roundMoney(bad, 2)],
];
const priceArguments: [string, string, Call][] = [
  ['convertPrice', 'p', (bad) => convertPrice(bad, {})],
  ['valueAt', 'p', (bad) => valueAt(t, bad)],
];

function messageOf(fn: () => unknown): string {
  return refusal(fn).message;
}

describe('arguments of the wrong type', () => {
  test('every mass, money and price argument refuses every wrong value by name', () => {
    const kinds: [[string, string, Call][], string][] = [
      [massArguments, 'a mass (see mass())'],
      [moneyArguments, 'money (see money())'],
      [priceArguments, 'a price (see price())'],
    ];
    for (const [calls, expected] of kinds) {
      for (const [fn, path, call] of calls) {
        for (const bad of wrongValues) {
          const error = refusal(() => call(bad as never));
          expect(error.fn).toBe(fn);
          expect(error.message.startsWith(`${fn}: ${path}`)).toBe(true);
        }
        expect(messageOf(() => call(null as never))).toBe(
          `${fn}: ${path}: expected ${expected}, got null`,
        );
      }
    }
  });

  test('a mass-shaped object with a bad amount names the amount', () => {
    const hostile = { amount: '1e3', unit: 't', basis: 'REO' } as unknown as never;
    for (const [fn, path, call] of massArguments) {
      expect(messageOf(() => call(hostile))).toBe(
        `${fn}: ${path}.amount: expected a plain decimal string such as '12.5' (no exponent), got "1e3"`,
      );
    }
    for (const [fn, path, call] of moneyArguments) {
      expect(messageOf(() => call({ amount: '1', currency: 'usd' } as never))).toBe(
        `${fn}: ${path}.currency: expected an ISO 4217 currency code such as USD, CNY or EUR, got "usd"`,
      );
      expect(messageOf(() => call({ amount: 'NaN', currency: 'USD' } as never))).toBe(
        `${fn}: ${path}.amount: expected a plain decimal string such as '12.5' (no exponent), got "NaN"`,
      );
    }
    for (const [fn, path, call] of priceArguments) {
      expect(messageOf(() => call({ amount: '1', currency: 'USD', per: 'lb' } as never))).toBe(
        `${fn}: ${path}: expected a price (see price()), got an object`,
      );
      expect(messageOf(() => call({ amount: '1', currency: 'XXXX', per: 'kg' } as never))).toBe(
        `${fn}: ${path}.currency: expected an ISO 4217 currency code such as USD, CNY or EUR, got "XXXX"`,
      );
      expect(messageOf(() => call({ amount: '.5', currency: 'USD', per: 't' } as never))).toBe(
        `${fn}: ${path}.amount: expected a plain decimal string such as '12.5' (no exponent), got ".5"`,
      );
    }
  });

  test('constructors and options refuse wrong values by name', () => {
    for (const bad of wrongValues) {
      if (typeof bad !== 'number' && typeof bad !== 'string') {
        expect(refusal(() => mass(bad as never, 't', 'REO')).message).toMatch(/^mass: amount: /);
        expect(refusal(() => money(bad as never, 'USD')).message).toMatch(/^money: amount: /);
        expect(refusal(() => price(bad as never, 'USD', 'kg')).message).toMatch(/^price: amount: /);
        expect(refusal(() => scaleMass(t, bad as never)).message).toMatch(/^scaleMass: factor: /);
      }
      if (bad !== 't' && bad !== 'kg') {
        expect(refusal(() => mass(1, bad as never, 'REO')).message).toMatch(/^mass: unit: /);
        expect(refusal(() => convertMass(t, bad as never)).message).toMatch(/^convertMass: unit: /);
        expect(refusal(() => price(1, 'USD', bad as never)).message).toMatch(/^price: per: /);
      }
      expect(refusal(() => mass(1, 't', bad as never)).message).toMatch(/^mass: basis: /);
      expect(refusal(() => money(1, bad as never)).message).toMatch(/^money: currency: /);
      expect(refusal(() => price(1, bad as never, 'kg')).message).toMatch(/^price: currency: /);
      if (bad !== 0)
        expect(refusal(() => roundMoney(usd, bad as never)).message).toMatch(
          /^roundMoney: decimals: /,
        );
      if (bad !== undefined) {
        expect(refusal(() => convertMoney(usd, bad as never)).message).toMatch(
          /^convertMoney: rate/,
        );
        expect(refusal(() => convertPrice(perKg, { rate: bad as never })).message).toMatch(
          /^convertPrice: options\.rate/,
        );
        expect(refusal(() => price(1, 'USD', 'kg', { basis: bad as never })).message).toMatch(
          /^price: options\.basis: /,
        );
        expect(refusal(() => mass(1, 't', 'REO', { element: bad as never })).message).toMatch(
          /^mass: options\.element: /,
        );
        expect(
          refusal(() => mass(1, 't', 'REO', { element: 'Nd', oxide: bad as never })).message,
        ).toMatch(/^mass: options\.oxide: /);
        expect(refusal(() => splitByElement(t, bad as never)).message).toMatch(
          /^splitByElement: split/,
        );
        expect(refusal(() => toMetal(t, { split: bad as never })).message).toMatch(
          /^toMetal: options\.split/,
        );
        expect(
          refusal(() => toOxide(mass(1, 't', 'metal'), { split: bad as never })).message,
        ).toMatch(/^toOxide: options\.split/);
      }
    }
  });

  test("names of Object.prototype's members are not units, bases, modes or elements", () => {
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      expect(messageOf(() => roundMoney(usd, 2, { mode: name as 'up' }))).toBe(
        `roundMoney: options.mode: expected 'half-even', 'half-up', 'up' or 'down', got "${name}"`,
      );
      expect(messageOf(() => mass(1, name as 't', 'REO'))).toMatch(/^mass: unit: /);
      expect(messageOf(() => mass(1, 't', name as 'REO'))).toMatch(/^mass: basis: /);
      expect(messageOf(() => mass(1, 't', 'REO', { element: name as 'Nd' }))).toMatch(
        /^mass: options\.element: /,
      );
      expect(messageOf(() => mass(1, 't', 'REO', { element: 'Nd', oxide: name }))).toMatch(
        /^mass: options\.oxide: /,
      );
      expect(messageOf(() => splitByElement(t, { [name]: 1 }))).toMatch(/^splitByElement: split/);
      expect(messageOf(() => price(1, 'USD', name as 'kg'))).toMatch(/^price: per: /);
    }
  });

  test('sumMasses takes a non-empty array', () => {
    for (const bad of [...wrongValues, []]) {
      if (Array.isArray(bad) && bad.length > 0) continue;
      expect(refusal(() => sumMasses(bad as never)).message).toMatch(
        /^sumMasses: masses: expected a non-empty array of masses, got /,
      );
    }
  });
});

describe('massFromJSON on untrusted snapshots', () => {
  test('every field of the wrong type is refused by name', () => {
    const good = { amount: '1', unit: 't', basis: 'REO' };
    for (const bad of wrongValues) {
      for (const field of ['amount', 'unit', 'basis'] as const) {
        if (field === 'amount' && (typeof bad === 'number' || typeof bad === 'string')) continue;
        const error = refusal(() => massFromJSON({ ...good, [field]: bad }));
        expect(error.message.startsWith(`massFromJSON: ${field}: expected `)).toBe(true);
      }
      if (bad === undefined) continue;
      expect(refusal(() => massFromJSON({ ...good, element: bad })).message).toMatch(
        /^massFromJSON: element: expected a rare-earth element symbol, got /,
      );
      expect(refusal(() => massFromJSON({ ...good, element: 'Nd', oxide: bad })).message).toMatch(
        /^massFromJSON: oxide: expected an oxide of Nd \(Nd2O3\), got /,
      );
      // Any non-blank string names a product.
      if (typeof bad === 'string' && bad.trim() !== '') continue;
      expect(
        refusal(() => massFromJSON({ ...good, basis: 'product', product: bad })).message,
      ).toMatch(/^massFromJSON: product: expected a product name for a 'product' mass, got /);
    }
  });

  test('exact messages for each field', () => {
    const good = { amount: '1', unit: 't', basis: 'REO' };
    expect(messageOf(() => massFromJSON({ ...good, amount: '9'.repeat(401) }))).toBe(
      'massFromJSON: amount: expected a decimal string of at most 400 characters, got "9999999999999999999999999999999999999..."',
    );
    expect(messageOf(() => massFromJSON({ ...good, amount: Number.NaN }))).toBe(
      'massFromJSON: amount: expected a finite number, got NaN',
    );
    expect(messageOf(() => massFromJSON({ ...good, unit: 'g' }))).toBe(
      "massFromJSON: unit: expected 't' or 'kg', got \"g\"",
    );
    expect(messageOf(() => massFromJSON({ ...good, basis: 'ore' }))).toBe(
      "massFromJSON: basis: expected 'REO', 'metal' or 'product', got \"ore\"",
    );
    expect(messageOf(() => massFromJSON({ ...good, element: 'Nd', oxide: 5 }))).toBe(
      'massFromJSON: oxide: expected an oxide of Nd (Nd2O3), got 5',
    );
    expect(messageOf(() => massFromJSON({ ...good, element: 'Ce', oxide: 'Ce3O4' }))).toBe(
      'massFromJSON: oxide: expected an oxide of Ce (CeO2 or Ce2O3), got "Ce3O4"',
    );
    for (const key of ['__proto__', 'constructor', 'prototype', 'amount2']) {
      const snapshot = JSON.parse(`{"amount":"1","unit":"t","basis":"REO","${key}":{"x":1}}`);
      expect(messageOf(() => massFromJSON(snapshot))).toBe(
        `massFromJSON: ${key}: expected no other field than amount, unit, basis, element, oxide, product, got an object`,
      );
    }
    expect(messageOf(() => massFromJSON(new Map()))).toBe(
      'massFromJSON: amount: expected a decimal string or a finite number, got undefined',
    );
  });

  test('anything at all gives a mass or a RareEarthsError (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anything,
          fc.record(
            { amount: anything, unit: anything, basis: anything, element: anything },
            { requiredKeys: [] },
          ),
        ),
        (value) => {
          let result: Mass | undefined;
          try {
            result = massFromJSON(value);
          } catch (error) {
            expect((error as Error).name).toBe('RareEarthsError');
            return;
          }
          // What it accepts reads back to itself.
          expect(massFromJSON(JSON.parse(JSON.stringify(result)))).toEqual(result);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('amounts at the edges', () => {
  test('400-digit strings and numbers near the float64 limits stay exact', () => {
    const big = '9'.repeat(400);
    // A decimal string is kept as given; arithmetic rounds to 40 significant digits.
    expect(massFromJSON({ amount: big, unit: 't', basis: 'REO' }).amount).toBe(big);
    expect(scaleMass(massFromJSON({ amount: big, unit: 't', basis: 'REO' }), 1).amount).toBe(
      `1${'0'.repeat(400)}`,
    );
    expect(mass(1e308, 't', 'REO').amount).toBe(`1${'0'.repeat(308)}`);
    expect(mass(5e-324, 't', 'REO').amount).toBe(`0.${'0'.repeat(323)}5`);
    expect(convertMass(mass(1e308, 't', 'REO'), 'kg').amount).toBe(`1${'0'.repeat(311)}`);
    expect(massToNumber(convertMass(mass(1e308, 't', 'REO'), 'kg'))).toBe(Number.POSITIVE_INFINITY);
    expect(scaleMass(mass(1e308, 't', 'REO'), 1e308).amount).toBe(`1${'0'.repeat(616)}`);
    expect(massEquals(addMass(nd, nd), scaleMass(nd, 2))).toBe(true);
  });

  test('exponent strings, blanks and half-written decimals are refused', () => {
    for (const amount of [
      '1e3',
      '1E3',
      ' 1',
      '1 ',
      '.5',
      '1.',
      '+',
      '-',
      '',
      '0x10',
      '1_000',
      '١',
    ]) {
      expect(messageOf(() => mass(amount, 't', 'REO'))).toMatch(/^mass: amount: expected a /);
    }
  });

  test('oxides: the usual one is the default, others must be the element’s', () => {
    expect(mass(1, 't', 'REO', { element: 'Nd', oxide: 'Nd2O3' })).toEqual(nd);
    expect(
      massEquals(
        mass(1, 't', 'REO', { element: 'Ce', oxide: 'CeO2' }),
        mass(1, 't', 'REO', { element: 'Ce' }),
      ),
    ).toBe(true);
    expect(addMass(mass(1, 't', 'REO', { element: 'Nd', oxide: 'Nd2O3' }), nd).amount).toBe('2');
    expect(mass(1, 't', 'REO', { element: 'Ce', oxide: 'Ce2O3' }).oxide).toBe('Ce2O3');
    expect(messageOf(() => mass(1, 't', 'REO', { element: 'Nd', oxide: 'NdO2' }))).toBe(
      'mass: options.oxide: expected an oxide of Nd (Nd2O3), got "NdO2"',
    );
    expect(toMetal(mass(1, 't', 'REO', { element: 'Nd', oxide: 'Nd2O3' }))).toEqual(toMetal(nd));
    expect(ndMetal.basis).toBe('metal');
  });
});
