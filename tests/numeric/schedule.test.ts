import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Schedule, scheduleValue } from '../../src/index.js';

describe('scheduleValue', () => {
  test('a constant holds every year', () => {
    expect(scheduleValue(0.25, 1990)).toBe(0.25);
    expect(scheduleValue(0.25, 2050)).toBe(0.25);
  });

  test('a ramp holds its ends and is linear between', () => {
    const ramp: Schedule = {
      kind: 'ramp',
      from: { year: 2027, value: 0.1 },
      to: { year: 2035, value: 0.5 },
    };
    expect(scheduleValue(ramp, 2027)).toBe(0.1);
    expect(scheduleValue(ramp, 2028)).toBeCloseTo(0.15, 15);
    expect(scheduleValue(ramp, 2035)).toBe(0.5);
    expect(scheduleValue(ramp, 2100)).toBe(0.5);
    const step: Schedule = {
      kind: 'ramp',
      from: { year: 2030, value: 0 },
      to: { year: 2030, value: 1 },
    };
    expect(scheduleValue(step, 2029)).toBe(0);
    expect(scheduleValue(step, 2030)).toBe(0);
    expect(scheduleValue(step, 2031)).toBe(1);
  });

  test('a table steps by default and interpolates on request, in any key order', () => {
    const values = { '2030': 4, '2024': 1, '2040': 10 };
    expect(scheduleValue({ kind: 'table', values }, 2000)).toBe(1);
    expect(scheduleValue({ kind: 'table', values }, 2024)).toBe(1);
    expect(scheduleValue({ kind: 'table', values }, 2029)).toBe(1);
    expect(scheduleValue({ kind: 'table', values }, 2030)).toBe(4);
    expect(scheduleValue({ kind: 'table', values }, 2035)).toBe(4);
    expect(scheduleValue({ kind: 'table', values }, 2099)).toBe(10);
    const linear = { kind: 'table', values, between: 'linear' } as const;
    expect(scheduleValue(linear, 2035)).toBe(7);
    expect(scheduleValue(linear, 2030)).toBe(4);
    expect(scheduleValue(linear, 2045)).toBe(10);
  });

  test('a ramp stays between its end values (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1850, max: 2200 }),
        (start, length, a, b, year) => {
          const v = scheduleValue(
            {
              kind: 'ramp',
              from: { year: start, value: a },
              to: { year: start + length, value: b },
            },
            year,
          );
          return v >= Math.min(a, b) - 1e-9 && v <= Math.max(a, b) + 1e-9;
        },
      ),
    );
  });

  test('bad schedules are refused with their path', () => {
    expect(() => scheduleValue(Number.NaN, 2020)).toThrow(
      'scheduleValue: schedule: expected a finite number, got NaN',
    );
    expect(() => scheduleValue(0.1, 2020.5)).toThrow('scheduleValue: year: expected an integer');
    expect(() => scheduleValue({ kind: 'table', values: {} }, 2020)).toThrow(
      'scheduleValue: schedule.values: expected at least one year, got an object',
    );
    expect(() => scheduleValue({ kind: 'table', values: { soon: 1 } }, 2020)).toThrow(
      'scheduleValue: schedule.values.soon: expected an integer year as key, got "soon"',
    );
    expect(() => scheduleValue({ kind: 'table', values: { '2020': Infinity } }, 2020)).toThrow(
      'scheduleValue: schedule.values["2020"]: expected a finite number, got Infinity',
    );
    expect(() =>
      scheduleValue(
        { kind: 'ramp', from: { year: 2030, value: 0 }, to: { year: 2020, value: 1 } },
        2025,
      ),
    ).toThrow('scheduleValue: schedule.to.year: expected a year at or after 2030, got 2020');
    expect(() =>
      scheduleValue(
        { kind: 'ramp', from: { year: 2030.5, value: 0 }, to: { year: 2040, value: 1 } },
        2025,
      ),
    ).toThrow('scheduleValue: schedule.from.year');
    expect(() => scheduleValue({ kind: 'curve' } as unknown as Schedule, 2025)).toThrow(
      "scheduleValue: schedule.kind: expected 'table' or 'ramp', got \"curve\"",
    );
    expect(() => scheduleValue(null as unknown as Schedule, 2025)).toThrow(
      'scheduleValue: schedule: expected a number, a table or a ramp, got null',
    );
  });
});
