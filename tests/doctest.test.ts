// Executes every example of the library: JSDoc @example blocks in src/, and `ts` blocks in the
// README and docs/. Each `// =>` or `// ≈` marker must be reached and must hold.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  collectExamples,
  executableSource,
  fileNameOf,
  markerCount,
} from '../scripts/examples.mjs';
import { __doctest } from './support/doctest-runtime.js';

const dir = resolve(__dirname, '../.tmp/doctest');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const runtime = resolve(__dirname, 'support/doctest-runtime.ts');
const examples = collectExamples();

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples', () => {
  for (const example of examples) {
    test(`${example.id} (line ${example.line})`, async () => {
      const file = join(dir, fileNameOf(example));
      writeFileSync(file, executableSource(example, runtime));
      // Examples may print; what they print is documentation, not test noise.
      const log = console.log;
      console.log = () => undefined;
      try {
        await import(/* @vite-ignore */ file);
      } finally {
        console.log = log;
      }
      expect(__doctest.hitCount(example.id)).toBe(markerCount(example));
    });
  }
});
