import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addMass,
  compareMass,
  convertMass,
  type Mass,
  mass,
  massEquals,
  massFromJSON,
  massToNumber,
  type RareEarthsError,
  scaleMass,
  subtractMass,
  sumMasses,
} from '../../src/index.js';

describe('mass', () => {
  test('is exact: no float artefacts, no exponent, no silent rounding', () => {
    expect(addMass(mass('0.1', 't', 'REO'), mass('0.2', 't', 'REO')).amount).toBe('0.3');
    expect(mass('0.0000001', 't', 'REO').amount).toBe('0.0000001');
    expect(mass(1e21, 't', 'REO').amount).toBe('1000000000000000000000');
    expect(mass(1e-7, 'kg', 'metal').amount).toBe('0.0000001');
    expect(addMass(mass('12345678901234567890.5', 't', 'REO'), mass(1, 't', 'REO')).amount).toBe(
      '12345678901234567891.5',
    );
    expect(mass('-0', 't', 'REO').amount).toBe('0');
    expect(mass('007.500', 't', 'REO').amount).toBe('7.5');
  });

  test('is frozen plain data and its own JSON snapshot', () => {
    const m = mass('45000', 't', 'REO', { element: 'Nd' });
    expect(Object.isFrozen(m)).toBe(true);
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      amount: '45000',
      unit: 't',
      basis: 'REO',
      element: 'Nd',
    });
    expect(Object.keys(mass(1, 't', 'REO'))).toEqual(['amount', 'unit', 'basis']);
  });

  test('snapshot round trip gives an equal mass (property)', () => {
    const masses = fc.record({
      amount: fc.oneof(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.stringMatching(/^-?\d{1,15}(\.\d{1,20})?$/),
      ),
      unit: fc.constantFrom('t' as const, 'kg' as const),
      element: fc.option(fc.constantFrom('Nd' as const, 'Dy' as const, 'Ce' as const), {
        nil: undefined,
      }),
    });
    fc.assert(
      fc.property(masses, ({ amount, unit, element }) => {
        const m = mass(amount, unit, 'REO', element === undefined ? {} : { element });
        const copy = massFromJSON(JSON.parse(JSON.stringify(m)));
        return massEquals(copy, m) && JSON.stringify(copy) === JSON.stringify(m);
      }),
    );
  });

  test('sums and differences follow the decimal arithmetic (property)', () => {
    const amount = fc.stringMatching(/^-?\d{1,12}\.\d{1,8}$/);
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        const [x, y, z] = [a, b, c].map((v) => mass(v, 't', 'REO'));
        const left = addMass(
          addMass(x as Mass<'t', 'REO'>, y as Mass<'t', 'REO'>),
          z as Mass<'t', 'REO'>,
        );
        const right = addMass(
          x as Mass<'t', 'REO'>,
          addMass(y as Mass<'t', 'REO'>, z as Mass<'t', 'REO'>),
        );
        const back = subtractMass(left, z as Mass<'t', 'REO'>);
        return (
          massEquals(left, right) &&
          massEquals(back, addMass(x as Mass<'t', 'REO'>, y as Mass<'t', 'REO'>))
        );
      }),
    );
  });

  test('elements, oxides and products combine as documented', () => {
    const nd = mass(1, 't', 'metal', { element: 'Nd' });
    expect(addMass(nd, nd)).toEqual({ amount: '2', unit: 't', basis: 'metal', element: 'Nd' });
    expect(addMass(nd, mass(1, 't', 'metal')).element).toBeUndefined();
    const ce2o3 = mass(1, 't', 'REO', { element: 'Ce', oxide: 'Ce2O3' });
    expect(addMass(ce2o3, ce2o3).oxide).toBe('Ce2O3');
    expect(() => addMass(ce2o3, mass(1, 't', 'REO', { element: 'Ce' }))).toThrow(
      'addMass: b.oxide: expected "Ce2O3" like the first mass, got "usual oxide"',
    );
    const magnet = mass(2, 't', 'product', { product: 'NdFeB magnet' });
    expect(addMass(magnet, magnet).product).toBe('NdFeB magnet');
    expect(() => addMass(magnet, mass(2, 't', 'product', { product: 'SmCo magnet' }))).toThrow(
      'addMass: b.product: expected "NdFeB magnet" like the first mass, got "SmCo magnet"',
    );
  });

  test('mismatched units and bases are refused at run time too', () => {
    const reo = mass(1, 't', 'REO');
    const untyped = addMass as (a: Mass, b: Mass) => Mass;
    expect(() => untyped(reo, mass(1, 'kg', 'REO'))).toThrow(
      'addMass: b.unit: expected "t" like the first mass, got "kg"',
    );
    expect(() => untyped(reo, mass(1, 't', 'metal'))).toThrow(
      'addMass: b.basis: expected "REO" like the first mass, got "metal"',
    );
    try {
      untyped(reo, mass(1, 't', 'metal'));
    } catch (error) {
      expect((error as RareEarthsError).code).toBe('unit-mismatch');
    }
    const compare = compareMass as (a: Mass, b: Mass) => number;
    expect(() => compare(reo, mass(1, 'kg', 'REO'))).toThrow('compareMass: b.unit');
    expect(() => compare(reo, mass(1, 't', 'metal'))).toThrow('compareMass: b.basis');
    expect(() => (subtractMass as (a: Mass, b: Mass) => Mass)(reo, mass(1, 'kg', 'REO'))).toThrow(
      'subtractMass: b.unit',
    );
  });

  test('scale, sum, convert, compare, equal', () => {
    expect(scaleMass(mass('390000', 't', 'REO'), '0.692').amount).toBe('269880');
    expect(scaleMass(mass('3', 't', 'metal', { element: 'Tb' }), 2)).toEqual({
      amount: '6',
      unit: 't',
      basis: 'metal',
      element: 'Tb',
    });
    expect(sumMasses([mass('0.1', 'kg', 'REO')]).amount).toBe('0.1');
    expect(
      sumMasses([mass(1, 't', 'REO', { element: 'Nd' }), mass(2, 't', 'REO', { element: 'Nd' })])
        .element,
    ).toBe('Nd');
    expect(
      sumMasses([mass(1, 't', 'REO', { element: 'Nd' }), mass(2, 't', 'REO', { element: 'Pr' })])
        .element,
    ).toBeUndefined();
    expect(convertMass(mass('1.25', 't', 'REO'), 'kg').amount).toBe('1250');
    expect(convertMass(mass('1', 'kg', 'REO'), 't').amount).toBe('0.001');
    expect(convertMass(mass('7', 'kg', 'REO'), 'kg').amount).toBe('7');
    expect(compareMass(mass(1, 't', 'REO'), mass(2, 't', 'REO'))).toBe(-1);
    expect(massEquals(mass(1, 't', 'REO'), mass(1, 't', 'REO', { element: 'Nd' }))).toBe(false);
    expect(massEquals(mass(1, 't', 'REO'), mass(1, 't', 'metal'))).toBe(false);
    expect(
      massEquals(
        mass(1, 't', 'product', { product: 'a' }),
        mass(1, 't', 'product', { product: 'b' }),
      ),
    ).toBe(false);
    expect(massToNumber(mass('0.5', 't', 'REO'))).toBe(0.5);
  });

  test('does not mutate its inputs', () => {
    const list = [mass(1, 't', 'REO'), mass(2, 't', 'REO')];
    const before = JSON.stringify(list);
    sumMasses(list);
    expect(JSON.stringify(list)).toBe(before);
    const options = { element: 'Nd' as const };
    mass(1, 't', 'REO', options);
    expect(options).toEqual({ element: 'Nd' });
  });

  test('bad arguments get clear errors', () => {
    expect(() => mass(Number.NaN, 't', 'REO')).toThrow(
      'mass: amount: expected a finite number, got NaN',
    );
    expect(() => mass('1e3', 't', 'REO')).toThrow(
      'mass: amount: expected a plain decimal string such as \'12.5\' (no exponent), got "1e3"',
    );
    expect(() => mass(1, 'lb' as 't', 'REO')).toThrow(
      "mass: unit: expected 't' or 'kg', got \"lb\"",
    );
    expect(() => mass(1, 't', 'TREO' as 'REO')).toThrow(
      "mass: basis: expected 'REO', 'metal' or 'product', got \"TREO\"",
    );
    expect(() => mass(1, 't', 'product')).toThrow(
      "mass: options.product: expected a product name for a 'product' mass, got undefined",
    );
    expect(() => mass(1, 't', 'product', { product: '  ' })).toThrow('mass: options.product');
    expect(() => mass(1, 't', 'product', { product: 'x', element: 'Nd' })).toThrow(
      'mass: options.element: expected no element for a \'product\' mass, got "Nd"',
    );
    expect(() => mass(1, 't', 'REO', { product: 'x' })).toThrow(
      'mass: options.product: expected no product name for a \'REO\' mass, got "x"',
    );
    expect(() => mass(1, 't', 'REO', { element: 'Fe' as 'Nd' })).toThrow(
      'mass: options.element: expected a rare-earth element symbol, got "Fe"',
    );
    expect(() => mass(1, 't', 'REO', { oxide: 'Ce2O3' })).toThrow(
      'mass: options.oxide: expected an oxide only on a single-element REO mass',
    );
    expect(() => mass(1, 't', 'metal', { element: 'Ce', oxide: 'Ce2O3' })).toThrow(
      'mass: options.oxide',
    );
    expect(() => sumMasses([])).toThrow(
      'sumMasses: masses: expected a non-empty array of masses, got an array of length 0',
    );
    expect(() =>
      sumMasses([mass(1, 't', 'REO'), mass(1, 'kg', 'REO')] as Mass<'t', 'REO'>[]),
    ).toThrow('sumMasses: masses[1].unit: expected "t" like the first mass, got "kg"');
    expect(() => scaleMass(mass(1, 't', 'REO'), 'x')).toThrow('scaleMass: factor');
    expect(() => convertMass(mass(1, 't', 'REO'), 'g' as 't')).toThrow(
      "convertMass: unit: expected 't' or 'kg', got \"g\"",
    );
    expect(() => massToNumber({ amount: 1 } as unknown as Mass)).toThrow(
      'massToNumber: m: expected a mass (see mass()), got an object',
    );
    expect(() => massEquals(mass(1, 't', 'REO'), null as unknown as Mass)).toThrow('massEquals: b');
  });

  test('massFromJSON checks every field of a snapshot', () => {
    expect(() => massFromJSON(null)).toThrow(
      'massFromJSON: (input): expected a mass object with amount, unit and basis, got null',
    );
    expect(() => massFromJSON([])).toThrow('massFromJSON: (input)');
    expect(() => massFromJSON({ amount: '1', unit: 't', basis: 'REO', extra: 1 })).toThrow(
      'massFromJSON: extra: expected no other field than amount, unit, basis, element, oxide, product, got 1',
    );
    expect(() => massFromJSON({ amount: true, unit: 't', basis: 'REO' })).toThrow(
      'massFromJSON: amount: expected a decimal string or a finite number, got true',
    );
    expect(() => massFromJSON({ amount: '1', unit: 'g', basis: 'REO' })).toThrow(
      'massFromJSON: unit',
    );
    expect(() => massFromJSON({ amount: '1', unit: 't', basis: 'ore' })).toThrow(
      'massFromJSON: basis',
    );
    expect(() => massFromJSON({ amount: '1', unit: 't', basis: 'REO', element: 'Xx' })).toThrow(
      'massFromJSON: element',
    );
    expect(() =>
      massFromJSON(JSON.parse('{"amount":"1","unit":"t","basis":"REO","__proto__":{"x":1}}')),
    ).toThrow('massFromJSON: __proto__');
    expect(massFromJSON({ amount: 2, unit: 'kg', basis: 'product', product: 'alloy' })).toEqual({
      amount: '2',
      unit: 'kg',
      basis: 'product',
      product: 'alloy',
    });
  });
});
