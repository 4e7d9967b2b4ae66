import { invalidArgument } from '../errors/index.js';
import { hhiScaleFactor, squaredShareSum } from './hhi.js';
import { largeScale, readOptions, scaleInPlace, segmentStats } from './input.js';
import type { HhiOptions } from './types.js';

/**
 * A long table of supply, one row per flow, held in columns: the group each row belongs to (say
 * one number per commodity × year × importer) and its quantity, and optionally its supplier.
 * Plain arrays and typed arrays are both accepted.
 *
 * @category Concentration
 */
export interface GroupedSupply {
  /** The group of each row: an integer from 0 to 16,777,215 (2²⁴ − 1). */
  readonly group: ArrayLike<number>;
  /** The quantity of each row: finite and non-negative, in one unit throughout (t, US$ …). */
  readonly value: ArrayLike<number>;
  /**
   * The supplier of each row, an integer from 0 to 16,777,215. Rows of one group with the same
   * supplier are added together before the shares are taken. Without this column every row is a
   * supplier of its own.
   */
  readonly supplier?: ArrayLike<number>;
}

/**
 * Options for {@link hhiByGroup}.
 *
 * @category Concentration
 */
export interface HhiByGroupOptions extends Pick<HhiOptions, 'scale'> {
  /**
   * How many groups the result has (groups 0 … groups − 1); default one more than the largest
   * group number. Set it when the last groups may have no rows.
   */
  readonly groups?: number;
}

/**
 * The HHI of every group of a long table, with each group's total and number of suppliers.
 *
 * @category Concentration
 */
export interface GroupedHhi {
  /**
   * HHI of each group, indexed by group number, on the requested scale; `NaN` for a group with
   * no rows or only zeros (its HHI is undefined).
   */
  readonly hhi: Float64Array;
  /**
   * Compensated total of each group's values, in the unit of `value` (`Infinity` only when a
   * group's values add up beyond the float64 range; its HHI is still computed, at a scale).
   */
  readonly total: Float64Array;
  /** Suppliers with a positive quantity in each group. */
  readonly suppliers: Int32Array;
}

/** Group and supplier numbers must stay below this: the result and scratch arrays are this long. */
const MAX_CODE = 2 ** 24;

function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

function readColumn(
  fn: string,
  table: Readonly<Record<string, unknown>>,
  name: string,
  length: number | undefined,
): ArrayLike<number> {
  const column = table[name];
  if (!isColumn(column)) {
    return invalidArgument(fn, ['table', name], 'an array or typed array', column);
  }
  if (length !== undefined && column.length !== length) {
    invalidArgument(
      fn,
      ['table', name],
      `${length} rows, like table.value`,
      `${column.length} rows`,
    );
  }
  return column as ArrayLike<number>;
}

function readCode(fn: string, column: string, row: number, code: unknown): number {
  if (!(Number.isInteger(code) && (code as number) >= 0 && (code as number) < MAX_CODE)) {
    invalidArgument(fn, ['table', column, row], 'an integer from 0 to 16,777,215', code);
  }
  return code as number;
}

/**
 * The Herfindahl–Hirschman index of every group of a long table at once: Σ sᵢ² over the
 * suppliers of each group, where sᵢ is a supplier's share of its group's total. This is the
 * shape of a trade table (UN Comtrade, BACI): millions of flows, and one HHI wanted per
 * commodity × year × importer. Each group's HHI is exactly what {@link hhi} returns for the
 * group's values in row order (same compensated sums, same clamping to [1/N, 1], same exact 1/N
 * for equal suppliers), computed in a counting sort and one pass, without building an array per
 * group.
 *
 * Definition: Herfindahl (1950), Hirschman (1945); US DOJ/FTC Merger Guidelines 2023 §2.1.
 *
 * @category Concentration
 * @param table - the columns `group`, `value` and optionally `supplier`, one entry per row
 * @param options - `scale` (`'fraction'` default, or `'points'`) and `groups`
 * @returns per group (indexed by group number): the HHI (`NaN` for a group without positive
 *   supply), the total in the unit of `value`, and the number of positive suppliers
 * @throws {@link RareEarthsError} (`invalid-argument`) for columns that are not arrays or differ
 *   in length, a value that is negative or not finite, a group or supplier number that is not an
 *   integer from 0 to 2²⁴ − 1, a `groups` option below the largest group number + 1, or an
 *   unknown scale
 * @example
 * ```ts
 * import { hhiByGroup } from 'rare-earths';
 *
 * // Two importers (groups 0 and 1); group 1 buys from supplier 7 in two rows.
 * const result = hhiByGroup({
 *   group: [0, 0, 0, 0, 1, 1, 1],
 *   value: [30, 30, 20, 20, 60, 20, 20],
 *   supplier: [1, 2, 3, 4, 7, 7, 9],
 * });
 * result.hhi[0]; // => 0.26
 * result.hhi[1]; // ≈ 0.68
 * result.suppliers[1]; // => 2
 * result.total[1]; // => 100
 * ```
 */
