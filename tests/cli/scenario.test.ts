// The scenario commands: run, diff, and --scenario on report and charts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { presets } from '../../src/data/index.js';
import type { ScenarioDiff, ScenarioEvaluation } from '../../src/index.js';

function run(argv: string[], stderrIsTTY = false) {
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
    stderrIsTTY,
  };
  const code = main(argv, io, { version: '1.2.3' });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rare-earths-cli-scenario-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const set = file('presets.json', presets);
const small = {
  id: 'y-ban',
  name: 'Yttrium ban',
  horizon: { from: 2025, to: 2026 },
  interventions: [
    { kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 1, from: 2026 },
  ],
};
const one = file('one.json', small);

describe('run', () => {
  test('help lists run and diff', () => {
    const { stdout } = run(['--help']);
    expect(stdout).toMatch(/^ {2}run +evaluate a scenario/m);
    expect(stdout).toMatch(/^ {2}diff +compare two scenarios/m);
    expect(run(['run', '--help']).stdout).toContain(
      'Usage: rare-earths run SCENARIO.json|presets|PRESET-ID [--id ID] [--draws N [--seed S]] [--format md|json|csv]',
    );
  });

  test('a scenario file, as a Markdown summary', () => {
    const { code, stdout, stderr } = run(['run', one]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('# Scenario: Yttrium ban');
    expect(stdout).toMatch(
      /\| United States +\| compounds and metals +\| Y +\| +300 \| +70\.0% \| +210\.0 \|/,
    );
    expect(stdout).toContain('## Assumptions');
  });

  test('one scenario of a set with --id, as JSON; parents resolved', () => {
    const { code, stdout } = run([
      'run',
      set,
      '--id',
      'china-export-controls-2025-extended',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const evaluation = JSON.parse(stdout) as ScenarioEvaluation;
    expect(evaluation.lineage).toEqual([
      'china-export-controls-2025-extended',
      'china-export-controls-2025',
    ]);
    expect(evaluation.rows.length).toBeGreaterThan(100);
  });

  test('every scenario of a set (a sweep) as IAMC CSV; progress only on a terminal', () => {
    const out = join(dir, 'all.csv');
    const quiet = run(['run', set, '--format', 'csv', '--out', out]);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('scenario,region,variable,unit,stage,element,year,value');
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(
      new Set(presets.map((p) => p.id)),
    );
    expect(lines).toContain('china-export-controls-2025,USA,Balance,t/yr,,Y,2030,-210');
    const loud = run(['run', set, '--format', 'json'], true);
    expect(loud.stderr).toContain('evaluating 5/5: ev-motor-substitution');
    expect((JSON.parse(loud.stdout) as unknown[]).length).toBe(5);
    expect(run(['run', one], true).stderr).toBe('');
  });

  test('bad scenario files are refused with the path (run and validate)', () => {
    const cases: [string, unknown, string][] = [
      [
        'country',
        { ...small, interventions: [{ ...small.interventions[0], country: 'XKX' }] },
        'interventions[0].country: expected a country of the dataset, got "XKX"',
      ],
      [
        'cut',
        { ...small, interventions: [{ ...small.interventions[0], cut: 1.5 }] },
        'interventions[0].cut: expected a fraction between 0 and 1, got 1.5',
      ],
      [
        'year',
        { ...small, interventions: [{ ...small.interventions[0], from: 2040 }] },
        'interventions[0].from: expected a year within the horizon 2025–2026, got 2040',
      ],
      [
        'cycle',
        [
          { ...small, id: 'a', parent: 'b' },
          { ...small, id: 'b', parent: 'a' },
        ],
        'scenarios[0].parent: expected parents without a cycle, got a -> b -> a',
      ],
    ];
    for (const [name, content, message] of cases) {
      const path = file(`bad-${name}.json`, content);
      const result = run(['run', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`bad-${name}.json: ${message}`);
      // One line for the reason, one for the usage hint.
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringContaining(message),
        "Run 'rare-earths run --help' for usage.",
      ]);
      const validated = run(['validate', path]);
      expect(validated.code).toBe(1);
      expect(validated.stderr).toContain(message);
    }
  });

  test('usage and input errors', () => {
    expect(run(['run'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'rare-earths run: a FILE argument is required\nUsage: rare-earths run SCENARIO.json|presets|PRESET-ID [--id ID] [--draws N [--seed S]] [--format md|json|csv] [--out FILE] [--dataset FILE]\n',
    });
    expect(run(['run', set, '--id', 'nope']).stderr).toMatch(
      /presets\.json: no scenario with the id 'nope' \(china-export-controls-2025, /,
    );
    const orphan = file('orphan.json', { ...small, parent: 'elsewhere' });
    expect(run(['run', orphan]).stderr).toMatch(
      /orphan\.json: scenario "y-ban" has a parent \("elsewhere"\), which must be in the same file/,
    );
    expect(run(['run', one, '--format', 'xml']).code).toBe(2);
  });
});

describe('diff', () => {
  test('two scenarios of a set, in Markdown', () => {
    const { code, stdout } = run([
      'diff',
      set,
      set,
      '--a',
      'china-export-controls-2025',
      '--b',
      'china-export-controls-2025-extended',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      '# Diff: china-export-controls-2025 → china-export-controls-2025-extended',
    );
    expect(stdout).toContain('Tolerance: |a − b| ≤ max(abs, rel · max(|a|, |b|)), abs 0, rel 1e-9');
    expect(stdout).toContain('| interventions.china-controls-2025-10 |');
  });

  test('JSON with a tolerance; CSV of the metrics; a band crossing', () => {
    const spread = file('spread.json', {
      id: 'spread',
      name: 'Spread',
      horizon: { from: 2025, to: 2026 },
      interventions: [
        ...['USA', 'AUS', 'MYS', 'JPN', 'BRA', 'CAN', 'IND', 'VNM'],
        ...['THA', 'MDG', 'RUS', 'ZAF', 'NAM', 'GRL', 'KAZ'],
      ].map((country) => ({
        kind: 'capacityChange',
        id: country.toLowerCase(),
        country,
        stage: 'mining',
        change: { amount: 300000, unit: 't', basis: 'REO' },
        ramp: { from: 2025, to: 2026 },
      })),
    });
    const base = file('base.json', { ...small, id: 'base', interventions: [] });
    const json = run([
      'diff',
      base,
      spread,
      '--format',
      'json',
      '--tolerance',
      '0.001',
      '--abs',
      '1',
    ]);
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.stdout) as ScenarioDiff;
    expect(diff.tolerance).toEqual({
      abs: 1,
      rel: 0.001,
      rule: '|a − b| ≤ max(abs, rel · max(|a|, |b|))',
    });
    const hhi = diff.metrics.find(
      (m) => m.variable === 'Concentration|HHI' && m.stage === 'mining' && m.year === 2026,
    );
    expect(hhi?.band).toEqual({ from: 'highly concentrated', to: 'unconcentrated' });
    expect(run(['diff', base, spread]).stdout).toContain('## Band crossings');
    const csv = run(['diff', base, spread, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('variable,region,stage,element,year,unit,from,to,abs,rel,band');
    expect(csv.some((line) => line.endsWith('highly concentrated → unconcentrated'))).toBe(true);
  });

  test('usage errors', () => {
    expect(run(['diff', one]).stderr).toMatch(
      /^rare-earths diff: expected 2 arguments, got 1\nUsage: /,
    );
    expect(run(['diff', one, one, '--tolerance=-1']).stderr).toMatch(
      /^rare-earths diff: --tolerance must be a non-negative number, got '-1'\n/,
    );
    expect(run(['diff', set, one]).stderr).toMatch(
      /^rare-earths diff: .*presets\.json holds 5 scenarios: choose one with --a \(/,
    );
  });
});

describe('report and charts with --scenario', () => {
  test("report: the stage picture of the scenario's world", () => {
    const { code, stdout } = run([
      'report',
      '--scenario',
      set,
      '--id',
      'allied-build-out-2025-2035',
    ]);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^> Scenario "Allied build-out, 2025–2035" \(allied-build-out-2025-2035\) in 2035:/,
    );
    expect(stdout).toContain('# Rare-earth supply chain, 2035');
    expect(run(['report', '--id', 'x']).stderr).toMatch(/--id needs --scenario FILE/);
    const json = run(['report', '--scenario', one, '--year', '2026', '--format', 'json']);
    expect(JSON.parse(json.stdout).year).toBe(2026);
  });

  test('charts: the stage charts and the demand stack', () => {
    const out = join(dir, 'scenario-charts');
    const { code, stdout } = run([
      'charts',
      '--out',
      out,
      '--scenario',
      set,
      '--id',
      'recycling-scale-up',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      join(out, 'stage-shares.svg'),
      join(out, 'stage-sankey.svg'),
      join(out, 'scenario-demand.svg'),
    ]);
    expect(readFileSync(join(out, 'scenario-demand.svg'), 'utf8')).toContain('recycling');
  });
});

describe('charts --scenario --draws: the bands as fan and tornado charts (issue 18)', () => {
  test('the export controls: supply and balance fans, and a tornado of the largest shortfall', () => {
    const out = join(dir, 'band-charts');
    const { code, stdout } = run([
      'charts',
      '--out',
      out,
      '--scenario',
      'china-export-controls-2025',
      '--draws',
      '200',
      '--seed',
      '3',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n').slice(-3)).toEqual([
      join(out, 'scenario-supply-bands.svg'),
      join(out, 'scenario-balance-bands.svg'),
      join(out, 'scenario-tornado.svg'),
    ]);
    const balance = readFileSync(join(out, 'scenario-balance-bands.svg'), 'utf8');
    // The US yttrium balance is the preset's largest shortfall: -210 t/yr (USGS MCS 2026: 300 t
    // of imports, 70% from China), its band from the rounding of the 70%.
    expect(balance).toContain('United States Y');
    expect(balance).toContain('200 draws (seed 3).');
    const tornado = readFileSync(join(out, 'scenario-tornado.svg'), 'utf8');
    expect(tornado).toContain('what moves the United States Y balance in 2035');
    expect(tornado).toContain('as is: -210');
    expect(tornado).toContain("China's share of United States imports of yttrium");
  });
  test('--draws needs --scenario, --seed needs --draws', () => {
    expect(run(['charts', '--out', join(dir, 'x'), '--draws', '10']).stderr).toMatch(
      /--draws needs --scenario FILE\|PRESET-ID/,
    );
    expect(
      run([
        'charts',
        '--out',
        join(dir, 'x'),
        '--scenario',
        'china-export-controls-2025',
        '--seed',
        '2',
      ]).stderr,
    ).toMatch(/--seed needs --draws N/);
  });
});
