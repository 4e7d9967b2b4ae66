import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  approxEqual,
  compensatedSum,
  isNumeric,
  RareEarthsError,
  toNumber,
} from '../../src/index.js';
import { Dec, decString, toDec } from '../../src/numeric/decimal.js';
import {
  checkFraction,
  checkInteger,
  checkNonNegative,
  checkNumeric,
} from '../../src/numeric/numeric.js';
import { neumaierSum } from '../../src/numeric/sum.js';

describe('Numeric inputs', () => {
  test('accepts finite numbers and plain decimal strings', () => {
    for (const value of [
      0,
      -0,
      1,
      -2.5,
      1e300,
      5e-324,
      '0',
      '-2.5',
      '+3',
      '45000',
      '0.000001',
      '007',
    ]) {
      expect(isNumeric(value)).toBe(true);
    }
  });

  test('refuses NaN, infinities and malformed strings', () => {
    // Regex edge cases that a mutation would otherwise let through (notes/toolchain.md §12).
    for (const value of [
      Number.NaN,
      Infinity,
      -Infinity,
      '',
      ' 1',
      '1 ',
      '1.',
      '.5',
      '1e3',
      '1E-7',
      'NaN',
      'Infinity',
      '0x10',
      '1_000',
      '1,5',
      '--1',
      null,
      undefined,
      true,
      {},
      [],
      10n,
    ]) {
      expect(isNumeric(value)).toBe(false);
    }
    expect(isNumeric('1'.repeat(400))).toBe(true);
    expect(isNumeric('1'.repeat(401))).toBe(false);
  });

  test('toNumber converts with a clear error', () => {
    expect(toNumber('0.1')).toBe(0.1);
    expect(toNumber(7)).toBe(7);
    expect(() => toNumber(Number.NaN)).toThrow(
      'toNumber: value: expected a finite number, got NaN',
    );
    expect(() => toNumber(-Infinity)).toThrow(
      'toNumber: value: expected a finite number, got -Infinity',
    );
    expect(() => toNumber('1e3')).toThrow(
      'toNumber: value: expected a plain decimal string such as \'12.5\' (no exponent), got "1e3"',
    );
    expect(() => toNumber('9'.repeat(450))).toThrow(
      'expected a decimal string of at most 400 characters',
    );
    expect(() => toNumber({} as unknown as number)).toThrow(
      'toNumber: value: expected a finite number or a decimal string, got an object',
    );
  });

  test('internal checks name the function and path', () => {
    expect(checkNumeric('f', ['a', 0], '2.5')).toBe(2.5);
    expect(() => checkNumeric('f', ['a', 0], Infinity)).toThrow(
      'f: a[0]: expected a finite number, got Infinity',
    );
    expect(() => checkNumeric('f', [], null)).toThrow(
      'f: (input): expected a finite number or a decimal string, got null',
    );
    expect(checkNonNegative('f', ['x'], 0)).toBe(0);
    expect(() => checkNonNegative('f', ['x'], -1e-300)).toThrow(
      'f: x: expected a finite non-negative number, got -1e-300',
    );
    expect(() => checkNonNegative('f', ['x'], '1')).toThrow(RareEarthsError);
    expect(checkFraction('f', ['r'], 1)).toBe(1);
    expect(checkFraction('f', ['r'], 0)).toBe(0);
    expect(() => checkFraction('f', ['r'], 1.7)).toThrow(
      'f: r: expected a fraction between 0 and 1, got 1.7',
    );
    expect(() => checkFraction('f', ['r'], Number.NaN)).toThrow('got NaN');
    expect(checkInteger('f', ['k'], 1, 1)).toBe(1);
    expect(() => checkInteger('f', ['k'], 0, 1)).toThrow(
      'f: k: expected an integer of at least 1, got 0',
    );
    expect(() => checkInteger('f', ['k'], 1.5, 1)).toThrow('got 1.5');
  });
});

