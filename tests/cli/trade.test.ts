// `rare-earths import comtrade|baci FILE… --out` and `report --trade FILE`, on the fixture files
// of tests/trade/fixtures.ts. Expected numbers by hand: Germany's 2023 magnet imports are
// 900,500 + 100,000 + 50,000 = 1,050,500 US$, China 900,500 / 1,050,500 = 85.7%; EU27's
// extra-EU imports 1,200,500 US$, HHI (1,100,500² + 100,000²) / 1,200,500² = 8,473 points.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseline } from '../../src/data/index.js';
import { parseDataset } from '../../src/index.js';
import { BACI_COUNTRIES_CSV, BACI_CSV, comtradeFile, JAPAN_ROWS } from '../trade/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-trade-'));
const at = (name: string) => join(dir, name);
writeFileSync(at('japan.csv'), comtradeFile(JAPAN_ROWS));
writeFileSync(at('BACI_HS17_Y2023.csv'), BACI_CSV);
writeFileSync(at('country_codes.csv'), BACI_COUNTRIES_CSV);

async function run(argv: string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => {
      stdout += t;
    },
    stderr: (t: string) => {
      stderr += t;
    },
    isTTY: false,
    stderrIsTTY: tty,
  };
  const code = await main(argv, io, { version: '1.2.3' });
  return { code, stdout, stderr };
}

describe('rare-earths import', () => {
  test('comtrade: merges the flows into the baseline, writes a valid dataset, prints what it left out', async () => {
    const { code, stdout, stderr } = await run([
      'import',
      'comtrade',
      at('japan.csv'),
      '--out',
      at('merged.json'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const merged = parseDataset(JSON.parse(readFileSync(at('merged.json'), 'utf8')));
    expect(merged.tradeFlows?.length).toBe((baseline.tradeFlows?.length ?? 0) + 5);
    const source = merged.sources.find((s) => s.id === 'comtrade-japan');
    expect(source?.publisher).toBe('UN Statistics Division');
    expect(source?.note).toMatch(/modification time .* taken as the download date/);
    expect(stdout).toContain('japan.csv: 11 rows read, 6 kept, 5 flows (source id comtrade-japan)');
    expect(stdout).toContain('left out: 1 × partner is World');
    expect(stdout).toContain(
      "CHN → JPN 2024 HS 2846.90: importer's value 15.0% from the exporter's",
    );
  });

  test('baci onto a dataset of your own, with progress on a terminal', async () => {
    await run(['import', 'comtrade', at('japan.csv'), '--out', at('base.json')]);
    const { code, stdout, stderr } = await run(
      [
        'import',
        'baci',
        at('BACI_HS17_Y2023.csv'),
        '--countries',
        at('country_codes.csv'),
        '--dataset',
        at('base.json'),
        '--out',
        at('both.json'),
        '--years',
        '2023',
      ],
      true,
    );
    expect(code).toBe(0);
    expect(stderr).toContain('reading BACI_HS17_Y2023.csv: 0.0 MB of 0.0 MB, 6 rows');
    expect(stdout).toContain('both.json: 100 trade flows (5 imported)');
  });

  test('usage errors exit 2; a bad file exits 1 and writes nothing', async () => {
    expect(
      (await run(['import', 'baci', at('BACI_HS17_Y2023.csv'), '--out', at('x.json')])).code,
    ).toBe(2);
    expect((await run(['import', 'xlsx', at('japan.csv'), '--out', at('x.json')])).stderr).toMatch(
      /format must be comtrade or baci/,
    );
    expect((await run(['import', 'comtrade', at('japan.csv')])).stderr).toMatch(/--out FILE/);
    expect((await run(['import', 'comtrade'])).stderr).toMatch(
      /a comtrade\|baci FILE argument is required|expected/,
    );
    expect(
      (await run(['import', 'comtrade', at('japan.csv'), '--out', at('x.json'), '--years', '20x']))
        .code,
    ).toBe(2);
    expect(
      (await run(['import', 'comtrade', at('japan.csv'), '--out', at('x.json'), '--prefer', 'me']))
        .code,
    ).toBe(2);
    expect(
      (
        await run([
          'import',
          'comtrade',
          at('japan.csv'),
          '--countries',
          at('country_codes.csv'),
          '--out',
          at('x.json'),
        ])
      ).code,
    ).toBe(2);
    writeFileSync(at('bad.csv'), `${comtradeFile(JAPAN_ROWS)}2024,JPN\n`);
    const bad = await run(['import', 'comtrade', at('bad.csv'), '--out', at('bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/readComtrade: \["bad.csv"\]\["line 13"\]: expected 47 fields/);
    expect(() => readFileSync(at('bad.json'))).toThrow();
    expect(
      (await run(['import', 'comtrade', at('missing.csv'), '--out', at('x.json')])).stderr,
    ).toMatch(/missing.csv: no such file/);
  });
});

describe('rare-earths report --trade', () => {
  test('adds import concentration by partner, EU27 as one importer', async () => {
    const { code, stdout } = await run([
      'report',
      '--trade',
      at('BACI_HS17_Y2023.csv'),
      '--countries',
      at('country_codes.csv'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('## Trade: import concentration by partner (BACI_HS17_Y2023.csv)');
    expect(stdout).toMatch(
      /\| Germany +\| 8505\.11 \(magnet\) +\| 2023 \| +1,050,500 \| +3 \| China 85\.7% +\| +7,461 \|/,
    );
    expect(stdout).toMatch(
      /\| European Union \(27 member states\) \| 8505\.11 \(magnet\) +\| 2023 \| +1,200,500 \| +2 \| China 91\.7% +\| +8,473 \|/,
    );
  });

  test('a Comtrade file is recognised by its header; other formats and a lone --countries are usage errors', async () => {
    const { stdout } = await run(['report', '--trade', at('japan.csv')]);
    expect(stdout).toMatch(
      /\| Japan +\| 2846\.90 \(separation\) \| 2024 \| +27,500,000 \| +2 \| China 83\.6%/,
    );
    expect((await run(['report', '--trade', at('japan.csv'), '--format', 'json'])).code).toBe(2);
    expect((await run(['report', '--countries', at('country_codes.csv')])).code).toBe(2);
  });
});
