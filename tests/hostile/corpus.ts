// The hostile-input corpus: malformed and adversarial values built at test time (nothing large is
// committed), and the assertion every entry point must pass on them: a RareEarthsError (or a
// correct result), quickly, and never a TypeError, RangeError or a hang.
import fc from 'fast-check';
import { expect } from 'vitest';
import { isRareEarthsError, type RareEarthsError } from '../../src/index.js';

/** `[1, <hole>, 2]`: a sparse array. */
function sparse(): unknown[] {
  const out: unknown[] = [];
  out[0] = 1;
  out[2] = 2;
  return out;
}

/** Values of every wrong type, including ones JSON cannot carry. */
export const wrongValues: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  'x',
  '9'.repeat(400),
  '9'.repeat(401),
  '1e308',
  'NaN',
  'a'.repeat(100_000),
  true,
  false,
  [],
  [null],
  sparse(),
  {},
  Object.create(null),
  Symbol('hostile'),
  10n,
  () => 1,
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Float64Array(3),
  new Number(1),
  new String('CHN'),
  /x/,
];

/** An object nested `levels` deep, built iteratively: `{ a: { a: … } }`. */
export function deepObject(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** An array nested `levels` deep: `[[[…]]]`. */
export function deepArray(levels: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** `levels` levels of `{ a: x, b: x }`: a few objects that reach 2^levels values. */
export function sharedBomb(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value, b: value };
  return value;
}

/** Objects that contain themselves, directly, through an array, and through a sibling. */
export function cycles(): unknown[] {
  const self: Record<string, unknown> = { name: 'self' };
  self.self = self;
  const viaArray: unknown[] = [1];
  viaArray.push(viaArray);
  const a: Record<string, unknown> = { id: 'a' };
  const b: Record<string, unknown> = { id: 'b', a };
  a.b = b;
  return [self, viaArray, a];
}

/**
 * JSON text whose object has a forbidden key (`__proto__`, `constructor`, `prototype`) `depth`
 * levels down. JSON.parse keeps `__proto__` as an own key, as a file would deliver it.
 */
export function forbiddenKeyAt(key: string, depth: number): unknown {
  let text = `{"${key}": {"polluted": true}}`;
  for (let i = 0; i < depth; i++) text = `{"x": ${text}}`;
  return JSON.parse(text);
}

/** Anything at all, including prototype keys, sparse arrays, typed arrays and boxed values. */
export const anything = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
  maxDepth: 4,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Every path to a value inside a plain JSON-like value, objects and arrays included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push(...pathsOf(item, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) out.push(...pathsOf(item, [...prefix, key]));
  }
  return out;
}

/** A deep copy of plain JSON data with the value at `path` replaced (the root when empty). */
export function replaceAt(root: unknown, path: readonly (string | number)[], value: unknown) {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

/**
 * Run `fn` and return the RareEarthsError it throws; fail on a result, on any other error, or
 * when it takes longer than `ms` (a generous bound: only a hang should break it).
 */
export function refusal(fn: () => unknown, ms = 5_000): RareEarthsError {
  const start = performance.now();
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(performance.now() - start).toBeLessThan(ms);
  if (!isRareEarthsError(caught)) {
    throw new Error(
      caught === undefined
        ? 'expected a RareEarthsError, got a result'
        : `expected a RareEarthsError, got ${String(caught)}`,
    );
  }
  expect(caught.issues.length).toBeGreaterThan(0);
  return caught;
}

/** Run `fn`: a result or a RareEarthsError are both fine; anything else fails the test. */
export function resultOrRefusal(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (!isRareEarthsError(error)) throw error;
  }
}
