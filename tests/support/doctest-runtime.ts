// Assertions behind the `// =>` and `// ≈` markers of executed examples (see scripts/examples.mjs).
import { isDeepStrictEqual } from 'node:util';

const hits = new Map<string, Set<number>>();

function record(id: string, index: number): void {
  const seen = hits.get(id) ?? new Set<number>();
  seen.add(index);
  hits.set(id, seen);
}

function numbersClose(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(actual), Math.abs(expected));
}

function equalish(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number')
    return numbersClose(actual, expected);
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return (
      actual.length === expected.length && actual.every((item, i) => equalish(item, expected[i]))
    );
  }
  if (
    typeof actual === 'object' &&
    actual !== null &&
    typeof expected === 'object' &&
    expected !== null &&
    !Array.isArray(actual) &&
    !Array.isArray(expected)
  ) {
    const a = Object.keys(actual).filter(
      (key) => (actual as Record<string, unknown>)[key] !== undefined,
    );
    const e = Object.keys(expected).filter(
      (key) => (expected as Record<string, unknown>)[key] !== undefined,
    );
    if (a.length !== e.length || !e.every((key) => a.includes(key))) return false;
    return e.every((key) =>
      equalish(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
      ),
    );
  }
  return isDeepStrictEqual(actual, expected);
}

function decimalsOf(text: string): number {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(text.trim().replaceAll('_', ''));
  return match?.[1]?.length ?? 0;
}

function approxish(actual: unknown, expected: unknown, digitsFrom: string | undefined): boolean {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    const decimals = decimalsOf(digitsFrom ?? String(expected));
    return Math.abs(actual - expected) <= 0.5 * 10 ** -decimals * (1 + 1e-9);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => approxish(actual[i], item, undefined))
    );
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    const keys = Object.keys(expected);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) =>
        approxish(
          (actual as Record<string, unknown>)[key],
          (expected as Record<string, unknown>)[key],
          undefined,
        ),
      )
    );
  }
  return equalish(actual, expected);
}

function show(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
}

export const __doctest = {
  equal(id: string, index: number, actual: unknown, expected: unknown): void {
    record(id, index);
    if (!equalish(actual, expected)) {
      throw new Error(`${id}, check ${index}: expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  approx(id: string, index: number, actual: unknown, expected: unknown, text: string): void {
    record(id, index);
    const single = /^-?[\d_]+(\.\d+)?$/.test(text.trim()) ? text : undefined;
    if (!approxish(actual, expected, single)) {
      throw new Error(`${id}, check ${index}: expected ≈ ${text}, got ${show(actual)}`);
    }
  },
  hitCount(id: string): number {
    return hits.get(id)?.size ?? 0;
  },
};
