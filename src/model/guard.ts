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
 * Problems of shape that no schema should be asked to handle; at most `limit` are reported.
 *
 * @internal
 */
export function guardInput(input: unknown, limit = 20): ErrorIssue[] {
  interface Entry {
    readonly value: unknown;
    readonly path: (string | number)[];
    readonly parent: Entry | undefined;
  }
  const issues: ErrorIssue[] = [];
  const stack: Entry[] = [{ value: input, path: [], parent: undefined }];
  while (stack.length > 0 && issues.length < limit) {
    const entry = stack.pop() as Entry;
    const { value, path } = entry;
    if (typeof value !== 'object' || value === null) continue;
    // Only an ancestor makes a cycle: the same object shared by two records is fine.
    let ancestor = entry.parent;
    while (ancestor !== undefined && ancestor.value !== value) ancestor = ancestor.parent;
    if (ancestor !== undefined) {
      issues.push({
        path,
        message: 'expected plain data, got an object that contains itself (a cycle)',
      });
      continue;
    }
    if (path.length >= MAX_DEPTH) {
      issues.push({ path, message: `expected at most ${MAX_DEPTH} levels of nesting, got deeper` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i], parent: entry });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN.has(key)) {
        issues.push({
          path: [...path, key],
          message: `expected no "${key}" key (it could reach an object prototype)`,
        });
        continue;
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: [...path, key],
        parent: entry,
      });
    }
  }
  return issues;
}
