// Issue 15, finding 7: the presets and the baseline within reach of the command line. On the old
// code (a05b628) `run <preset-id>` failed with "no such file", there was no `export` and no
// `attribute` command, and the Markdown diff put a whole intervention's JSON in one cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseline, presets, presetsById } from '../../src/data/index.js';
import { type Attribution, attribute, evaluate, type ScenarioEvaluation } from '../../src/index.js';

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

const dir = mkdtempSync(join(tmpdir(), 'rare-earths-cli-presets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

/** Every row of every Markdown table has as many cells as its header (an unescaped `|` adds one). */
function cellCounts(markdown: string): number[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.replace(/\\\|/g, '').split('|').length);
}

describe('run with a preset id', () => {
  test('a preset id is a scenario argument', () => {
    const { code, stdout, stderr } = run('run', 'china-export-controls-2025');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toBe(
      "# Scenario: China's 2025 export controls on seven rare earths",
    );
  });

  test('a child preset resolves its parent from the presets', () => {
    const { code, stdout } = run('run', 'china-export-controls-2025-extended', '--format', 'json');
    expect(code).toBe(0);
    const evaluation = JSON.parse(stdout) as ScenarioEvaluation;
    expect(evaluation.lineage).toEqual([
      'china-export-controls-2025-extended',
      'china-export-controls-2025',
    ]);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(
        JSON.stringify(
          evaluate(baseline, presetsById['china-export-controls-2025-extended'], {
            scenarios: presets,
          }),
        ),
      ),
    );
  });

  test("'presets' is every preset; --id picks one", () => {
    const all = run('run', 'presets', '--format', 'csv').stdout.trimEnd().split('\r\n');
    expect(new Set(all.slice(1).map((line) => line.split(',')[0]))).toEqual(
      new Set(presets.map((p) => p.id)),
    );
    expect(run('run', 'presets', '--id', 'recycling-scale-up').stdout).toContain(
      '# Scenario: Magnet recycling scale-up (illustrative)',
    );
  });

  test('diff, report --scenario and charts --scenario take preset ids too', () => {
    const diff = run('diff', 'china-export-controls-2025', 'china-export-controls-2025-extended');
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('| interventions.china-controls-2025-10 |');
    const report = run('report', '--scenario', 'allied-build-out-2025-2035', '--year', '2030');
    expect(report.stdout).toMatch(/^> Scenario "Allied build-out, 2025–2035"/);
    const charts = run('charts', '--out', path('charts'), '--scenario', 'recycling-scale-up');
    expect(charts.stdout).toContain('scenario-demand.svg');
  });

  test('a name that is neither a file nor a preset says what was expected', () => {
    const { code, stderr } = run('run', 'export-controls-2025');
    expect(code).toBe(1);
    expect(stderr).toContain(
      "export-controls-2025: no such file (expected a scenario file, 'presets', or a preset id (china-export-controls-2025, ",
    );
    // A preset id with another --id is a contradiction, not a silent choice.
    const both = run('run', 'china-export-controls-2025', '--id', 'recycling-scale-up');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("give 'presets' to choose among them with --id");
  });
});

