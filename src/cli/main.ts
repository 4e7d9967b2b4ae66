/**
 * The `rare-earths` command. The only room that may touch Node built-ins; everything it prints
 * is computed by the library's public functions.
 *
 * @internal
 * @packageDocumentation
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baseline, presets } from '../data/index.js';
import { formatPath } from '../errors/index.js';
import {
  applyScenario,
  attribute,
  createEvaluator,
  type Dataset,
  diffScenarios,
  element,
  elementSymbols,
  isElementSymbol,
  isRareEarthsError,
  isStage,
  metalToOxide,
  oxideToMetal,
  parseScenarios,
  type RareEarthsError,
  type Scenario,
  type ScenarioEvaluation,
  type Stage,
  safeParseDataset,
  safeParseScenario,
  scenarioVariables,
} from '../index.js';
import {
  renderAttribution,
  renderDiff,
  renderEvaluation,
  renderStageReport,
  scenarioDemandChart,
  stageReport,
  stageSankeyChart,
  stageSharesChart,
} from '../report/index.js';
import { csvTable, markdownTable, rowsCsv } from '../report/internal.js';
import { mergeTrade } from '../trade/index.js';
import { type ScenarioSimulation, simulate } from '../uncertainty/index.js';
import { bandCharts, drawProgress, endProgress, reportBands, withBands } from './bands.js';
import {
  detectFormat,
  type ImportRequest,
  InputError,
  importFiles,
  importRequest,
  importSummary,
  tradeSection,
  UsageError,
} from './trade.js';

/**
 * Where the command writes, and whether its output is a terminal (colour only then).
 *
 * @internal
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Whether stderr is a terminal: progress of long work is shown only then. */
  readonly stderrIsTTY?: boolean;
}

/** @internal */
export interface CliInfo {
  readonly version: string;
}

interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  readonly positionals: number;
  /** Whether more positionals than `positionals` may follow (`import comtrade FILE…`). */
  readonly variadic?: boolean;
  /** What the positional argument is called in errors; default `FILE`. */
  readonly argument?: string;
  readonly run: (
    values: Record<string, string | boolean | undefined>,
    positionals: readonly string[],
    io: CliIo,
  ) => number | Promise<number>;
}

const FORMATS = ['md', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

function format(value: unknown): Format {
  if (value === undefined) return 'md';
  if (typeof value === 'string' && (FORMATS as readonly string[]).includes(value))
    return value as Format;
  throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${String(value)}'`);
}

function yearOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (typeof value !== 'string' || !/^\d{4}$/.test(value) || !Number.isInteger(year))
    throw new UsageError(`--year must be a four-digit year, got '${String(value)}'`);
  return year;
}

function elementOption(value: unknown) {
  if (value === undefined) return undefined;
  if (isElementSymbol(value)) return value;
  const hint = elementSymbols().find((s) => s.toLowerCase() === String(value).toLowerCase());
  throw new UsageError(
    `--element must be a rare-earth element symbol (${elementSymbols().join(', ')}), got '${String(value)}'${hint === undefined ? '' : ` (did you mean '${hint}'?)`}`,
  );
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file}: is a directory, not a file`
          : `${file}: cannot be read (${code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // One line: a parser's message may quote the offending text, newlines and all.
    const reason = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    throw new InputError(`${file}: not valid JSON (${reason})`);
  }
}

function datasetOption(value: unknown): Dataset {
  if (value === undefined) return baseline;
  const file = String(value);
  const result = safeParseDataset(readJson(file));
  if (!result.success)
    throw new InputError(`${file}: ${result.error.message.replace(/^parseDataset: /, '')}`);
  return result.data;
}

function namesOf(dataset: Dataset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const country of dataset.countries) out[country.code] = country.name;
  for (const region of dataset.regions ?? []) out[region.code] = region.name;
  return out;
}

function write(io: CliIo, out: unknown, text: string): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(String(out), text);
  } catch (error) {
    throw new InputError(
      `${String(out)}: cannot be written (${(error as { code?: string }).code ?? 'error'})`,
    );
  }
}

function problems(error: RareEarthsError): string {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
}

/** What a command calls the built-in scenario presets: every preset, or one by its id. */
const PRESETS = 'presets';

