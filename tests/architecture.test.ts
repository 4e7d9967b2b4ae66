// The room rule of docs/architecture.md, checked on the real sources (scripts/rooms.mjs holds the
// rule as data). Each planted breach below is a kind of import the rule forbids; the checker
// must name it, so a checker that quietly passes everything fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { below, ROOMS, readSources, redrawArchitecture, roomBreaches } from '../scripts/rooms.mjs';

const root = join(import.meta.dirname, '..');
const sources = readSources(join(root, 'src'));

describe('the rooms of src/', () => {
  test('no import breaks the rule', () => {
    expect(roomBreaches(sources)).toEqual([]);
  });

  test('every folder of src/ is a room of the rule, and every room a folder', () => {
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(Object.keys(ROOMS).sort()).toEqual(folders);
  });

  test('the rule has no cycle: no room stands on itself', () => {
    for (const room of Object.keys(ROOMS)) expect(below(ROOMS, room).has(room)).toBe(false);
  });

  test('docs/architecture.md shows the table drawn from the rule', () => {
    const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
    expect(redrawArchitecture(doc)).toBe(doc);
  });
});

describe('planted breaches are caught', () => {
  const plant = (file: string, line: string) => ({
    ...sources,
    [file]: `${line}\n${sources[file] ?? ''}`,
  });

  test('an upward import (chain importing the scenario room)', () => {
    const found = roomBreaches(
      plant('chain/trace.ts', "import { evaluate } from '../scenario/index.js';"),
    );
    expect(found).toEqual([
      {
        file: 'chain/trace.ts',
        target: '../scenario/index.js',
        why: expect.stringContaining("room 'chain' does not stand on 'scenario'"),
      },
    ]);
  });

  test('an import across the floor (criticality importing chain, on the same floor)', () => {
    const found = roomBreaches(
      plant('criticality/dataset.ts', "import type { StageTable } from '../chain/index.js';"),
    );
    expect(found.map((b) => b.why)).toEqual([expect.stringContaining("does not stand on 'chain'")]);
  });

  test("a reach into another room's private file", () => {
    const found = roomBreaches(
      plant('report/charts.ts', "import { buildTable } from '../chain/tables.js';"),
    );
    expect(found.map((b) => b.why)).toEqual([
      expect.stringContaining("private file 'chain/tables.js'"),
    ]);
  });

  test('a Node built-in outside the CLI, and zod outside the model', () => {
    const withFs = plant('chain/trace.ts', "import { readFileSync } from 'node:fs';");
    const withZod = {
      ...withFs,
      'concentration/hhi.ts': `import * as z from 'zod';\n${sources['concentration/hhi.ts']}`,
    };
    expect(roomBreaches(withZod).map((b) => `${b.file} ${b.target}`)).toEqual([
      'chain/trace.ts node:fs',
      'concentration/hhi.ts zod',
    ]);
  });

  test('a type-only import and a re-export count as imports', () => {
    const found = roomBreaches({
      ...sources,
      'model/extra.ts':
        "export type { Scenario } from '../scenario/index.js';\nimport type { Lifetime } from '../stocks/index.js';",
    });
    expect(found.map((b) => b.target)).toEqual(['../scenario/index.js', '../stocks/index.js']);
  });
});
