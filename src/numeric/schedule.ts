import { invalidArgument } from '../errors/index.js';
import { checkFinite, checkInteger } from './numeric.js';

/**
 * A parameter that may change over the years: a constant, a table by year, or a linear ramp.
 * Policies are expressed this way ("collection rises from 10% in 2027 to 50% in 2035").
 *
 * - a `number`: the same value every year;
 * - `{ kind: 'table', values, between? }`: values keyed by year (`{ '2024': 0.1, '2030': 0.3 }`).
 *   Before the first year the first value holds, after the last year the last value holds; in
 *   between, `'step'` (default) holds the latest value at or before the year and `'linear'`
 *   interpolates;
 * - `{ kind: 'ramp', from, to }`: `from.value` until `from.year`, `to.value` from `to.year`,
 *   linear in between.
 *
 * The unit is that of the parameter it describes.
 *
 * @category Numeric
 */
export type Schedule =
  | number
  | {
      /** A table of values by year. */
      readonly kind: 'table';
      /** Values keyed by calendar year (integer keys, as strings in JSON). */
      readonly values: Readonly<Record<string, number>>;
      /** How to fill years between two table entries; default `'step'`. */
      readonly between?: 'step' | 'linear';
    }
  | {
      /** A linear ramp between two years. */
      readonly kind: 'ramp';
      /** Start of the ramp: the value holds until this year. */
      readonly from: {
        /** The year the ramp starts (an integer). */
        readonly year: number;
        /** The value until then. */
        readonly value: number;
      };
      /** End of the ramp: the value holds from this year on. */
      readonly to: {
        /** The year the ramp ends (an integer). */
        readonly year: number;
        /** The value from then on. */
        readonly value: number;
      };
    };

/**
 * The value of a {@link Schedule} in a given year.
 *
 * @category Numeric
 * @param schedule - a constant, a table by year or a ramp
 * @param year - a calendar year (integer)
 * @returns the value in that year, in the schedule's unit
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-integer year, an empty table, a
 *   table key that is not an integer year, a non-finite value, or a ramp that ends before it starts
 * @example
 * ```ts
 * import { scheduleValue } from 'rare-earths';
 *
 * const collection = { kind: 'ramp', from: { year: 2027, value: 0.1 }, to: { year: 2035, value: 0.5 } } as const;
 * scheduleValue(collection, 2020); // => 0.1
 * scheduleValue(collection, 2031); // ≈ 0.3
 * scheduleValue(collection, 2040); // => 0.5
 * scheduleValue({ kind: 'table', values: { '2024': 1, '2030': 4 } }, 2027); // => 1
 * scheduleValue({ kind: 'table', values: { '2024': 1, '2030': 4 }, between: 'linear' }, 2027); // => 2.5
 * ```
 */
export function scheduleValue(schedule: Schedule, year: number): number {
  return scheduleValueAt('scheduleValue', ['schedule'], schedule, year);
}

/**
 * {@link scheduleValue} with the caller's function name and path in errors.
 *
 * @internal
 */
export function scheduleValueAt(
  fn: string,
  path: readonly (string | number)[],
  schedule: Schedule,
  year: number,
): number {
  checkInteger(fn, ['year'], year, Number.MIN_SAFE_INTEGER);
  if (typeof schedule === 'number') return checkFinite(fn, path, schedule);
  if (typeof schedule !== 'object' || schedule === null) {
    return invalidArgument(fn, path, 'a number, a table or a ramp', schedule);
  }
  if (schedule.kind === 'ramp') {
    const start = checkInteger(
      fn,
      [...path, 'from', 'year'],
      schedule.from?.year,
      Number.MIN_SAFE_INTEGER,
    );
    const end = checkInteger(
      fn,
      [...path, 'to', 'year'],
      schedule.to?.year,
      Number.MIN_SAFE_INTEGER,
    );
    const first = checkFinite(fn, [...path, 'from', 'value'], schedule.from.value);
    const last = checkFinite(fn, [...path, 'to', 'value'], schedule.to.value);
    if (end < start)
      invalidArgument(fn, [...path, 'to', 'year'], `a year at or after ${start}`, end);
    if (year <= start) return first;
    if (year >= end) return last;
    return first + ((last - first) * (year - start)) / (end - start);
  }
  if (schedule.kind === 'table') {
    const entries = Object.entries(schedule.values ?? {}).map(([key, value]) => {
      if (!/^-?\d+$/.test(key))
        invalidArgument(fn, [...path, 'values', key], 'an integer year as key', key);
      return [Number(key), checkFinite(fn, [...path, 'values', key], value)] as const;
    });
    if (entries.length === 0)
      return invalidArgument(fn, [...path, 'values'], 'at least one year', schedule.values);
    entries.sort((a, b) => a[0] - b[0]);
    const [firstYear, firstValue] = entries[0] as readonly [number, number];
    if (year <= firstYear) return firstValue;
    for (let i = entries.length - 1; i >= 0; i--) {
      const [at, value] = entries[i] as readonly [number, number];
      if (at > year) continue;
      const next = entries[i + 1];
      if (next === undefined || schedule.between !== 'linear' || at === year) return value;
      return value + ((next[1] - value) * (year - at)) / (next[0] - at);
    }
  }
  return invalidArgument(
    fn,
    [...path, 'kind'],
    "'table' or 'ramp'",
    (schedule as { kind?: unknown }).kind,
  );
}