/**
 * Whether a scenario argument names the built-in presets rather than a file: `presets` or a preset
 * id, written without a `.json` ending or a directory (so a file of that name can still be given as
 * `./presets`).
 */
function presetArgument(argument: string): boolean {
  if (/\.json$/i.test(argument) || /[\\/]/.test(argument)) return false;
  return argument === PRESETS || presets.some((preset) => preset.id === argument);
}

function presetHint(): string {
  return `a scenario file, '${PRESETS}', or a preset id (${presets.map((p) => p.id).join(', ')})`;
}

/** A set of scenarios read from a file or the presets, and the one the argument chose, if any. */
interface ScenarioRead {
  readonly scenarios: Scenario[];
  readonly single: boolean;
  /** The preset id given as the argument. */
  readonly chosen?: string;
}

/**
 * The scenarios of a file (one, or a set), or the presets (all of them, or one by id, with the
 * whole set for its parents), checked against the dataset.
 */
function scenarioFile(file: string, dataset: Dataset): ScenarioRead {
  const preset = presetArgument(file);
  let json: unknown;
  try {
    json = preset ? presets : readJson(file);
  } catch (error) {
    if (error instanceof InputError && error.message === `${file}: no such file`)
      throw new InputError(`${file}: no such file (expected ${presetHint()})`);
    throw error;
  }
  if (Array.isArray(json)) {
    try {
      const scenarios = parseScenarios(json, { dataset });
      return preset && file !== PRESETS
        ? { scenarios, single: false, chosen: file }
        : { scenarios, single: false };
    } catch (error) {
      if (!isRareEarthsError(error)) throw error;
      throw new InputError(`${preset ? `the presets` : file}: ${problems(error)}`);
    }
  }
  const result = safeParseScenario(json, { dataset });
  if (!result.success) throw new InputError(`${file}: ${problems(result.error)}`);
  if (result.data.parent !== undefined) {
    throw new InputError(
      `${file}: scenario "${result.data.id}" has a parent ("${result.data.parent}"), which must be in the same file: give an array of scenarios and choose one with --id`,
    );
  }
  return { scenarios: [result.data], single: true };
}

/** One scenario of a file or the presets: the only one, the preset named, or the one with the id given. */
function oneScenario(
  file: string,
  dataset: Dataset,
  id: unknown,
  option: string,
  read: ScenarioRead = scenarioFile(file, dataset),
): { scenario: Scenario; set: Scenario[] } {
  const { scenarios, single, chosen } = read;
  if (chosen !== undefined && id !== undefined && id !== chosen) {
    throw new UsageError(
      `${file} is a preset; ${option} '${String(id)}' chooses another: give '${PRESETS}' to choose among them with ${option}`,
    );
  }
  const wanted = id ?? chosen;
  if (wanted === undefined) {
    if (single || scenarios.length === 1)
      return { scenario: scenarios[0] as Scenario, set: scenarios };
    throw new UsageError(
      `${file} holds ${scenarios.length} scenarios: choose one with ${option} (${scenarios.map((s) => s.id).join(', ')})`,
    );
  }
  const scenario = scenarios.find((s) => s.id === wanted);
  if (scenario === undefined) {
    throw new InputError(
      `${file}: no scenario with the id '${String(wanted)}' (${scenarios.map((s) => s.id).join(', ')})`,
    );
  }
  return { scenario, set: scenarios };
}

function toleranceOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(number) || number < 0)
    throw new UsageError(`${name} must be a non-negative number, got '${String(value)}'`);
  return number;
}

function integerOption(value: unknown, name: string): number {
  const number = Number(value);
  if (
    typeof value !== 'string' ||
    !/^[+-]?\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(number)
  )
    throw new UsageError(`${name} must be an integer, got '${String(value)}'`);
  return number;
}

const BAND_COLUMNS = ['value', 'mean', 'min', 'max'] as const;

function bandCells(
  row: ScenarioSimulation['rows'][number],
  digits: (x: number) => string,
): string[] {
  return [
    ...BAND_COLUMNS.map((c) => digits(row.band[c])),
    ...row.band.quantiles.map((q) => digits(q.value)),
  ];
}

