// `rare-earths run --draws N --seed S`: every row of the evaluation with its band. Expected band:
// USGS MCS 2026 (yttrium), 2025 imports 300 t, China 70% of import sources (69.5–70.5% once
// rounding is allowed for), so the full stop withholds 208.5–211.5 t.
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
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
    stderrIsTTY: false,
  };
  const code = main(argv, io, { version: '1.2.3' });
  return { code, stdout, stderr };
}

describe('run --draws', () => {
  test('markdown lists the rows that move, with their band, and what the bands rest on', () => {
    const { code, stdout } = run(
      'run',
      'china-export-controls-2025',
      '--draws',
      '200',
      '--seed',
      '5',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('## china-export-controls-2025: 200 draws, seed 5');
    const line = stdout
      .split('\n')
      .find((l) => /^\| Balance +\| United States .*\| Y +\| 2025 /.test(l));
    const cells = line?.split('|').map((c) => c.trim()) ?? [];
    // value, mean, min, max, p5, p50, p95 follow the unit.
    const [value, , min, max, p5, , p95] = cells.slice(7, 14).map(Number) as number[];
    expect(value).toBe(-210);
    expect(min).toBeGreaterThanOrEqual(-211.5);
    expect(max).toBeLessThanOrEqual(-208.5);
    expect(p5).toBeLessThan(p95 as number);
    expect(stdout).toMatch(/\d+ of \d+ rows do not move with the uncertain figures/);
    expect(stdout).toContain('What the bands rest on:');
  });

  test('the same seed gives the same output; json and csv carry the bands', () => {
    const a = run(
      'run',
      'china-export-controls-2025',
      '--draws',
      '20',
      '--seed',
      '9',
      '--format',
      'json',
    );
    const b = run(
      'run',
      'china-export-controls-2025',
      '--draws',
      '20',
      '--seed',
      '9',
      '--format',
      'json',
    );
    expect(a.stdout).toBe(b.stdout);
    const parsed = JSON.parse(a.stdout) as {
      draws: number;
      rows: { band: { quantiles: unknown[] } }[];
    };
    expect(parsed.draws).toBe(20);
    expect(parsed.rows[0]?.band.quantiles).toHaveLength(3);
    const csv = run('run', 'china-export-controls-2025', '--draws', '5', '--format', 'csv').stdout;
    expect(csv.split('\r\n')[0]).toBe(
      'scenario,variable,region,stage,element,year,unit,value,mean,min,max,p5,p50,p95',
    );
  });

  test('a terminal sees progress on stderr', () => {
    let stderr = '';
    const io = {
      stdout: () => undefined,
      stderr: (t: string) => {
        stderr += t;
      },
      isTTY: false,
      stderrIsTTY: true,
    };
    expect(main(['run', 'china-export-controls-2025', '--draws', '10'], io, { version: '1' })).toBe(
      0,
    );
    expect(stderr).toContain('drawing china-export-controls-2025 (1/1): 10/10');
  });

  test.each([
    [['--draws', 'many'], '--draws must be an integer'],
    [['--draws', '10', '--seed', '1.5'], '--seed must be an integer'],
    [['--seed', '3'], '--seed needs --draws N'],
  ])('refuses %j', (args, message) => {
    const { code, stderr } = run('run', 'china-export-controls-2025', ...args);
    expect(code).not.toBe(0);
    expect(stderr).toContain(message);
  });

  test('draws beyond the ceiling are refused with the function and path', () => {
    const { code, stderr } = run('run', 'china-export-controls-2025', '--draws', '2000000');
    expect(code).not.toBe(0);
    expect(stderr).toContain('options.draws');
  });
});

describe('report --uncertainty', () => {
  test('the headline shares and HHIs with their bands', () => {
    const { code, stdout } = run(
      'report',
      '--uncertainty',
      '--year',
      '2024',
      '--draws',
      '300',
      '--seed',
      '2',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('## How sure: bands over 300 draws (seed 2)');
    const separation =
      stdout.split('\n').find((l) => /^\| separation +\| 2024 \| China/.test(l)) ?? '';
    // IEA 91% → 90.5–91.5%; the HHI with the residual counted as many small producers is
    // 90.5² … 91.5² = 8,190 … 8,372 points.
    const [, , , , share, shareBand, hhiPoints, hhiBand] = separation
      .split('|')
      .map((c) => c.trim());
    expect(share).toBe('91.0%');
    const [low, high] = (shareBand ?? '').split('–').map((x) => Number.parseFloat(x));
    expect(low).toBeGreaterThanOrEqual(90.5);
    expect(high).toBeLessThanOrEqual(91.5);
    expect(hhiPoints).toBe('8,281');
    const [hLow, hHigh] = (hhiBand ?? '').split('–').map((x) => Number(x.replace(',', '')));
    expect(hLow).toBeGreaterThanOrEqual(8190);
    expect(hHigh).toBeLessThanOrEqual(8373);
    expect(stdout).toContain('Every other figure is held at its value');
  });

  test('json: the report with an uncertainty member holding each band and what it rests on', () => {
    const { code, stdout } = run(
      'report',
      '--uncertainty',
      '--year',
      '2024',
      '--format',
      'json',
      '--draws',
      '200',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.kind).toBe('stage-report');
    expect(json.uncertainty.draws).toBe(200);
    const mining = json.uncertainty.bands.find(
      (b: { stage: string; metric: string }) => b.stage === 'mining' && b.metric === 'share',
    );
    // China's 2024 mining share as is: 270,000 t of the 384,000 t the USGS MCS 2026 rows sum to
    // (0.703125); in MCS 2025 the rows sum to 393,950 t (0.6854). Every draw lies between the two.
    expect(mining.subject).toBe('CHN');
    expect(mining.band.value).toBeCloseTo(0.703125, 9);
    expect(mining.band.min).toBeGreaterThanOrEqual(270_000 / 393_950 - 1e-12);
    expect(mining.band.max).toBeLessThanOrEqual(0.703125 + 1e-12);
    expect(json.uncertainty.assumptions.length).toBeGreaterThan(2);
    // The report with its bands still reads back as a stage report.
    expect(parseStageReport(json).uncertainty?.bands).toHaveLength(6);
  });
  test('csv: the band rows follow the report rows under the same header', () => {
    const { code, stdout } = run(
      'report',
      '--uncertainty',
      '--year',
      '2024',
      '--format',
      'csv',
      '--draws',
      '50',
    );
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,stage,year,subject,metric,value,unit,source');
    const bands = lines.filter((l) => l.startsWith('uncertainty,'));
    // Three stages × (share, HHI) × (value, mean, min, max, p5, p50, p95).
    expect(bands).toHaveLength(3 * 2 * 7);
    expect(bands).toContain(
      'uncertainty,separation,2024,CHN,share|value,0.91,fraction,"iea-commentary-2025-10; 50 draws, seed 1"',
    );
    expect(lines.filter((l) => l.startsWith('section,'))).toHaveLength(1);
  });
  test('--draws needs --uncertainty', () => {
    expect(run('report', '--draws', '10').stderr).toContain(
      '--draws and --seed need --uncertainty',
    );
  });
});
