// A test that logs is either debugging left behind or a library that prints: both fail.
import { afterEach, beforeEach } from 'vitest';

const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Method = (typeof methods)[number];
let originals: Partial<Record<Method, (...args: unknown[]) => void>> = {};
let called: Method[] = [];

beforeEach(() => {
  called = [];
  originals = {};
  for (const method of methods) {
    const original = console[method];
    originals[method] = original;
    console[method] = (...args: unknown[]) => {
      called.push(method);
      original(...args);
    };
  }
});

afterEach(() => {
  for (const method of methods) {
    const original = originals[method];
    if (original !== undefined) console[method] = original;
  }
  if (called.length > 0)
    throw new Error(`test wrote to console.${[...new Set(called)].join(', console.')}`);
});
