import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type ElementSymbol,
  type Mass,
  mass,
  massEquals,
  massToNumber,
  splitByElement,
  sumMasses,
  toMetal,
  toOxide,
} from '../../src/index.js';
import factors from '../fixtures/oxide-factors.json' with { type: 'json' };

describe('toMetal and toOxide', () => {
  test('agree with exact rational arithmetic (tests/elements/oxide_factors.py)', () => {
    for (const row of factors) {
      const symbol = row.symbol as ElementSymbol;
      const usual = factors.find((r) => r.symbol === symbol)?.oxide === row.oxide;
      const reo = mass(
        '1000',
        't',
        'REO',
        usual ? { element: symbol } : { element: symbol, oxide: row.oxide },
      );
      expect(massToNumber(toMetal(reo))).toBeCloseTo(1000 * row.oxideToMetal, 10);
      const metal = mass('1000', 't', 'metal', { element: symbol });
      const oxide = toOxide(metal, usual ? {} : { oxide: row.oxide });
      expect(massToNumber(oxide)).toBeCloseTo(1000 * row.metalToOxide, 10);
      expect(oxide.oxide).toBe(usual ? undefined : row.oxide);
    }
  });

  test('a mixed total with a split: Σ TREO·sᵢ·fᵢ (Python fractions: 83.2837718710683)', () => {
    const metal = toMetal(mass('100', 't', 'REO'), {
      split: { Ce: '0.5', La: '0.3', Nd: '0.15', Pr: '0.05' },
    });
    expect(metal.element).toBeUndefined();
    expect(massToNumber(metal)).toBeCloseTo(83.2837718710683, 12);
    const back = toOxide(mass('100', 't', 'metal'), { split: { Nd: '0.75', Pr: '0.25' } });
    const factor = (symbol: string) =>
      factors.find((r) => r.symbol === symbol)?.metalToOxide ?? Number.NaN;
    expect(massToNumber(back)).toBeCloseTo(75 * factor('Nd') + 25 * factor('Pr'), 12);
  });

  test('round trip metal -> oxide -> metal is exact to 36 significant digits (property)', () => {
    const symbols = factors.map((r) => r.symbol as ElementSymbol);
    fc.assert(
      fc.property(
        fc.constantFrom(...symbols),
        fc.stringMatching(/^\d{1,9}(\.\d{1,6})?$/),
        (symbol, amount) => {
          const metal = mass(amount, 'kg', 'metal', { element: symbol });
          const again = toMetal(toOxide(metal));
          const diff = Math.abs(Number(again.amount) - Number(metal.amount));
          return again.element === symbol && diff <= 1e-30 * Math.max(1, Number(metal.amount));
        },
      ),
    );
  });

  test('a mixed total without a split is refused, not guessed', () => {
    expect(() => toMetal(mass('100', 't', 'REO'))).toThrow(
      'toMetal: options.split: expected an element split for a mixed REO total (the oxide-to-metal factor differs by element), got none',
    );
    expect(() => toOxide(mass('100', 't', 'metal'))).toThrow(
      'toOxide: options.split: expected an element split for a mixed metal total',
    );
  });

  test('bad splits and bases are refused', () => {
    const treo = mass('100', 't', 'REO');
    expect(() => toMetal(treo, { split: { Nd: '0.5' } })).toThrow(
      'toMetal: options.split: expected fractions summing to 1, got a sum of 0.5',
    );
    expect(() => toMetal(treo, { split: { Nd: '0.5', Fe: '0.5' } as never })).toThrow(
      'toMetal: options.split.Fe: expected a rare-earth element symbol as key, got "Fe"',
    );
    expect(() => toMetal(treo, { split: { Nd: '1.5', Pr: '-0.5' } })).toThrow(
      'toMetal: options.split.Nd: expected a fraction between 0 and 1, got "1.5"',
    );
    expect(() => toMetal(treo, { split: [] as never })).toThrow(
      'toMetal: options.split: expected an object of element fractions',
    );
    expect(() => toMetal(treo, { split: { Nd: Number.NaN } })).toThrow(
      'toMetal: options.split.Nd: expected a finite number, got NaN',
    );
    expect(toMetal(treo, { split: { Ce: 0.1 + 0.2, Nd: 0.7 } }).basis).toBe('metal');
    expect(() => toMetal(mass(1, 't', 'metal') as unknown as Mass<'t', 'REO'>)).toThrow(
      'toMetal: m.basis: expected \'REO\', got "metal"',
    );
    expect(() => toOxide(mass(1, 't', 'REO') as unknown as Mass<'t', 'metal'>)).toThrow(
      'toOxide: m.basis: expected \'metal\', got "REO"',
    );
    expect(() => toOxide(mass(1, 't', 'metal', { element: 'Nd' }), { oxide: 'NdO' })).toThrow(
      'toOxide: options.oxide: expected an oxide of Nd (Nd2O3), got "NdO"',
    );
  });
});

describe('splitByElement', () => {
  test('the parts sum back to the total, exactly', () => {
    const total = mass('13343', 't', 'REO');
    const parts = splitByElement(total, { Ce: '0.5', La: '0.25', Nd: '0.2', Pr: '0.05' });
    expect(parts.Nd).toEqual({ amount: '2668.6', unit: 't', basis: 'REO', element: 'Nd' });
    expect(massEquals(sumMasses(Object.values(parts) as Mass<'t', 'REO'>[]), total)).toBe(true);
  });

  test('refuses single-element and product masses', () => {
    expect(() => splitByElement(mass(1, 't', 'REO', { element: 'Nd' }), { Nd: 1 })).toThrow(
      'splitByElement: m.element: expected a mixed total (no element), got "Nd"',
    );
    expect(() =>
      splitByElement(mass(1, 't', 'product', { product: 'x' }) as unknown as Mass<'t', 'REO'>, {
        Nd: 1,
      }),
    ).toThrow("splitByElement: m.basis: expected 'REO' or 'metal', got \"product\"");
    expect(() => splitByElement(mass(1, 't', 'REO'), { Nd: '0.9' })).toThrow(
      'splitByElement: split: expected fractions summing to 1, got a sum of 0.9',
    );
  });
});
