// Benchmark runner: `npm run bench` builds the package, then runs every bench/*.bench.mjs (or those
// whose file name contains an argument: `npm run bench -- dsm`), prints the results and writes
// them, with a description of the machine, to bench/RESULTS.md.
//
// Performance is reported as ratios measured in the same run (against a baseline computing the same
// thing), never as absolute targets: absolute times depend on the machine, ratios much less.
//
// A benchmark module's default export is { name, description, run(context) }, where run returns
// { rows: [{ label, ms, note? }], ratios: [{ label, value, target? }], notes: [string] }. The
// context offers `measure` (median wall time of repeated runs) and `python` (run a Python script
// with a JSON payload; null when python3 or numpy is missing).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @typedef {{ label: string, ms: number, note?: string }} Row
 * @typedef {{ label: string, value: number, target?: string }} Ratio
 * @typedef {{ rows: Row[], ratios: Ratio[], notes: string[] }} Result
 * @typedef {{
 *   measure: (fn: () => unknown, options?: { warmup?: number, runs?: number }) => { median: number, min: number, runs: number },
 *   python: (script: string, payload: unknown) => unknown,
 *   library: typeof import('../src/index.js'),
 * }} Context
 * @typedef {{ name: string, description: string, run: (context: Context) => Promise<Result> | Result }} Benchmark
 */

/** @type {Context['measure']} */
function measure(fn, { warmup = 2, runs = 10 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  /** @type {number[]} */
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  const median =
    times.length % 2 === 1
      ? (times[middle] ?? 0)
      : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
  return { median, min: times[0] ?? 0, runs };
}

function pythonVersions() {
  const probe = spawnSync(
    'python3',
    [
      '-c',
      'import sys, numpy, scipy; print(sys.version.split()[0], numpy.__version__, scipy.__version__)',
    ],
    { encoding: 'utf8' },
  );
  if (probe.status !== 0) return null;
  const [python, numpy, scipy] = probe.stdout.trim().split(' ');
  return { python, numpy, scipy };
}

/** @type {Context['python']} */
function python(script, payload) {
  if (pythonVersions() === null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rare-earths-bench-'));
  try {
    const input = join(dir, 'input.json');
    const output = join(dir, 'output.json');
    writeFileSync(input, JSON.stringify(payload));
    execFileSync('python3', [resolve(here, script), input, output], { stdio: 'inherit' });
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: keep what os.cpus() says
  }
  const versions = pythonVersions();
  return [
    `- CPU: ${cpu}, ${cpus().length} logical cores`,
    `- Node ${process.version} on ${process.platform} ${process.arch}`,
    versions === null
      ? '- Python with numpy: not available (numpy baselines skipped)'
      : `- Python ${versions.python}, numpy ${versions.numpy}, scipy ${versions.scipy}`,
  ];
}

const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
const library = /** @type {typeof import('../src/index.js')} */ (
  await import(pathToFileURL(resolve(here, '../dist/index.js')).href)
);

const sections = [];
for (const file of files) {
  /** @type {Benchmark} */
  const bench = (await import(pathToFileURL(join(here, file)).href)).default;
  process.stdout.write(`\n${bench.name}\n${bench.description}\n`);
  const result = await bench.run({ measure, python, library });
  const lines = [
    `## ${bench.name}`,
    '',
    bench.description,
    '',
    '| variant | median time | note |',
    '| --- | ---: | --- |',
  ];
  for (const row of result.rows) {
    lines.push(`| ${row.label} | ${row.ms.toFixed(1)} ms | ${row.note ?? ''} |`);
    process.stdout.write(
      `  ${row.label}: ${row.ms.toFixed(1)} ms${row.note ? ` (${row.note})` : ''}\n`,
    );
  }
  lines.push('', '| ratio | value | target |', '| --- | ---: | --- |');
  for (const ratio of result.ratios) {
    lines.push(`| ${ratio.label} | ${ratio.value.toFixed(2)}× | ${ratio.target ?? ''} |`);
    process.stdout.write(
      `  ${ratio.label}: ${ratio.value.toFixed(2)}×${ratio.target ? ` (target ${ratio.target})` : ''}\n`,
    );
  }
  for (const note of result.notes) {
    lines.push('', note);
    process.stdout.write(`  ${note}\n`);
  }
  sections.push(lines.join('\n'));
}

const report = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Times are medians of repeated runs in one`,
  'process; ratios compare variants measured in the same run, so they carry over between machines',
  'better than the times do.',
  '',
  ...machine(),
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
if (filters.length === 0) writeFileSync(join(here, 'RESULTS.md'), report);
else process.stdout.write('\n(filtered run: bench/RESULTS.md not rewritten)\n');
