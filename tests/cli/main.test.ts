import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseline } from '../../src/data/index.js';
import { parseStageReport } from '../../src/index.js';

function run(...argv: string[]) {
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
  };
  const code = main(argv, io, { version: '1.2.3' });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rare-earths-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('help and version', () => {
  test('--help lists every command', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { code, stdout } = run(...argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: rare-earths <command> [options]');
      for (const name of ['report', 'charts', 'validate', 'elements'])
        expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    }
  });

  test('help for each command', () => {
    expect(run('help', 'report').stdout).toMatch(
      /^Usage: rare-earths report \[--year N\] \[--element Nd\] \[--format md\|json\|csv\] \[--out FILE\]/,
    );
    expect(run('charts', '--help').stdout).toContain('Usage: rare-earths charts --out DIR');
    expect(run('validate', '-h').stdout).toContain('Usage: rare-earths validate FILE');
  });

  test('--version', () => {
    expect(run('--version')).toEqual({ code: 0, stdout: '1.2.3\n', stderr: '' });
    expect(run('-v').stdout).toBe('1.2.3\n');
  });
});

describe('report', () => {
  test('Markdown by default, on the baseline', () => {
    const { code, stdout, stderr } = run('report', '--year', '2024');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('# Rare-earth supply chain, 2024');
    expect(stdout).toContain('| Mining     | 2024 | China 70.3% |');
    expect(stdout).toContain('## Sources');
  });

  test("--format json parses with the library's own schema", () => {
    const report = parseStageReport(
      JSON.parse(run('report', '--format', 'json', '--year', '2024').stdout),
    );
    expect(report.year).toBe(2024);
    expect(report.chokepoint?.stage).toBe('magnet');
  });

  test('--format csv, --element, --out', () => {
    const out = join(dir, 'report.csv');
    expect(
      run('report', '--format=csv', '--element', 'Dy', '--year', '2023', '--out', out),
    ).toEqual({ code: 0, stdout: '', stderr: '' });
    const rows = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,stage,year,subject,metric,value,unit,source');
    expect(
      rows.some((row) =>
        row.startsWith('concentration,separation,2023,CHN,share,1,fraction,eu-crm-2023'),
      ),
    ).toBe(true);
  });

  test('--dataset runs on a user dataset, validated first', () => {
    const good = file('dataset.json', JSON.stringify({ ...baseline, name: 'my copy' }));
    expect(run('report', '--dataset', good, '--format', 'json').stdout).toContain(
      '"dataset": "my copy"',
    );
    const bad = file(
      'bad-dataset.json',
      JSON.stringify({ ...baseline, countries: [{ code: 'CN', name: 'China' }] }),
    );
    const result = run('report', '--dataset', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^rare-earths report: .*bad-dataset\.json: countries\[0\]\.code: expected an ISO 3166-1 alpha-3 country code such as "CHN", got "CN"\nRun 'rare-earths report --help' for usage\.\n$/,
    );
  });
});

describe('charts', () => {
  test('writes the stage-shares chart and the Sankey', () => {
    const out = join(dir, 'charts');
    const { code, stdout } = run('charts', '--out', out, '--year', '2024');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      join(out, 'stage-shares.svg'),
      join(out, 'stage-sankey.svg'),
    ]);
    expect(readFileSync(join(out, 'stage-sankey.svg'), 'utf8')).toMatch(/^<svg /);
  });

  test('needs --out', () => {
    expect(run('charts')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'rare-earths charts: --out DIR is required\nUsage: rare-earths charts --out DIR [--year N] [--element Nd] [--dataset FILE] [--scenario FILE|PRESET-ID [--id ID] [--draws N [--seed S]]]\n',
    });
    const blocked = file('not-a-dir', 'x');
    expect(run('charts', '--out', join(blocked, 'sub')).stderr).toMatch(
      /^rare-earths charts: .*not-a-dir\/sub: cannot create the directory \(ENOTDIR\)\nRun 'rare-earths charts --help' for usage\.\n$/,
    );
  });
});