describe('private decimal clone', () => {
  test('has at least 34 significant digits and never prints exponents', () => {
    // decimal.js defaults (precision 20, toExpNeg -7) would give 1e-7 and round the sum below.
    expect(Dec.precision).toBeGreaterThanOrEqual(34);
    expect(decString(new Dec('0.0000001'))).toBe('0.0000001');
    expect(decString(new Dec('1e21'))).toBe('1000000000000000000000');
    expect(decString(new Dec('12345678901234567890.5').plus(1))).toBe('12345678901234567891.5');
    expect(decString(new Dec('-0'))).toBe('0');
    expect(decString(new Dec('0.1').plus('0.2'))).toBe('0.3');
    expect(Dec.rounding).toBe(6); // ROUND_HALF_EVEN
  });

  test('toDec reads numbers at their shortest representation and checks strings', () => {
    expect(decString(toDec('f', ['x'], 0.1))).toBe('0.1');
    expect(decString(toDec('f', ['x'], '270000.50'))).toBe('270000.5');
    expect(() => toDec('f', ['x'], Number.NaN)).toThrow('f: x: expected a finite number, got NaN');
    expect(() => toDec('f', ['x'], '1e5')).toThrow('no exponent');
    expect(() => toDec('f', ['x'], true)).toThrow(
      'expected a finite number or a decimal string, got true',
    );
  });
});

describe('compensatedSum', () => {
  test('recovers what a naive loop loses', () => {
    expect(compensatedSum([1, 1e100, 1, -1e100])).toBe(2);
    expect(compensatedSum(new Array(10).fill(0.1))).toBe(1);
    expect(compensatedSum([])).toBe(0);
    expect(compensatedSum(new Set([3, 4]))).toBe(7);
  });

  test('matches math.fsum (Python) on ill-conditioned input', () => {
    // Expected values from Python 3.11: math.fsum([1e16, 1.0, -1e16]) == 1.0 and
    // math.fsum([0.1]*10 + [-1.0]) == 5.551115123125783e-17, the exact excess of ten binary 0.1s
    // over 1 (a naive sum gives -1.1102230246251565e-16).
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
    expect(compensatedSum([...new Array(10).fill(0.1), -1])).toBe(5.551115123125783e-17);
  });

  test('equals the exact decimal sum to float precision (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 50 }),
        (values) => {
          const exact = values
            .reduce((sum, value) => sum.plus(String(value)), new Dec(0))
            .toNumber();
          const got = compensatedSum(values);
          return (
            Math.abs(got - exact) <= 1e-9 * Math.max(1, Math.abs(exact)) &&
            neumaierSum(values) === got
          );
        },
      ),
    );
  });

  test('refuses non-finite values with their index', () => {
    expect(() => compensatedSum([1, Number.NaN])).toThrow(
      'compensatedSum: values[1]: expected a finite number, got NaN',
    );
    expect(() => compensatedSum([Infinity])).toThrow('values[0]');
  });
});

describe('approxEqual', () => {
  test('is symmetric, unlike numpy.isclose', () => {
    // numpy.isclose(1, 1.1, rtol=0.0909, atol=0) is True but isclose(1.1, 1, ...) is False.
    expect(approxEqual(1, 1.1, { rel: 0.0909 })).toBe(approxEqual(1.1, 1, { rel: 0.0909 }));
    expect(approxEqual(1, 1.1, { rel: 0.0909 })).toBe(false);
    expect(approxEqual(1, 1.1, { rel: 0.091 })).toBe(true);
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        fc.double({ noNaN: true }),
        (a, b) => approxEqual(a, b) === approxEqual(b, a),
      ),
    );
  });

  test('handles zero, infinities and NaN explicitly', () => {
    expect(approxEqual(0, 0)).toBe(true);
    expect(approxEqual(0, 1e-300)).toBe(false);
    expect(approxEqual(0, 1e-300, { abs: 1e-12 })).toBe(true);
    expect(approxEqual(Infinity, Infinity)).toBe(true);
    expect(approxEqual(Infinity, -Infinity)).toBe(false);
    expect(approxEqual(1e308, Infinity)).toBe(false);
    expect(approxEqual(Number.NaN, Number.NaN)).toBe(false);
    expect(approxEqual(Number.NaN, Number.NaN, { nanEqual: true })).toBe(true);
    expect(approxEqual(Number.NaN, 1, { nanEqual: true })).toBe(false);
    expect(approxEqual(100, 100.0000001)).toBe(true);
    expect(approxEqual(100, 100.001)).toBe(false);
  });

  test('refuses bad tolerances', () => {
    expect(() => approxEqual(1, 1, { abs: -1 })).toThrow(
      'approxEqual: options.abs: expected a finite non-negative number, got -1',
    );
    expect(() => approxEqual(1, 1, { rel: Number.NaN })).toThrow('approxEqual: options.rel');
  });
});
