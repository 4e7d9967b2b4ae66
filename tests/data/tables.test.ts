// The tables under data/ and the modules generated from them (scripts/data-build.mjs): the
// committed src/data/generated/*.ts are what the tables generate now, every table passes
// parseDataset (and parseScenarios for the presets), and a bad row is reported by file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { generate, locate, readTables, stale } from '../../scripts/data-build.mjs';
import { baseline } from '../../src/data/index.js';
import { type Dataset, parseScenarios, safeParseDataset } from '../../src/index.js';

const repo = join(import.meta.dirname, '..', '..');

/**
 * The dataset the tables of `root` hold, checked by safeParseDataset; every problem is reported
 * with the CSV file and line of its row (and the column), e.g.
 * `data/stage-outputs.csv:5, column quantity.amount: expected …`.
 */
function checkTables(root: string): { dataset: unknown; problems: string[] } {
  const tables = readTables(root);
  const dataset = {
    schemaVersion: baseline.schemaVersion,
    name: baseline.name,
    description: baseline.description,
    ...tables.collections,
  };
  const result = safeParseDataset(dataset);
  const problems = result.success
    ? []
    : result.error.issues.map(
        (issue) => `${locate(tables, issue.path) ?? issue.path.join('.')}: ${issue.message}`,
      );
  return { dataset, problems };
}

let scratch: string | undefined;
afterEach(() => {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A copy of data/ and src/data/generated/ with one line of one table replaced. */
function plant(file: string, line: number, edit: (text: string) => string): string {
  scratch = mkdtempSync(join(tmpdir(), 'rare-earths-tables-'));
  cpSync(join(repo, 'data'), join(scratch, 'data'), { recursive: true });
  cpSync(join(repo, 'src/data/generated'), join(scratch, 'src/data/generated'), {
    recursive: true,
  });
  const path = join(scratch, 'data', file);
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[line - 1] = edit(lines[line - 1] ?? '');
  writeFileSync(path, lines.join('\n'));
  return scratch;
}

describe('the generated modules', () => {
  test('are what the tables generate now (run npm run data:build after changing a table)', () => {
    expect(stale(repo)).toEqual([]);
    const files = generate(repo);
    expect([...files.keys()]).toContain('src/data/generated/stage-outputs.ts');
    for (const text of files.values())
      expect(text.startsWith('// generated from data/')).toBe(true);
  });

  test('are reported stale after a change to a table', () => {
    // data/stage-outputs.csv line 2 is Australia 2020, 20,000 t (USGS MYB 2022 Table 8).
    const root = plant('stage-outputs.csv', 2, (row) => row.replace(',20000,', ',21000,'));
    expect(stale(root)).toEqual(['src/data/generated/stage-outputs.ts']);
  });
});

describe('every table passes parseDataset', () => {
  test('the tables hold the baseline, and it is valid', () => {
    const { dataset, problems } = checkTables(repo);
    expect(problems).toEqual([]);
    expect(dataset).toEqual(JSON.parse(JSON.stringify(baseline)) as Dataset);
  });

  test('the presets pass parseScenarios against it', () => {
    const { presets } = readTables(repo);
    expect(() => parseScenarios(presets, { dataset: baseline })).not.toThrow();
  });

  test('a planted negative amount is named by file, line and column', () => {
    const root = plant('stage-outputs.csv', 5, (row) =>
      row.replace(/,(\d+),t,REO,/, ',-$1,t,REO,'),
    );
    const { problems } = checkTables(root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/stage-outputs\.csv:5, column quantity\.amount: /);
  });

  test('a planted bad row of a child table is named by the child file and line', () => {
    // data/facility-owners.csv line 2: MP Materials Corp., stake 1, of the Mountain Pass mine.
    const root = plant('facility-owners.csv', 2, (row) => row.replace(',USA,1,', ',USA,1.5,'));
    const { problems } = checkTables(root);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^data\/facility-owners\.csv:2, column stake: /);
  });

  test('a source id that no row of sources.csv holds is named by file and line', () => {
    const root = plant('prices.csv', 3, (row) =>
      row.replace(/,usgs-[a-z0-9-]+,/, ',usgs-mcs-1999,'),
    );
    expect(checkTables(root).problems.join('\n')).toMatch(
      /^data\/prices\.csv:3, column provenance\.source: /m,
    );
  });
});

describe('the generator refuses a malformed cell with its file and line', () => {
  test('text in a number column', () => {
    const root = plant('reserves.csv', 3, (row) => row.replace(/,(\d{4}),/, ',20x4,'));
    expect(() => readTables(root)).toThrow(
      /^data\/reserves\.csv:3: column year: expected a number, got "20x4"$/,
    );
  });

  test('a child row whose parent is not in the parent table', () => {
    const root = plant('facility-owners.csv', 2, (row) => row.replace(/^[^,]+,/, 'no-such-mine,'));
    expect(() => readTables(root)).toThrow(
      /^data\/facility-owners\.csv:2: column facility_id: expected the id of a row of data\/facilities\.csv, got "no-such-mine"$/,
    );
  });

  test('a row with too many cells', () => {
    const root = plant('hs-codes.csv', 4, (row) => `${row},extra`);
    expect(() => readTables(root)).toThrow(/^data\/hs-codes\.csv:4: /);
  });
});

describe('docs/data.md', () => {
  test('quotes the line of data/stage-outputs.csv its worked example changes', () => {
    const docs = readFileSync(join(repo, 'docs/data.md'), 'utf8');
    const [, lineNumber] =
      /The figure is line (\d+) of `data\/stage-outputs\.csv`/.exec(docs) ?? [];
    const [, quoted] = /```text\n(mining,CHN,2025,[^\n]*)\n```/.exec(docs) ?? [];
    const table = readFileSync(join(repo, 'data/stage-outputs.csv'), 'utf8').split('\n');
    expect(quoted).toBeDefined();
    expect(table[Number(lineNumber) - 1]).toBe(quoted);
    // China 2025, 270,000 t REO: USGS MCS 2026, p. 153.
    expect(quoted).toContain(',270000,t,REO,,usgs-mcs-2026,');
  });
});
