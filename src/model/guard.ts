/**
 * A first pass over untrusted input, before the schema sees it: keys that could reach a prototype
 * (`__proto__`, `constructor`, `prototype`), nesting deeper than any dataset needs, and objects
 * that contain themselves. Iterative, so hostile nesting cannot overflow the stack.
 *
 * @internal
 * @packageDocumentation
 */
import type { ErrorIssue } from '../errors/index.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than the deepest path of a valid dataset or scenario (about 8), with room to spare. @internal */
export const MAX_DEPTH = 32;

/**
 * How many values may be reached a second time through shared objects. Parsed JSON shares
 * nothing, so this only bounds JavaScript inputs whose objects are reused: a few shared records
 * are fine, but 30 levels of `{ a: x, b: x }` reach 2^30 values and would keep the schema busy
 * for hours.
 *
 * @internal
 */
export const MAX_SHARED_VALUES = 1_000_000;

/**
 * Problems of shape that no schema should be asked to handle; at most `limit` are reported.
 *
 * @internal
 */
export function guardInput(input: unknown, limit = 20): ErrorIssue[] {
  // Only objects are put on the stack, and an entry knows its key and parent rather than its
  // whole path: a path is spelled out only for an issue, so a 10 MB array costs one pass.
  interface Entry {
    readonly value: object;
    readonly key: string | number | undefined;
    readonly parent: Entry | undefined;
    readonly depth: number;
    /** Reached through an object that was already walked (shared, not a cycle). */
    readonly shared: boolean;
  }
  const pathOf = (entry: Entry, last?: string | number): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at: Entry | undefined = entry; at?.key !== undefined; at = at.parent)
      path.push(at.key);
    return path.reverse();
  };
  if (typeof input !== 'object' || input === null) return [];
  const issues: ErrorIssue[] = [];
  const stack: Entry[] = [
    { value: input, key: undefined, parent: undefined, depth: 0, shared: false },
  ];
  const seen = new Set<object>();
  let sharedValues = 0;
  while (stack.length > 0 && issues.length < limit) {
    const entry = stack.pop() as Entry;
    const { value } = entry;
    // Only an ancestor makes a cycle: the same object shared by two records is fine.
    let ancestor = entry.parent;
    while (ancestor !== undefined && ancestor.value !== value) ancestor = ancestor.parent;
    if (ancestor !== undefined) {
      issues.push({
        path: pathOf(entry),
        message: 'expected plain data, got an object that contains itself (a cycle)',
      });
      continue;
    }
    if (entry.depth >= MAX_DEPTH) {
      issues.push({
        path: pathOf(entry),
        message: `expected at most ${MAX_DEPTH} levels of nesting, got deeper`,
      });
      continue;
    }
    const shared = entry.shared || seen.has(value);
    if (shared) sharedValues += 1;
    else seen.add(value);
    const visit = (key: string | number, child: unknown): boolean => {
      if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, key, parent: entry, depth: entry.depth + 1, shared });
      } else if (shared) {
        sharedValues += 1;
      }
      return sharedValues > MAX_SHARED_VALUES;
    };
    if (sharedValues > MAX_SHARED_VALUES) return [tooShared(pathOf(entry)), ...issues];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        if (visit(i, value[i])) return [tooShared(pathOf(entry, i)), ...issues];
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN.has(key)) {
        issues.push({
          path: pathOf(entry, key),
          message: `expected no "${key}" key (it could reach an object prototype)`,
        });
        continue;
      }
      if (visit(key, (value as Record<string, unknown>)[key]))
        return [tooShared(pathOf(entry, key)), ...issues];
    }
  }
  return issues;
}

function tooShared(path: (string | number)[]): ErrorIssue {
  return {
    path,
    message: `expected plain data, got objects shared so often that they reach more than ${MAX_SHARED_VALUES.toLocaleString('en')} values`,
  };
}
