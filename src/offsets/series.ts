import type { ElementSymbol } from '../elements/index.js';
import { ELEMENT_ROWS } from '../elements/internal.js';
import { invalidArgument } from '../errors/index.js';
import { type Schedule, scheduleValueAt } from '../numeric/internal.js';

/**
 * A yearly series: `values[k]` belongs to calendar year `start + k`. This is how every yearly input
 * of the offsets is given (sales, stock, demand), and it reads naturally as JSON:
 * `{ "start": 2015, "values": [120, 160, 230] }`. The unit is that of the quantity (tonnes per year
 * for flows, tonnes for stocks). Results carry their years explicitly instead (`years: number[]`,
 * with every series aligned to it), which is what a chart wants.
 *
 * @category Offsets
 */
export interface YearSeries {
  /** The calendar year of `values[0]` (an integer). */
  readonly start: number;
  /** One finite value per year, from `start` on, without gaps. */
  readonly values: readonly number[];
}

/**
 * A value per rare-earth element, e.g. `{ Nd: 0.23, Pr: 0.07, Dy: 0.02 }`. Elements left out are
 * simply not modelled.
 *
 * @category Offsets
 */
export type ByElement<T> = { readonly [E in ElementSymbol]?: T };

/** A validated {@link YearSeries}. @internal */
export interface ReadSeries {
  readonly start: number;
  readonly values: Float64Array;
}

/**
 * Validate a {@link YearSeries} of non-negative values.
 *
 * @internal
 */
export function readYearSeries(
  fn: string,
  path: readonly (string | number)[],
  series: unknown,
): ReadSeries {
  if (typeof series !== 'object' || series === null) {
    return invalidArgument(fn, path, 'a year series { start, values }', series);
  }
  const { start, values } = series as { start?: unknown; values?: unknown };
  if (!Number.isInteger(start)) {
    invalidArgument(fn, [...path, 'start'], 'an integer year', start);
  }
  if (!Array.isArray(values) || values.length === 0) {
    return invalidArgument(fn, [...path, 'values'], 'a non-empty array of numbers', values);
  }
  const out = new Float64Array(values.length);
  values.forEach((v: unknown, k) => {
    if (!Number.isFinite(v) || (v as number) < 0) {
      invalidArgument(fn, [...path, 'values', k], 'a finite non-negative number', v);
    }
    out[k] = v as number;
  });
  return { start: start as number, values: out };
}

/**
 * The elements of a by-element record, validated and in order of atomic number.
 *
 * @internal
 */
export function elementKeys(
  fn: string,
  path: readonly (string | number)[],
  record: unknown,
): ElementSymbol[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return invalidArgument(fn, path, 'an object keyed by element symbol, e.g. { Nd: … }', record);
  }
  const keys = Object.keys(record).filter(
    (key) => (record as Record<string, unknown>)[key] !== undefined,
  );
  for (const key of keys) {
    if (!ELEMENT_ROWS.some((row) => row.symbol === key)) {
      invalidArgument(fn, [...path, key], 'a rare-earth element symbol such as Nd or Dy', key);
    }
  }
  if (keys.length === 0) {
    invalidArgument(fn, path, 'at least one element', record);
  }
  return ELEMENT_ROWS.map((row) => row.symbol as ElementSymbol).filter((symbol) =>
    keys.includes(symbol),
  );
}

/**
 * The value of a schedule in each of `count` years from `start`, each checked to be a fraction.
 *
 * @internal
 */
export function fractionsByYear(
  fn: string,
  path: readonly (string | number)[],
  schedule: Schedule,
  start: number,
  count: number,
): Float64Array {
  const out = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const value = scheduleValueAt(fn, path, schedule, start + k);
    if (!(value >= 0 && value <= 1)) {
      invalidArgument(
        fn,
        path,
        `a fraction between 0 and 1 in every year (${start + k} included)`,
        value,
      );
    }
    out[k] = value;
  }
  return out;
}

/** The calendar years `start … start + count − 1`. @internal */
export function yearsFrom(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}
