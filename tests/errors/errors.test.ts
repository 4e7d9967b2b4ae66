import { describe, expect, test } from 'vitest';
import { describeValue, formatPath, invalidArgument } from '../../src/errors/index.js';
import { isRareEarthsError, RareEarthsError } from '../../src/index.js';

describe('RareEarthsError', () => {
  test('one issue: the function, the path and the problem on one line', () => {
    const error = new RareEarthsError('hhi', 'invalid-argument', [
      { path: ['values', 2], message: 'expected a finite non-negative number, got -1' },
    ]);
    expect(error.message).toBe('hhi: values[2]: expected a finite non-negative number, got -1');
    expect(error.name).toBe('RareEarthsError');
    expect(error.code).toBe('invalid-argument');
    expect(error.fn).toBe('hhi');
    expect(error).toBeInstanceOf(Error);
  });

  test('several issues: a count, then one line each', () => {
    const error = new RareEarthsError('parseDataset', 'invalid-input', [
      { path: ['deposits', 3, 'grade'], message: 'expected a fraction between 0 and 1, got 1.7' },
      { path: ['countries', 0, 'code'], message: 'expected an ISO 3166-1 alpha-3 code, got "CN"' },
    ]);
    expect(error.message).toBe(
      'parseDataset: 2 problems:\n  deposits[3].grade: expected a fraction between 0 and 1, got 1.7\n  countries[0].code: expected an ISO 3166-1 alpha-3 code, got "CN"',
    );
  });

  test('keeps its own copy of the issues', () => {
    const path: (string | number)[] = ['a'];
    const error = new RareEarthsError('f', 'not-found', [{ path, message: 'm' }]);
    path.push('b');
    expect(error.issues[0]?.path).toEqual(['a']);
  });

  test('is recognised across bundle copies by shape', () => {
    const foreign = Object.assign(new Error('x'), {
      name: 'RareEarthsError',
      fn: 'hhi',
      issues: [],
    });
    expect(isRareEarthsError(foreign)).toBe(true);
    expect(isRareEarthsError({ name: 'RareEarthsError', fn: 1, issues: [] })).toBe(false);
    expect(isRareEarthsError({ name: 'RareEarthsError', fn: 'f', issues: 'no' })).toBe(false);
    expect(isRareEarthsError({ name: 'Other', fn: 'f', issues: [] })).toBe(false);
    expect(isRareEarthsError(null)).toBe(false);
    expect(isRareEarthsError('RareEarthsError')).toBe(false);
  });
});

describe('message helpers', () => {
  test('formatPath renders accessors and quotes odd keys', () => {
    expect(formatPath([])).toBe('(input)');
    expect(formatPath(['deposits', 3, 'grade'])).toBe('deposits[3].grade');
    expect(formatPath([0, 'x'])).toBe('[0].x');
    expect(formatPath(['shares', 'a b', '__proto__'])).toBe('shares["a b"].__proto__');
    expect(formatPath(['$ok', '_x1'])).toBe('$ok._x1');
    expect(formatPath(['9lives'])).toBe('["9lives"]');
  });

  test('describeValue is brief for every kind of value', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-1.5)).toBe('-1.5');
    expect(describeValue(3n)).toBe('3n');
    expect(describeValue('CN')).toBe('"CN"');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(37)}..."`);
    expect(describeValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`);
    expect(describeValue(false)).toBe('false');
    expect(describeValue([1, 2])).toBe('an array of length 2');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    expect(describeValue({ a: 1 })).toBe('an object');
  });

  test('invalidArgument throws a single-issue error', () => {
    expect(() => invalidArgument('f', ['k'], 'an integer', 1.5)).toThrow(
      'f: k: expected an integer, got 1.5',
    );
    try {
      invalidArgument('f', ['k'], 'x', 1);
    } catch (error) {
      expect((error as RareEarthsError).code).toBe('invalid-argument');
    }
  });
});
