// A dataset at one draw: the same dataset with some numbers replaced, sharing every record that
// did not change, so a draw costs a copy of the touched records only. The input is never mutated.
import type { Dataset, Scenario } from '../model/index.js';

type Plain = Readonly<Record<string, unknown>>;

function setAt(value: unknown, path: readonly (string | number)[], number: number): unknown {
  if (path.length === 0) return number;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setAt(value[head as number], rest, number);
    return copy;
  }
  const record = value as Plain;
  return { ...record, [head]: setAt(record[head], rest, number) };
}

/**
 * The dataset with the number at each path replaced: a copy on write, the input untouched.
 *
 * @internal
 */
export function datasetWith(
  dataset: Dataset,
  changes: readonly { readonly path: readonly (string | number)[]; readonly value: number }[],
): Dataset {
  // Group by collection so that each touched collection is copied once, not once per change.
  const byCollection = new Map<
    string,
    { index: number; rest: (string | number)[]; value: number }[]
  >();
  for (const { path, value } of changes) {
    const [collection, index, ...rest] = path as [string, number, ...(string | number)[]];
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), { index, rest, value }]);
  }
  const next: Record<string, unknown> = { ...dataset };
  for (const [collection, list] of byCollection) {
    const records = (dataset as unknown as Plain)[collection] as readonly unknown[];
    const copy = records.slice();
    for (const { index, rest, value } of list) copy[index] = setAt(copy[index], rest, value);
    next[collection] = copy;
  }
  return next as unknown as Dataset;
}

/**
 * The records of the dataset at each draw, one at a time: for the paths a draw sets (the same in
 * every draw), a function from the draw's numbers (one per path, in order) to `record(collection,
 * index)`, the record `datasetWith` would hold there, made only when asked for (a draw that reads
 * a few records need not copy the collections).
 *
 * @internal
 */
export function recordsAt(
  dataset: Dataset,
  paths: readonly (readonly (string | number)[])[],
): (values: ArrayLike<number>) => (collection: string, index: number) => unknown {
  const byRecord = new Map<string, Map<number, { rest: (string | number)[]; at: number }[]>>();
  paths.forEach((path, at) => {
    const [collection, index, ...rest] = path as [string, number, ...(string | number)[]];
    const records = byRecord.get(collection) ?? new Map();
    byRecord.set(collection, records);
    records.set(index, [...(records.get(index) ?? []), { rest, at }]);
  });
  return (values) => {
    const made = new Map<string, Map<number, unknown>>();
    return (collection, index) => {
      const records = (dataset as unknown as Plain)[collection] as readonly unknown[] | undefined;
      const list = byRecord.get(collection)?.get(index);
      if (list === undefined) return records?.[index];
      const own = made.get(collection) ?? new Map<number, unknown>();
      made.set(collection, own);
      if (!own.has(index)) {
        let record = records?.[index];
        for (const { rest, at } of list) record = setAt(record, rest, values[at] as number);
        own.set(index, record);
      }
      return own.get(index);
    };
  };
}

/**
 * The scenario with the number at each path replaced (paths as `scenarioFigures` gives them,
 * starting with `'scenario'`): a copy on write, the input untouched.
 *
 * @internal
 */
export function scenarioWith(
  scenario: Scenario,
  changes: readonly { readonly path: readonly (string | number)[]; readonly value: number }[],
): Scenario {
  let next: unknown = scenario;
  for (const { path, value } of changes) next = setAt(next, path.slice(1), value);
  return next as Scenario;
}

/**
 * A draw's changes split into the dataset's and the scenario's (paths starting with `'scenario'`).
 *
 * @internal
 */
export function splitChanges<C extends { readonly path: readonly (string | number)[] }>(
  changes: readonly C[],
): { readonly data: readonly C[]; readonly own: readonly C[] } {
  const own = changes.filter((c) => c.path[0] === 'scenario');
  return {
    data: own.length === 0 ? changes : changes.filter((c) => c.path[0] !== 'scenario'),
    own,
  };
}