describe('export', () => {
  test('the baseline round-trips through validate and report --dataset', () => {
    const out = path('baseline.json');
    expect(run('export', 'baseline', '--out', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(baseline)));
    expect(run('validate', out)).toEqual({
      code: 0,
      stdout: `${out}: a valid dataset\n`,
      stderr: '',
    });
    for (const format of ['md', 'json', 'csv']) {
      expect(run('report', '--dataset', out, '--format', format).stdout).toBe(
        run('report', '--format', format).stdout,
      );
    }
  });

  test('the presets round-trip through validate and run', () => {
    const out = path('presets.json');
    expect(run('export', 'presets', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(JSON.parse(JSON.stringify(presets)));
    expect(run('validate', out).stdout).toBe(`${out}: a valid scenario set\n`);
    expect(run('run', out, '--format', 'csv').stdout).toBe(
      run('run', 'presets', '--format', 'csv').stdout,
    );
    // To stdout without --out.
    expect(JSON.parse(run('export', 'presets').stdout)).toHaveLength(presets.length);
  });

  test('one preset; a child comes with its parent, and says so', () => {
    const single = run('export', 'recycling-scale-up');
    expect(single.stderr).toBe('');
    const file = path('recycling.json');
    writeFileSync(file, single.stdout);
    expect(run('run', file).stdout).toBe(run('run', 'recycling-scale-up').stdout);

    const child = run('export', 'china-export-controls-2025-extended');
    expect(child.code).toBe(0);
    expect(child.stderr).toBe(
      'rare-earths export: china-export-controls-2025-extended inherits from china-export-controls-2025: written together as a set; choose it with --id china-export-controls-2025-extended\n',
    );
    const set = JSON.parse(child.stdout) as { id: string }[];
    expect(set.map((s) => s.id)).toEqual([
      'china-export-controls-2025',
      'china-export-controls-2025-extended',
    ]);
    const childFile = path('extended.json');
    writeFileSync(childFile, child.stdout);
    expect(run('run', childFile, '--id', 'china-export-controls-2025-extended').stdout).toBe(
      run('run', 'china-export-controls-2025-extended').stdout,
    );
  });

  test('usage errors', () => {
    expect(run('export')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'rare-earths export: a baseline|presets|PRESET-ID argument is required\nUsage: rare-earths export baseline|presets|PRESET-ID [--out FILE]\n',
    });
    const wrong = run('export', 'basline');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(
      /^rare-earths export: expected 'baseline', 'presets' or a preset id \(china-export-controls-2025, .*\), got 'basline'\n/,
    );
    expect(run('--help').stdout).toMatch(/^ {2}export +write the embedded baseline dataset/m);
  });
});

describe('diff in Markdown', () => {
  test('an added intervention is shown as readable fields, not JSON', () => {
    const { stdout } = run(
      'diff',
      'china-export-controls-2025',
      'china-export-controls-2025-extended',
    );
    const line = stdout
      .split('\n')
      .find((l) => l.startsWith('| interventions.china-controls-2025-10'));
    expect(line).toBeDefined();
    expect(line).not.toContain('{"');
    expect(line).toContain(
      'kind: exportRestriction; label: China, October 2025 extension: Eu, Ho, Er, Tm, Yb, from 2027 (illustrative); source: usgs-mcs-2026 (reported, Events, Trends, and Issues); country: CHN; elements: Eu, Ho, Er, Tm, Yb; stages: separation, metal; cut: 1; from: 2027',
    );
    // The note is prose: left out of the cell, and the text says where to find it.
    expect(line).not.toContain('Suspended for one year');
    expect(stdout).toContain(
      "Interventions' notes are left out of this table; the JSON form (`--format json`) has every field.",
    );
  });

  test('masses, ramps and changed fields; every table row keeps its columns', () => {
    const small = {
      id: 'plant',
      name: 'A plant',
      horizon: { from: 2025, to: 2030 },
      interventions: [
        {
          kind: 'capacityChange',
          id: 'plant',
          country: 'AUS',
          stage: 'mining',
          change: { amount: 5000, unit: 't', basis: 'REO' },
          ramp: { from: 2025, to: 2028 },
        },
      ],
    };
    const a = path('plant-a.json');
    const b = path('plant-b.json');
    writeFileSync(a, JSON.stringify({ ...small, interventions: [] }));
    writeFileSync(b, JSON.stringify(small));
    const added = run('diff', a, b).stdout;
    expect(added).toMatch(
      /\| +– \| kind: capacityChange; country: AUS; stage: mining; change: 5000 t REO; ramp: 2025–2028 \|/,
    );
    expect(added).not.toContain("Interventions' notes");
    const counts = cellCounts(added);
    // Variables such as Supply|Total are escaped in the metrics table.
    expect(added).toContain('Supply\\|Total');
    const tables = added.split('\n\n').filter((block) => block.startsWith('|'));
    for (const table of tables) expect(new Set(cellCounts(table)).size).toBe(1);
    expect(counts.length).toBeGreaterThan(4);

    const c = path('plant-c.json');
    const bigger = structuredClone(small);
    (bigger.interventions[0] as { change: { amount: number } }).change.amount = 6000;
    writeFileSync(c, JSON.stringify(bigger));
    expect(run('diff', b, c).stdout).toMatch(
      /\| interventions\.plant\.change\.amount \| +5000 \| +6000 \|/,
    );
  });
});

describe('attribute', () => {
  test('the yttrium shortfall is all the April controls (USGS: 300 t, 70% from China)', () => {
    const md = run(
      'attribute',
      'china-export-controls-2025',
      '--variable',
      'Balance',
      '--region',
      'USA',
      '--element',
      'Y',
      '--year',
      '2030',
    );
    expect(md.code).toBe(0);
    expect(md.stderr).toBe('');
    expect(md.stdout.split('\n').slice(0, 5)).toEqual([
      '> Base: the same horizon with no interventions (--base FILE|PRESET-ID to compare with another scenario).',
      '',
      '# Attribution: Balance · United States · Y · 2030',
      '',
      'no interventions → china-export-controls-2025: 0.0 → -210.0 t/yr (change -210.0 t/yr).',
    ]);
    expect(md.stdout).toMatch(/\| china-controls-2025-04 \| added +\| +-210\.0 \| +100\.0% \|/);

    const json = run(
      'attribute',
      'china-export-controls-2025',
      '--variable',
      'Balance',
      '--region',
      'USA',
      '--element',
      'Y',
      '--year',
      '2030',
      '--format',
      'json',
    );
    const attribution = JSON.parse(json.stdout) as Attribution;
    expect(attribution.change).toBe(-210);
    expect(attribution.contributions.map((c) => [c.id, c.value])).toEqual([
      ['china-controls-2025-04', -210],
    ]);
  });

  test('against another scenario, with a child preset: only the extension differs', () => {
    const { code, stdout } = run(
      'attribute',
      'china-export-controls-2025-extended',
      '--base',
      'china-export-controls-2025',
      '--variable',
      'Imports|Restricted|Share',
      '--region',
      'EU27',
      '--stage',
      'separation',
      '--element',
      'Y+Yb',
      '--year',
      '2030',
      '--format',
      'csv',
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,change,value,standard_error,share,label');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^china-controls-2025-10,added,0\.\d+,,1,/);
  });

  test('an HHI, with the split by supplier; the default year is stated', () => {
    const args = ['attribute', 'allied-build-out-2025-2035', '--variable', 'Concentration|HHI'];
    const md = run(...args, '--stage', 'mining');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('> --year not given: the last year of the horizon, 2035.');
    expect(md.stdout).toContain('# Attribution: Concentration|HHI · World · Mining · 2035');
    expect(md.stdout).toContain('## By supplier');
    for (const table of md.stdout.split('\n\n').filter((block) => block.startsWith('|')))
      expect(new Set(cellCounts(table)).size).toBe(1);
    const json = JSON.parse(
      run(...args, '--stage', 'mining', '--format', 'json').stdout,
    ) as Attribution;
    // The same as the library's attribute, which the scenario tests check against Shapley's axioms.
    const direct = attribute(
      baseline,
      {
        id: 'no-interventions',
        name: 'No interventions',
        horizon: { from: 2025, to: 2035 },
        interventions: [],
      },
      presetsById['allied-build-out-2025-2035'],
      { metric: { variable: 'Concentration|HHI', stage: 'mining', year: 2035 } },
    );
    expect(json).toEqual(JSON.parse(JSON.stringify(direct)));
    const sum = json.contributions.reduce((total, c) => total + c.value, 0);
    expect(Math.abs(sum - json.change)).toBeLessThan(1e-9);
    const bySupplier = Object.values(json.suppliers ?? {}).reduce((a, b) => a + b, 0);
    expect(Math.abs(bySupplier - json.change)).toBeLessThan(1e-6);
  });

  test('usage and input errors', () => {
    const base = ['attribute', 'china-export-controls-2025'];
    const missing = run(...base);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^rare-earths attribute: --variable NAME is required/);
    expect(run(...base, '--variable', 'Balance', '--stage', 'refinery').stderr).toMatch(
      /--stage must be mining, separation, metal or magnet, got 'refinery'/,
    );
    expect(run(...base, '--variable', 'Balance', '--base-id', 'x').stderr).toMatch(
      /--base-id needs --base FILE/,
    );
    expect(run(...base, '--variable', 'Balance', '--samples', '0').stderr).toMatch(
      /--samples must be a whole number of at least 1, got '0'/,
    );
    const unknown = run(...base, '--variable', 'Nonsense');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^rare-earths attribute: attribute: options\.metric: expected a metric that is a row of the evaluation, got "Nonsense"/,
    );
    const outside = run(...base, '--variable', 'Balance', '--year', '2050');
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('expected a year within the horizon 2025–2035, got 2050');
  });
});
