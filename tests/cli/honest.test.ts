// Issue 15 (honest answers where the data is thin), findings 3, 5, 6 and 10b, reproduced from the
// command line as a user meets them. Each test fails on a05b628 (the main before the fix): there
// `report --element Dy` printed the all-rare-earth mining table (China 70.3%) under "(Dy)",
// `validate` passed negative tonnages, a user's own row vanished silently, `--denominator` did
// not exist, and 'refining' was refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { baseline } from '../../src/data/index.js';
import { parseStageReport, type StageOutput } from '../../src/index.js';

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

const dir = mkdtempSync(join(tmpdir(), 'rare-earths-honest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

const survey = { id: 'my-survey', title: 'My survey', publisher: 'Me', year: 2026 };
const brazil = (amount: number): StageOutput => ({
  stage: 'mining',
  country: 'BRA',
  year: 2025,
  measure: 'production',
  quantity: { amount, unit: 't', basis: 'REO' },
  provenance: { source: 'my-survey', tag: 'reported' },
});
const withBrazil = (amount: number) => ({
  ...baseline,
  sources: [...baseline.sources, survey],
  stageOutputs: [...(baseline.stageOutputs ?? []), brazil(amount)],
});

describe('finding 3: report --element never relabels a total', () => {
  test('--element Dy --year 2024: no all-rare-earth figures under the Dy heading', () => {
    const { code, stdout } = run('report', '--element', 'Dy', '--year', '2024');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('# Rare-earth supply chain, 2024 (Dy)');
    // The old report: "| Mining | 2024 | China 70.3% | … | usgs-mcs-2026 |" (MCS 2026, all REEs).
    expect(stdout).not.toContain('China 70.3%');
    const stageRows = stdout
      .split('\n')
      .filter((line) => /^\| (Mining|Separation|Metal|Magnet) /.test(line));
    expect(stageRows.some((line) => line.includes('usgs-mcs'))).toBe(false);
    // Mining falls back, visibly, to the EU's Dy/Tb extraction shares (EU CRM 2023, App. 7 p. 78).
    expect(stdout).toContain('| Mining     | 2023 | China 84.3%');
    expect(stdout).toContain(
      '- mining: fallback year: the 2023 table (eu-crm-2023) stands for 2024, the latest production table at the mining stage (Dy) at or before it.',
    );
    expect(stdout).toContain(
      'No data: magnet (the dataset has no production at the magnet stage (Dy); its tables of all rare earths (2024) are not relabelled as Dy).',
    );
  });

  test('the default year too, and in JSON: every stage shown is a table scoped to Dy', () => {
    const report = parseStageReport(
      JSON.parse(run('report', '--element', 'Dy', '--format', 'json').stdout),
    );
    expect(report.element).toBe('Dy');
    expect(report.stages.length).toBeGreaterThan(0);
    for (const stage of report.stages) {
      expect(stage.tableChoice?.used.elements).toContain('Dy');
      expect(stage.tableChoice?.fallbackYear?.requested).toBe(report.year);
    }
    expect(report.missingStages.map((m) => m.stage)).toEqual(['metal', 'magnet']);
  });
});

describe('finding 5: negative quantities and the choice of table', () => {
  test('validate refuses a negative stage output, naming the file and the record', () => {
    const result = run('validate', file('negative-output.json', withBrazil(-10_000)));
    expect(result.code).toBe(1);
    const index = baseline.stageOutputs?.length ?? 0;
    expect(result.stderr).toBe(
      `${join(dir, 'negative-output.json')}: not a valid dataset:\n  stageOutputs[${index}].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5"), got -10000\n`,
    );
    // And report --dataset refuses it before computing anything.
    const report = run('report', '--dataset', join(dir, 'negative-output.json'));
    expect(report.code).toBe(1);
    expect(report.stderr).toContain(
      `stageOutputs[${index}].quantity.amount: expected a finite non-negative quantity`,
    );
  });

  test('validate refuses a negative facility capacity, also as a decimal string', () => {
    const at = (baseline.facilities ?? []).findIndex((f) => (f.capacity ?? []).length > 0);
    const facilities = (baseline.facilities ?? []).map((f, i) =>
      i === at
        ? {
            ...f,
            capacity: (f.capacity ?? []).map((c) => ({
              ...c,
              quantity: { ...c.quantity, amount: '-5000' },
            })),
          }
        : f,
    );
    const result = run('validate', file('negative-capacity.json', { ...baseline, facilities }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `facilities[${at}].capacity[0].quantity.amount: expected a finite non-negative quantity (a number ≥ 0 or a plain decimal string such as "12.5"), got "-5000"`,
    );
  });

  test("a user's own row for the same year is not merged and not silent: the report lists it as left out", () => {
    const path = file('plus-brazil.json', withBrazil(10_000));
    const md = run('report', '--dataset', path, '--year', '2025');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(
      "- mining: left out my-survey (2025, 1 row): another source's table for 2025 (my-survey, published 2026); the newest source's (usgs-mcs-2026, published 2026-02-06) is used and tables of different sources are not added together: ask for it with source: 'my-survey'.",
    );
    const json = parseStageReport(
      JSON.parse(run('report', '--dataset', path, '--year', '2025', '--format', 'json').stdout),
    );
    expect(json.stages[0]?.tableChoice).toMatchObject({
      used: { source: 'usgs-mcs-2026', year: 2025, rows: 13 },
      leftOut: [{ source: 'my-survey', year: 2025, rows: 1, reason: 'older-source' }],
    });
  });
});

describe('finding 6: the denominator is stated, and the other one offered', () => {
  test('by default shares of the row sum, with the published world total named beside it', () => {
    const report = parseStageReport(
      JSON.parse(run('report', '--year', '2024', '--format', 'json').stdout),
    );
    const mining = report.stages[0];
    // MCS 2026, 2024: China 270,000 of the rows' 384,000 t = 70.3%; world total (rounded) 380,000 t.
    expect(mining?.leader.share).toBeCloseTo(270_000 / 384_000, 12);
    expect(mining?.denominator).toMatchObject({
      used: 'rowSum',
      total: { amount: '384000', unit: 't', basis: 'REO' },
      publishedWorldTotal: { amount: '380000', rounded: true },
      shareSum: 1,
    });
  });

  test('--denominator publishedWorldTotal: China 71.1% of 380,000 t (MCS 2026 p. 153)', () => {
    const { code, stdout } = run(
      'report',
      '--year',
      '2024',
      '--denominator',
      'publishedWorldTotal',
    );
    expect(code).toBe(0);
    // 270,000 / 380,000 = 0.71053 (the brief's derived figure, "71.1% (2024 rev, 270/380)").
    expect(stdout).toContain('| Mining     | 2024 | China 71.1% |');
    expect(stdout).toContain(
      "- mining: Shares of the published world total, 380,000 t (rounded); the rows sum to 384,000 t, so the shares sum to 1.0105 (denominator: 'rowSum' gives shares of the row sum).",
    );
  });

  test('a bad --denominator is a usage error', () => {
    const result = run('report', '--denominator', 'world');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "rare-earths report: --denominator must be rowSum or publishedWorldTotal, got 'world'",
    );
  });
});

describe("finding 10b: 'refining' is separation, in files as in code", () => {
  test('a scenario file naming the refining stage validates, read as separation', () => {
    const scenario = {
      id: 's',
      name: 'S',
      horizon: { from: 2025, to: 2030 },
      interventions: [
        {
          kind: 'capacityChange',
          id: 'plant',
          country: 'USA',
          stage: 'refining',
          change: { amount: 5000, unit: 't', basis: 'REO' },
          ramp: { from: 2026, to: 2028 },
        },
      ],
    };
    expect(run('validate', file('refining.json', scenario))).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/refining\.json: a valid scenario\n$/),
    });
  });

  test('another word gets an error that names separation and its alias', () => {
    const data = {
      ...baseline,
      stageOutputs: [{ ...(baseline.stageOutputs?.[0] as StageOutput), stage: 'smelting' }],
    };
    const result = run('validate', file('smelting.json', data));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "stageOutputs[0].stage: expected a stage: 'mining', 'separation' (or its alias 'refining'), 'metal' or 'magnet', got \"smelting\"",
    );
  });
});