describe('validate', () => {
  test('a valid dataset, scenario and scenario set', () => {
    expect(run('validate', file('ok.json', JSON.stringify(baseline)))).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/ok\.json: a valid dataset\n$/),
    });
    const scenario = {
      id: 's',
      name: 'S',
      horizon: { from: 2025, to: 2030 },
      interventions: [{ kind: 'exportRestriction', id: 'x', country: 'CHN', cut: 1, from: 2025 }],
    };
    expect(run('validate', file('s.json', JSON.stringify(scenario))).stdout).toMatch(
      /s\.json: a valid scenario\n$/,
    );
    expect(run('validate', file('set.json', JSON.stringify([scenario]))).stdout).toMatch(
      /set\.json: a valid scenario set\n$/,
    );
  });

  test('every problem with its path', () => {
    const scenario = {
      id: 's',
      name: 'S',
      horizon: { from: 2025, to: 2030 },
      interventions: [{ kind: 'exportRestriction', id: 'x', country: 'XKX', cut: 1.5, from: 2040 }],
    };
    const result = run('validate', file('bad.json', JSON.stringify(scenario)));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /bad\.json: not a valid scenario:\n {2}interventions\[0\]\.cut: expected a fraction between 0 and 1, got 1\.5\n$/,
    );
    const second = { ...scenario, interventions: [{ ...scenario.interventions[0], cut: 1 }] };
    const refs = run('validate', file('refs.json', JSON.stringify(second)));
    expect(refs.stderr).toContain(
      'interventions[0].country: expected a country of the dataset, got "XKX"',
    );
    expect(refs.stderr).toContain(
      'interventions[0].from: expected a year within the horizon 2025–2030, got 2040',
    );
  });
});

describe('elements', () => {
  test('an aligned Markdown table, JSON and CSV', () => {
    const lines = run('elements').stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(19);
    expect(new Set(lines.map((line) => [...line].length)).size).toBe(1);
    expect(lines[7]).toMatch(
      /^\| +60 \| Nd +\| neodymium +\| +144\.242 \| Nd2O3 +\| +0\.8574 \| +1\.1664 \| light +\| light +\|$/,
    );
    const json = JSON.parse(run('elements', '--format', 'json').stdout) as {
      symbol: string;
      oxideToMetal: number;
    }[];
    expect(json[5]?.oxideToMetal).toBeCloseTo(0.857356, 6);
    expect(run('elements', '--format=csv').stdout.split('\r\n')[7]).toBe(
      '61,Pm,promethium,145,Pm2O3,0.8580,1.1655,light,unassessed',
    );
  });
});

describe('bad invocations: non-zero, one line, the usage, no stack trace', () => {
  const cases: [string, string[], number, RegExp][] = [
    [
      'unknown command',
      ['reprot'],
      2,
      /^rare-earths: unknown command 'reprot'\nRun 'rare-earths --help' for usage\.\n$/,
    ],
    [
      'unknown option',
      ['report', '--colour'],
      2,
      /^rare-earths report: Unknown option '--colour'.*\nUsage: rare-earths report/,
    ],
    [
      'bad format',
      ['report', '--format', 'xml'],
      2,
      /^rare-earths report: --format must be one of md, json, csv, got 'xml'\nUsage: /,
    ],
    [
      'bad year',
      ['report', '--year', 'last'],
      2,
      /^rare-earths report: --year must be a four-digit year, got 'last'\n/,
    ],
    [
      'unknown element',
      ['report', '--element', 'nd'],
      2,
      /^rare-earths report: --element must be a rare-earth element symbol \(.*\), got 'nd' \(did you mean 'Nd'\?\)\n/,
    ],
    ['unknown element, no hint', ['report', '--element', 'Fe'], 2, /got 'Fe'\nUsage/],
    [
      'year without data',
      ['report', '--year', '1999'],
      1,
      /^rare-earths report: .*options\.year.*\n$/,
    ],
    [
      'missing file',
      ['validate', join(tmpdir(), 'no-such-file.json')],
      1,
      /^rare-earths validate: .*no-such-file\.json: no such file\nRun 'rare-earths validate --help' for usage\.\n$/,
    ],
    [
      'a directory',
      ['validate', tmpdir()],
      1,
      /: is a directory, not a file\nRun 'rare-earths validate --help' for usage\.\n$/,
    ],
    [
      'malformed JSON',
      ['validate', file('broken.json', '{"id": ')],
      1,
      /^rare-earths validate: .*broken\.json: not valid JSON \(.+\)\nRun 'rare-earths validate --help' for usage\.\n$/,
    ],
    [
      'missing FILE',
      ['validate'],
      2,
      /^rare-earths validate: a FILE argument is required\nUsage: rare-earths validate FILE/,
    ],
    ['extra argument', ['report', 'now'], 2, /^rare-earths report: unexpected argument 'now'\n/],
    [
      'too many files',
      ['validate', 'a.json', 'b.json'],
      2,
      /^rare-earths validate: expected 1 argument, got 2\n/,
    ],
    [
      'unwritable --out',
      ['report', '--out', join(dir, 'missing-dir', 'r.md')],
      1,
      /^rare-earths report: .*r\.md: cannot be written \(ENOENT\)\nRun 'rare-earths report --help' for usage\.\n$/,
    ],
  ];
  for (const [name, argv, code, stderr] of cases) {
    test(name, () => {
      const result = run(...argv);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(stderr);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