export function hhiByGroup(table: GroupedSupply, options: HhiByGroupOptions = {}): GroupedHhi {
  const fn = 'hhiByGroup';
  if (typeof table !== 'object' || table === null || isColumn(table)) {
    return invalidArgument(fn, ['table'], 'columns { group, value, supplier? }', table);
  }
  const scale = hhiScaleFactor(fn, options);
  const groupsOption = readOptions(fn, options).groups;
  const columns = table as unknown as Readonly<Record<string, unknown>>;
  const value = readColumn(fn, columns, 'value', undefined);
  const n = value.length;
  const group = readColumn(fn, columns, 'group', n);
  const supplier =
    columns.supplier === undefined ? undefined : readColumn(fn, columns, 'supplier', n);

  // Validate every row before allocating by group count, so a bad row is named, not a RangeError.
  let largestGroup = -1;
  let largestSupplier = -1;
  for (let row = 0; row < n; row++) {
    const v = value[row];
    if (!(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      invalidArgument(fn, ['table', 'value', row], 'a finite non-negative number', v);
    }
    const g = readCode(fn, 'group', row, group[row]);
    if (g > largestGroup) largestGroup = g;
    if (supplier !== undefined) {
      const s = readCode(fn, 'supplier', row, supplier[row]);
      if (s > largestSupplier) largestSupplier = s;
    }
  }
  let count = largestGroup + 1;
  if (groupsOption !== undefined) {
    if (
      !(
        typeof groupsOption === 'number' &&
        Number.isInteger(groupsOption) &&
        groupsOption >= count &&
        groupsOption <= MAX_CODE
      )
    ) {
      invalidArgument(
        fn,
        ['options', 'groups'],
        `an integer from ${count} (the largest group number + 1) to 16,777,216`,
        groupsOption,
      );
    }
    count = groupsOption as number;
  }

  // Counting sort of the rows by group; stable, so each group keeps its rows in input order.
  const start = new Int32Array(count + 1);
  for (let row = 0; row < n; row++) {
    const g = group[row] as number;
    start[g + 1] = (start[g + 1] as number) + 1;
  }
  for (let g = 0; g < count; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const fill = start.slice(0, count);
  const sorted = new Float64Array(n);
  const sortedSupplier = supplier === undefined ? undefined : new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const g = group[row] as number;
    const at = fill[g] as number;
    sorted[at] = value[row] as number;
    if (sortedSupplier !== undefined)
      sortedSupplier[at] = (supplier as ArrayLike<number>)[row] as number;
    fill[g] = at + 1;
  }

  const hhi = new Float64Array(count);
  const total = new Float64Array(count);
  const suppliers = new Int32Array(count);
  // Where each supplier's running amount sits in the current group (−1: not yet seen).
  const slot =
    sortedSupplier === undefined ? undefined : new Int32Array(largestSupplier + 1).fill(-1);
  for (let g = 0; g < count; g++) {
    const from = start[g] as number;
    let to = start[g + 1] as number;
    if (slot !== undefined && sortedSupplier !== undefined) {
      // Add up each supplier's rows in place, in order of first appearance (as a record would).
      let end = from;
      for (let i = from; i < to; i++) {
        const s = sortedSupplier[i] as number;
        const at = slot[s] as number;
        if (at < 0) {
          slot[s] = end;
          sorted[end] = sorted[i] as number;
          end += 1;
        } else {
          sorted[at] = (sorted[at] as number) + (sorted[i] as number);
        }
      }
      for (let i = from; i < to; i++) slot[sortedSupplier[i] as number] = -1;
      to = end;
    }
    const result = groupHhi(sorted, from, to);
    hhi[g] = result.hhi * scale;
    total[g] = result.total;
    suppliers[g] = result.active;
  }
  return { hhi, total, suppliers };
}

/** HHI, total and active count of `values[from, to)`, as {@link hhi} computes them. */
function groupHhi(
  values: Float64Array,
  from: number,
  to: number,
): { hhi: number; total: number; active: number } {
  const { total, active, equal, max } = segmentStats(values, from, to);
  if (active === 0) return { hhi: Number.NaN, total, active };
  // As readSupply: a group near the float64 limit is scaled (exactly) before its shares are taken.
  const factor = largeScale(max);
  let shareTotal = total;
  if (factor !== 1) {
    scaleInPlace(values, from, to, factor);
    shareTotal = segmentStats(values, from, to).total;
  }
  const hhi = equal
    ? 1 / active
    : Math.min(1, Math.max(1 / active, squaredShareSum(values, from, to, shareTotal)));
  return { hhi, total: factor === 1 ? total : shareTotal / factor, active };
}
