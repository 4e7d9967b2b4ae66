// Hostile files for `rare-earths validate` (and `--dataset`): each exits 0 or 1 with a message
// naming the file, in bounded time, never with a stack trace. The large files are generated here
// in a temporary directory, never committed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseline } from '../../src/data/index.js';

const dir = mkdtempSync(join(tmpdir(), 'rare-earths-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const start = performance.now();
  const code = main(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      isTTY: false,
    },
    { version: '0.0.0' },
  );
  return { code, stdout, stderr, ms: performance.now() - start };
}

/** A refusal: exit 1, one short report on stderr naming the file, no stack trace. */
function expectRefused(result: ReturnType<typeof run>, path: string) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(path);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr.length).toBeLessThan(20_000);
}

const MB = 1024 * 1024;

describe('validate on hostile files', () => {
  test('files that are not JSON, or not there', () => {
    const cases: [string, string | Buffer, string][] = [
      ['empty.json', '', 'not valid JSON'],
      ['text.json', 'rare earths', 'not valid JSON'],
      ['truncated.json', JSON.stringify(baseline).slice(0, 5000), 'not valid JSON'],
      ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x7f]), 'not valid JSON'],
      ['nan.json', '{"schemaVersion": NaN}', 'not valid JSON'],
    ];
    for (const [name, content, reason] of cases) {
      const path = file(name, content);
      const result = run('validate', path);
      expectRefused(result, path);
      expect(result.stderr).toContain(reason);
      // The parser's message is folded into the one line of the reason, then the usage hint.
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    }
    const missing = join(dir, 'missing.json');
    expect(run('validate', missing).stderr).toBe(
      `rare-earths validate: ${missing}: no such file\nRun 'rare-earths validate --help' for usage.\n`,
    );
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    expect(run('validate', folder).stderr).toBe(
      `rare-earths validate: ${folder}: is a directory, not a file\nRun 'rare-earths validate --help' for usage.\n`,
    );
  });

  test('JSON of the wrong shape, at the top', () => {
    for (const [name, content] of [
      ['null.json', 'null'],
      ['number.json', '1e400'],
      ['string.json', '"a scenario"'],
      ['true.json', 'true'],
      ['array-of-junk.json', '[1, "x", null, [], {}]'],
    ] as const) {
      const path = file(name, content);
      expectRefused(run('validate', path), path);
    }
  });

  test('deep nesting (10,000 levels), prototype keys and huge numbers', () => {
    const deep = file('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(run('validate', deep).stderr).toContain('expected at most 32 levels of nesting');
    const deepObject = file('deep-object.json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    expect(run('validate', deepObject).stderr).toContain('expected at most 32 levels of nesting');
    const proto = file(
      'proto.json',
      JSON.stringify(baseline).replace(
        '{"schemaVersion":1,',
        '{"schemaVersion":1,"__proto__":{"x":1},',
      ),
    );
    const protoResult = run('validate', proto);
    expectRefused(protoResult, proto);
    expect(protoResult.stderr).toContain(
      '__proto__: expected no "__proto__" key (it could reach an object prototype)',
    );
    const huge = file(
      'huge.json',
      JSON.stringify(baseline).replace(/"amount":"?\d+(\.\d+)?"?/, `"amount":${'9'.repeat(400)}`),
    );
    // JSON.parse reads 400 nines as 1e400 = Infinity: refused as not finite.
    expect(run('validate', huge).stderr).toContain('expected a finite non-negative quantity');
  });

  test('a 10 MB dataset is read and judged within seconds', () => {
    // The baseline's trade flows repeated to over 10 MB, each copy citing a source of its own: a
    // valid dataset that is plain data throughout, and large.
    const flows = baseline.tradeFlows ?? [];
    const copies = Math.ceil((10 * MB) / JSON.stringify(flows).length);
    const sources = [...baseline.sources];
    const tradeFlows = [];
    for (let copy = 0; copy < copies; copy++) {
      const id = `copy-${copy}`;
      sources.push({ id, title: `Copy ${copy}`, publisher: 'test', year: 2026 });
      for (const flow of flows)
        tradeFlows.push({ ...flow, provenance: { ...flow.provenance, source: id } });
    }
    const text = JSON.stringify({ ...baseline, sources, tradeFlows });
    expect(text.length).toBeGreaterThan(10 * MB);
    const path = file('ten-mb.json', text);
    const result = run('validate', path);
    expect(result.ms).toBeLessThan(30_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${path}: a valid dataset\n`);
    expect(result.code).toBe(0);
  }, 60_000);

  test('10 MB of junk: a huge array, a huge string, a huge object', () => {
    const cases: [string, string][] = [
      ['array.json', `[${new Array(5 * MB).fill('0').join(',')}]`],
      ['string.json', JSON.stringify('x'.repeat(10 * MB))],
      [
        'object.json',
        JSON.stringify(Object.fromEntries(Array.from({ length: 600_000 }, (_, i) => [`k${i}`, i]))),
      ],
    ];
    for (const [name, content] of cases) {
      expect(content.length).toBeGreaterThan(4 * MB);
      const path = file(name, content);
      const result = run('validate', path);
      expectRefused(result, path);
      expect(result.ms).toBeLessThan(20_000);
    }
  }, 120_000);

  test('a hostile --dataset for report is refused before any work', () => {
    const path = file('cycle-free-junk.json', '{"schemaVersion":1,"sources":5}');
    const result = run('report', '--dataset', path);
    expectRefused(result, path);
  });
});