// Markdown: the rows the draws move, each with its band; the rows they do not move are counted,
// not listed (they equal `run` without --draws).
function renderSimulations(
  simulations: readonly ScenarioSimulation[],
  chosen: Format,
  single: boolean,
  names: Readonly<Record<string, string>>,
): string {
  if (chosen === 'json')
    return `${JSON.stringify(single ? simulations[0] : simulations, null, 2)}\n`;
  const quantiles = simulations[0]?.quantiles ?? [];
  const head = [
    'scenario',
    'variable',
    'region',
    'stage',
    'element',
    'year',
    'unit',
    ...BAND_COLUMNS,
    ...quantiles.map((p) => `p${Math.round(p * 100)}`),
  ];
  if (chosen === 'csv') {
    const body = simulations.flatMap((s) =>
      s.rows.map((r) => [
        s.scenario,
        r.variable,
        r.region,
        r.stage ?? '',
        r.element ?? '',
        String(r.year),
        r.unit,
        ...bandCells(r, (x) => String(x)),
      ]),
    );
    return `${csvTable(head, body)}\r\n`;
  }
  const round = (x: number) =>
    Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(4);
  return simulations
    .map((s) => {
      const moved = s.rows.filter((r) => r.band.max > r.band.min);
      const table = markdownTable(
        head.slice(1),
        moved.map((r) => [
          r.variable,
          names[r.region] ?? r.region,
          r.stage ?? '',
          r.element ?? '',
          String(r.year),
          r.unit,
          ...bandCells(r, round),
        ]),
      );
      return [
        `## ${s.scenario}: ${s.draws} draws, seed ${s.seed}`,
        '',
        moved.length === 0
          ? 'No row moves with the uncertain figures: every band has zero width.'
          : table,
        '',
        `${s.rows.length - moved.length} of ${s.rows.length} rows do not move with the uncertain figures (their band is their value).`,
        '',
        'What the bands rest on:',
        '',
        ...s.assumptions.map((a) => `- ${a}`),
        '',
      ].join('\n');
    })
    .join('\n');
}

const runCommand: Command = {
  name: 'run',
  summary:
    'evaluate a scenario (or every scenario of a set) over its horizon: supply, concentration, demand, balances, resilience',
  usage:
    'rare-earths run SCENARIO.json|presets|PRESET-ID [--id ID] [--draws N [--seed S]] [--format md|json|csv] [--out FILE] [--dataset FILE]',
  options: {
    id: { type: 'string' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    dataset: { type: 'string' },
  },
  positionals: 1,
  run(values, positionals, io) {
    const chosen = format(values.format);
    const dataset = datasetOption(values.dataset);
    const file = positionals[0] as string;
    const read = scenarioFile(file, dataset);
    const { scenarios } = read;
    const one = values.id !== undefined || read.chosen !== undefined;
    const selected = one
      ? [oneScenario(file, dataset, values.id, '--id', read).scenario]
      : scenarios;
    const single = read.single || one;
    if (values.draws !== undefined) {
      const draws = integerOption(values.draws, '--draws');
      const seed = values.seed === undefined ? 1 : integerOption(values.seed, '--seed');
      const simulations = selected.map((scenario, i) =>
        simulate(dataset, scenario, {
          draws,
          seed,
          evaluate: { scenarios },
          ...drawProgress(io, `drawing ${scenario.id} (${i + 1}/${selected.length})`),
        }),
      );
      endProgress(io);
      write(io, values.out, renderSimulations(simulations, chosen, single, namesOf(dataset)));
      return 0;
    }
    if (values.seed !== undefined) throw new UsageError('--seed needs --draws N');
    const evaluator = createEvaluator(dataset, { scenarios });
    const progress = io.stderrIsTTY === true && selected.length > 1;
    const results: ScenarioEvaluation[] = selected.map((scenario, i) => {
      if (progress) io.stderr(`\r\u001b[Kevaluating ${i + 1}/${selected.length}: ${scenario.id}`);
      return evaluator(scenario);
    });
    if (progress) io.stderr('\r\u001b[K');
    const names = namesOf(dataset);
    let text: string;
    if (chosen === 'csv') text = `${rowsCsv(results.flatMap((r) => r.rows))}\r\n`;
    else if (chosen === 'json')
      text = single
        ? renderEvaluation(results[0] as ScenarioEvaluation, { format: 'json' })
        : `${JSON.stringify(results, null, 2)}\n`;
    else text = results.map((r) => renderEvaluation(r, { names })).join('\n');
    write(io, values.out, text);
    return 0;
  },
};

const diffCommand: Command = {
  name: 'diff',
  summary:
    'compare two scenarios: input changes by id, metric deltas beyond a tolerance, HHI band crossings',
  usage:
    'rare-earths diff A.json|PRESET-ID B.json|PRESET-ID [--a ID] [--b ID] [--tolerance REL] [--abs ABS] [--format md|json|csv] [--out FILE] [--dataset FILE]',
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    tolerance: { type: 'string' },
    abs: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    dataset: { type: 'string' },
  },
  positionals: 2,
  run(values, positionals, io) {
    const chosen = format(values.format);
    const rel = toleranceOption(values.tolerance, '--tolerance');
    const abs = toleranceOption(values.abs, '--abs');
    const dataset = datasetOption(values.dataset);
    const [fileA, fileB] = positionals as [string, string];
    const a = oneScenario(fileA, dataset, values.a, '--a');
    const b = oneScenario(fileB, dataset, values.b, '--b');
    const diff = diffScenarios(
      createEvaluator(dataset, { scenarios: a.set })(a.scenario),
      createEvaluator(dataset, { scenarios: b.set })(b.scenario),
      {
        tolerance: {
          ...(rel === undefined ? {} : { rel }),
          ...(abs === undefined ? {} : { abs }),
        },
      },
    );
    write(io, values.out, renderDiff(diff, { format: chosen, names: namesOf(dataset) }));
    return 0;
  },
};

