// Every `rare-earths` command shown in a `sh` block of the README and the guides runs and exits 0,
// in order, in a scratch directory (so a command may read a file an earlier one wrote). Issue 15,
// finding 7: the scenario guide ran `rare-earths run presets.json`, which no file backed.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';

const root = resolve(__dirname, '../..');
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** The words of a command line, with single and double quotes as in a POSIX shell; a `#` after a space starts a comment. */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else word = (word ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word = word ?? '';
    } else if (/\s/.test(ch)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (ch === '#' && word === undefined) break;
    else word = (word ?? '') + ch;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/** The `rare-earths …` lines of the `sh` blocks of a Markdown file, as argument lists. */
function commands(markdown: string): string[][] {
  const out: string[][] = [];
  for (const block of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    for (const line of (block[1] ?? '').split('\n')) {
      const argv = words(line);
      if (argv[0] === 'npx') argv.shift();
      if (argv[0] === 'rare-earths') out.push(argv.slice(1));
    }
  }
  return out;
}

test('the quoting of the command lines is read as a shell would', () => {
  expect(words("rare-earths attribute x --variable 'Concentration|HHI' # why")).toEqual([
    'rare-earths',
    'attribute',
    'x',
    '--variable',
    'Concentration|HHI',
  ]);
});

describe('documented commands', () => {
  const cwd = process.cwd();
  const scratch = mkdtempSync(join(tmpdir(), 'rare-earths-docs-'));
  beforeAll(() => {
    // The trade guide's commands read the sample files of docs/examples/trade, as a reader would
    // after copying them next to their own.
    cpSync(join(root, 'docs/examples/trade'), scratch, { recursive: true });
    // The uncertainty guide's scenario file, likewise.
    cpSync(join(root, 'docs/examples/uncertainty'), scratch, { recursive: true });
    process.chdir(scratch);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(scratch, { recursive: true, force: true });
  });

  const all = documents.map(
    (file) => [file, commands(readFileSync(join(root, file), 'utf8'))] as const,
  );
  test('the README and the scenario guide show commands', () => {
    const count = (file: string) => all.find(([name]) => name === file)?.[1].length ?? 0;
    expect(count('README.md')).toBeGreaterThanOrEqual(10);
    expect(count('docs/scenarios.md')).toBeGreaterThanOrEqual(15);
  });

  for (const [file, list] of all) {
    if (list.length === 0) continue;
    test(`every command of ${file} exits 0`, async () => {
      for (const argv of list) {
        let stderr = '';
        const io = {
          stdout: () => undefined,
          stderr: (text: string) => {
            stderr += text;
          },
          isTTY: false,
        };
        const code = await main(argv, io, { version: '0.0.0' });
        expect({
          command: `rare-earths ${argv.join(' ')}`,
          code,
          stderr: code === 0 ? '' : stderr,
        }).toEqual({
          command: `rare-earths ${argv.join(' ')}`,
          code: 0,
          stderr: '',
        });
      }
    });
  }
});