const reportCommand: Command = {
  name: 'report',
  summary:
    'the stage-by-stage picture: shares, HHI and band, chokepoint, supply without China, import reliance, sourcing, sources',
  usage:
    'rare-earths report [--year N] [--element Nd] [--format md|json|csv] [--out FILE] [--dataset FILE] [--scenario FILE|PRESET-ID [--id ID]] [--denominator rowSum|publishedWorldTotal] [--uncertainty [--draws N] [--seed S]] [--trade FILE [--countries FILE]]',
  options: {
    trade: { type: 'string' },
    countries: { type: 'string' },
    uncertainty: { type: 'boolean' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    year: { type: 'string' },
    element: { type: 'string' },
    denominator: { type: 'string' },
    scenario: { type: 'string' },
    id: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    dataset: { type: 'string' },
  },
  positionals: 0,
  run(values, _positionals, io) {
    const chosen = format(values.format);
    const symbol = elementOption(values.element);
    const denominator = values.denominator;
    if (
      denominator !== undefined &&
      denominator !== 'rowSum' &&
      denominator !== 'publishedWorldTotal'
    )
      throw new UsageError(
        `--denominator must be rowSum or publishedWorldTotal, got '${String(denominator)}'`,
      );
    const { dataset, year, heading } = scenarioWorld(values);
    // The denominator was checked just above.
    const reportOptions: Parameters<typeof stageReport>[1] = {
      ...(year === undefined ? {} : { year }),
      ...(symbol === undefined ? {} : { element: symbol }),
      ...(denominator === undefined
        ? {}
        : { denominator: denominator as 'rowSum' | 'publishedWorldTotal' }),
    };
    const report = stageReport(dataset, reportOptions);
    const color = io.isTTY && values.out === undefined && chosen === 'md';
    let text = renderStageReport(report, { format: chosen, names: namesOf(dataset), color });
    if (values.uncertainty === true) {
      const draws = values.draws === undefined ? 1000 : integerOption(values.draws, '--draws');
      const seed = values.seed === undefined ? 1 : integerOption(values.seed, '--seed');
      const bands = reportBands(dataset, report, reportOptions, { draws, seed }, io);
      text = withBands(text, chosen, bands, namesOf(dataset));
    } else if (values.draws !== undefined || values.seed !== undefined)
      throw new UsageError('--draws and --seed need --uncertainty (or use `run --draws`)');
    const finish = (body: string) => {
      write(
        io,
        values.out,
        chosen === 'md' && heading !== undefined ? `${heading}\n\n${body}` : body,
      );
      return 0;
    };
    if (values.trade === undefined) {
      if (values.countries !== undefined) throw new UsageError('--countries needs --trade FILE');
      return finish(text);
    }
    if (chosen !== 'md')
      throw new UsageError(
        '--trade prints its section in markdown only; for data use `import` and rare-earths/trade',
      );
    const file = String(values.trade);
    const request = importRequest(detectFormat(file), [file], { countries: values.countries });
    return importFiles(request, io).then((imports) =>
      finish(text + tradeSection(imports, dataset, namesOf(dataset))),
    );
  },
};

const importCommand: Command = {
  name: 'import',
  summary:
    'read UN Comtrade or CEPII BACI files (streamed, any size), keep the rare-earth codes and merge the flows into a dataset',
  usage:
    'rare-earths import comtrade|baci FILE… --out dataset.json [--dataset base.json] [--countries country_codes.csv] [--prefer importer|exporter|both] [--years YYYY-YYYY] [--unallocated other] [--source-id ID]',
  options: {
    out: { type: 'string' },
    dataset: { type: 'string' },
    countries: { type: 'string' },
    prefer: { type: 'string' },
    years: { type: 'string' },
    unallocated: { type: 'string' },
    'source-id': { type: 'string' },
  },
  positionals: 2,
  variadic: true,
  argument: 'comtrade|baci FILE',
  run(values, positionals, io) {
    const [format, ...files] = positionals;
    const request: ImportRequest = importRequest(String(format), files, values);
    if (values.out === undefined)
      throw new UsageError('--out FILE (the merged dataset) is required');
    const base = datasetOption(values.dataset);
    return importFiles(request, io).then((imports) => {
      const merged = mergeTrade(base, imports);
      write(io, values.out, `${JSON.stringify(merged, null, 2)}\n`);
      io.stdout(importSummary(imports, merged, base, String(values.out)));
      return 0;
    });
  },
};

/**
 * The dataset a report or chart reads: the given one, or with --scenario the scenario's world in
 * the year (default the end of its horizon), from applyScenario.
 */
function scenarioWorld(values: Record<string, string | boolean | undefined>): {
  dataset: Dataset;
  base: Dataset;
  year: number | undefined;
  heading?: string;
  scenario?: { scenario: Scenario; set: Scenario[] };
} {
  const year = yearOption(values.year);
  const dataset = datasetOption(values.dataset);
  if (values.scenario === undefined) {
    if (values.id !== undefined) throw new UsageError('--id needs --scenario FILE');
    return { dataset, base: dataset, year };
  }
  const chosen = oneScenario(String(values.scenario), dataset, values.id, '--id');
  const at = year ?? chosen.scenario.horizon.to;
  return {
    dataset: applyScenario(dataset, chosen.scenario, { scenarios: chosen.set, year: at }),
    base: dataset,
    year: at,
    heading: `> Scenario "${chosen.scenario.name}" (${chosen.scenario.id}) in ${at}: each stage's production as the scenario has it (reference shares × throughput, plus capacity changes). Export restrictions, demand and balances: \`rare-earths run\`.`,
    scenario: chosen,
  };
}

const chartsCommand: Command = {
  name: 'charts',
  summary:
    "write SVG charts: stage shares and a Sankey of the stages by country (with --scenario: in the scenario's world, and its demand stack)",
  usage:
    'rare-earths charts --out DIR [--year N] [--element Nd] [--dataset FILE] [--scenario FILE|PRESET-ID [--id ID] [--draws N [--seed S]]]',
  options: {
    out: { type: 'string' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    year: { type: 'string' },
    element: { type: 'string' },
    scenario: { type: 'string' },
    id: { type: 'string' },
    dataset: { type: 'string' },
  },
  positionals: 0,
  run(values, _positionals, io) {
    if (values.out === undefined) throw new UsageError('--out DIR is required');
    const symbol = elementOption(values.element);
    const world = scenarioWorld(values);
    const { dataset, year } = world;
    const report = stageReport(dataset, {
      ...(year === undefined ? {} : { year }),
      ...(symbol === undefined ? {} : { element: symbol }),
    });
    const dir = String(values.out);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new InputError(
        `${dir}: cannot create the directory (${(error as { code?: string }).code ?? 'error'})`,
      );
    }
    const files: [string, string][] = [
      ['stage-shares.svg', stageSharesChart(report, { names: namesOf(dataset) })],
      ['stage-sankey.svg', stageSankeyChart(report, { names: namesOf(dataset) })],
    ];
    if (world.scenario !== undefined) {
      const evaluation = createEvaluator(world.base, {
        scenarios: world.scenario.set,
      })(world.scenario.scenario);
      if (evaluation.rows.some((row) => row.variable === scenarioVariables.demand.name))
        files.push(['scenario-demand.svg', scenarioDemandChart(evaluation)]);
      if (values.draws !== undefined) {
        files.push(
          ...bandCharts({
            dataset: world.base,
            scenario: world.scenario.scenario,
            set: world.scenario.set,
            draws: integerOption(values.draws, '--draws'),
            seed: values.seed === undefined ? 1 : integerOption(values.seed, '--seed'),
            names: namesOf(world.base),
            ...drawProgress(io, 'drawing the scenario'),
          }),
        );
        endProgress(io);
      } else if (values.seed !== undefined) throw new UsageError('--seed needs --draws N');
    } else if (values.draws !== undefined || values.seed !== undefined)
      throw new UsageError('--draws needs --scenario FILE|PRESET-ID (the bands are of a scenario)');
    for (const [file, svg] of files) write(io, join(dir, file), `${svg}\n`);
    io.stdout(`${files.map(([file]) => join(dir, file)).join('\n')}\n`);
    return 0;
  },
};

const validateCommand: Command = {
  name: 'validate',
  summary:
    'check a dataset, a scenario or an array of scenarios and print every problem with its path',
  usage: 'rare-earths validate FILE [--dataset FILE]',
  options: { dataset: { type: 'string' } },
  positionals: 1,
  run(values, positionals, io) {
    const file = positionals[0] as string;
    const json = readJson(file);
    const dataset = datasetOption(values.dataset);
    const isDataset =
      typeof json === 'object' && json !== null && !Array.isArray(json) && 'schemaVersion' in json;
    let problems: string | undefined;
    let kind: string;
    if (isDataset) {
      kind = 'dataset';
      const result = safeParseDataset(json);
      if (!result.success) problems = result.error.message;
    } else if (Array.isArray(json)) {
      kind = 'scenario set';
      try {
        parseScenarios(json, { dataset });
      } catch (error) {
        if (!isRareEarthsError(error)) throw error;
        problems = error.message;
      }
    } else {
      kind = 'scenario';
      const result = safeParseScenario(json, { dataset });
      if (!result.success) problems = result.error.message;
    }
    if (problems === undefined) {
      io.stdout(`${file}: a valid ${kind}\n`);
      return 0;
    }
    const lines = problems.split('\n');
    const body =
      lines.length === 1 ? [`  ${lines[0]?.replace(/^[A-Za-z]+: /, '')}`] : lines.slice(1);
    io.stderr(`${file}: not a valid ${kind}:\n${body.join('\n')}\n`);
    return 1;
  },
};

/** A preset and its ancestors, oldest first: a set that resolves on its own. */
function presetLineage(preset: Scenario): Scenario[] {
  const chain = [preset];
  let current = preset;
  while (current.parent !== undefined) {
    const parent = presets.find((p) => p.id === current.parent);
    // The presets are checked by the test suite: every parent is a preset, without cycles.
    if (parent === undefined || chain.includes(parent)) break;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

const exportCommand: Command = {
  name: 'export',
  summary:
    'write the embedded baseline dataset, every scenario preset or one preset as JSON, for validate, run and report --dataset to read back',
  usage: 'rare-earths export baseline|presets|PRESET-ID [--out FILE]',
  argument: 'baseline|presets|PRESET-ID',
  options: { out: { type: 'string' } },
  positionals: 1,
  run(values, positionals, io) {
    const what = positionals[0] as string;
    let data: unknown;
    if (what === 'baseline') data = baseline;
    else if (what === PRESETS) data = presets;
    else {
      const preset = presets.find((p) => p.id === what);
      if (preset === undefined)
        throw new UsageError(
          `expected 'baseline', '${PRESETS}' or a preset id (${presets.map((p) => p.id).join(', ')}), got '${what}'`,
        );
      const chain = presetLineage(preset);
      data = chain.length === 1 ? preset : chain;
      if (chain.length > 1) {
        io.stderr(
          `rare-earths export: ${preset.id} inherits from ${chain
            .slice(0, -1)
            .map((p) => p.id)
            .join(', ')}: written together as a set; choose it with --id ${preset.id}\n`,
        );
      }
    }
    write(io, values.out, `${JSON.stringify(data, null, 2)}\n`);
    return 0;
  },
};

function countOption(value: unknown, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (
    typeof value !== 'string' ||
    !/^\d+$/.test(value) ||
    !Number.isSafeInteger(number) ||
    number < min
  )
    throw new UsageError(
      `${name} must be a whole number of at least ${min}, got '${String(value)}'`,
    );
  return number;
}

const attributeCommand: Command = {
  name: 'attribute',
  summary:
    "explain a metric's change from a base (default: no interventions) to a scenario by intervention, with Shapley values; for an HHI also by country",
  usage:
    'rare-earths attribute SCENARIO.json|PRESET-ID --variable NAME [--region R] [--stage S] [--element E] [--year N] [--id ID] [--base FILE|PRESET-ID [--base-id ID]] [--samples N] [--seed N] [--format md|json|csv] [--out FILE] [--dataset FILE]',
  options: {
    variable: { type: 'string' },
    region: { type: 'string' },
    stage: { type: 'string' },
    element: { type: 'string' },
    year: { type: 'string' },
    id: { type: 'string' },
    base: { type: 'string' },
    'base-id': { type: 'string' },
    samples: { type: 'string' },
    seed: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    dataset: { type: 'string' },
  },
  positionals: 1,
  run(values, positionals, io) {
    const chosen = format(values.format);
    if (values.variable === undefined || values.variable === '')
      throw new UsageError(
        "--variable NAME is required: a variable of the evaluation, e.g. 'Balance', 'Concentration|HHI', 'Primary demand' (see docs/scenarios.md, Variables)",
      );
    if (values.stage !== undefined && !isStage(values.stage))
      throw new UsageError(
        `--stage must be mining, separation, metal or magnet, got '${String(values.stage)}'`,
      );
    if (values['base-id'] !== undefined && values.base === undefined)
      throw new UsageError('--base-id needs --base FILE');
    const given = yearOption(values.year);
    const samples = countOption(values.samples, '--samples', 1);
    const seed = countOption(values.seed, '--seed', 0);
    const dataset = datasetOption(values.dataset);
    const file = positionals[0] as string;
    const target = oneScenario(file, dataset, values.id, '--id');
    const base =
      values.base === undefined
        ? undefined
        : oneScenario(String(values.base), dataset, values['base-id'], '--base-id');
    const baseScenario: Scenario = base?.scenario ?? {
      id: 'no-interventions',
      name: 'No interventions',
      horizon: target.scenario.horizon,
      interventions: [],
    };
    const ids = new Set(target.set.map((s) => s.id));
    const scenarios = [...target.set, ...(base?.set ?? []).filter((s) => !ids.has(s.id))];
    const year = given ?? target.scenario.horizon.to;
    const attribution = attribute(dataset, baseScenario, target.scenario, {
      metric: {
        variable: String(values.variable),
        year,
        ...(values.region === undefined ? {} : { region: String(values.region) }),
        ...(values.stage === undefined ? {} : { stage: values.stage as Stage }),
        ...(values.element === undefined ? {} : { element: String(values.element) }),
      },
      scenarios,
      ...(samples === undefined ? {} : { samples }),
      ...(seed === undefined ? {} : { seed }),
    });
    const text = renderAttribution(attribution, {
      format: chosen,
      names: namesOf(dataset),
      base: base === undefined ? 'no interventions' : baseScenario.id,
      scenario: target.scenario.id,
    });
    const notes = [
      ...(base === undefined
        ? [
            '> Base: the same horizon with no interventions (--base FILE|PRESET-ID to compare with another scenario).',
          ]
        : []),
      ...(given === undefined
        ? [`> --year not given: the last year of the horizon, ${year}.`]
        : []),
    ];
    write(
      io,
      values.out,
      chosen === 'md' && notes.length > 0 ? `${notes.join('\n')}\n\n${text}` : text,
    );
    return 0;
  },
};

const elementsCommand: Command = {
  name: 'elements',
  summary: 'list the 17 rare-earth elements with atomic weights, oxides, factors and groups',
  usage: 'rare-earths elements [--format md|json|csv]',
  options: { format: { type: 'string' } },
  positionals: 0,
  run(values, _positionals, io) {
    const chosen = format(values.format);
    const records = elementSymbols().map((symbol) => ({
      ...element(symbol),
      oxideToMetal: oxideToMetal(symbol),
      metalToOxide: metalToOxide(symbol),
    }));
    if (chosen === 'json') {
      io.stdout(`${JSON.stringify(records, null, 2)}\n`);
      return 0;
    }
    const header = [
      'Z',
      'symbol',
      'name',
      'atomic weight',
      'oxide',
      'oxide→metal',
      'metal→oxide',
      'USGS',
      'EU',
    ];
    const rows = records.map((r) => [
      String(r.atomicNumber),
      r.symbol,
      r.name,
      r.atomicWeight,
      r.oxide.formula,
      r.oxideToMetal.toFixed(4),
      r.metalToOxide.toFixed(4),
      r.groups.usgs,
      r.groups.eu,
    ]);
    io.stdout(`${chosen === 'csv' ? csvTable(header, rows) : markdownTable(header, rows)}\n`);
    return 0;
  },
};

const COMMANDS: readonly Command[] = [
  reportCommand,
  importCommand,
  chartsCommand,
  runCommand,
  diffCommand,
  attributeCommand,
  exportCommand,
  validateCommand,
  elementsCommand,
];

function helpText(info: CliInfo): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `rare-earths ${info.version}: the rare-earth supply chain, deposit to magnet`,
    '',
    'Usage: rare-earths <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  --help, -h     show help (also: rare-earths <command> --help)',
    '  --version, -v  print the version',
    '',
    'Without --dataset, commands use the embedded baseline dataset (rare-earths/data).',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `Usage: ${command.usage}\n\n${command.summary}\n`;
}

/**
 * Run the command line with the given arguments (without `node` and the script path) and return
 * the exit code: 0 on success, 1 when the input was refused or the work failed, 2 for a usage
 * error. User errors print one line and a usage hint, never a stack trace.
 *
 * @internal
 */
export function main(argv: readonly string[], io: CliIo, info: CliInfo): number | Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic =
      first === 'help' ? COMMANDS.find((command) => command.name === rest[0]) : undefined;
    io.stdout(topic === undefined ? helpText(info) : commandHelp(topic));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${info.version}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === first);
  if (command === undefined) {
    io.stderr(`rare-earths: unknown command '${first}'\nRun 'rare-earths --help' for usage.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0]);
    }
    if (
      command.variadic === true
        ? parsed.positionals.length < command.positionals
        : parsed.positionals.length !== command.positionals
    ) {
      throw new UsageError(
        command.positionals === 0
          ? `unexpected argument '${parsed.positionals[0]}'`
          : parsed.positionals.length === 0 && command.positionals === 1
            ? `a ${command.argument ?? 'FILE'} argument is required`
            : `expected ${command.positionals} argument${command.positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`,
      );
    }
    const code = command.run(
      parsed.values as Record<string, string | boolean | undefined>,
      parsed.positionals,
      io,
    );
    return typeof code === 'number'
      ? code
      : code.catch((error: unknown) => failure(command, io, error));
  } catch (error) {
    return failure(command, io, error);
  }
}

/** The exit code of a command that threw: 2 for a usage error, 1 for refused input. */
function failure(command: Command, io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`rare-earths ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
    return 2;
  }
  if (error instanceof InputError) {
    io.stderr(
      `rare-earths ${command.name}: ${error.message}\nRun 'rare-earths ${command.name} --help' for usage.\n`,
    );
    return 1;
  }
  if (isRareEarthsError(error)) {
    io.stderr(`rare-earths ${command.name}: ${error.message.replace(/\n/g, ' ')}\n`);
    return 1;
  }
  throw error;
}
