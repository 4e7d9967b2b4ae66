// `report --uncertainty`: the report's headline figures with their bands, in md, json or csv.
// `charts --scenario S --draws N`: the scenario's bands as fan charts (supply outside the
// excluded countries by stage; each importer's balance by element) and a tornado of what moves the
// largest shortfall (or, without one, separation supply outside the excluded countries) at the
// end of the horizon.
import type {
  Dataset,
  Scenario,
  ScenarioRow,
  StageReportBand,
  StageReportData,
  StageReportUncertainty,
} from '../index.js';
import { scenarioVariables } from '../index.js';
import {
  type FanSeries,
  fanChart,
  type StageReportOptions,
  stageReport,
  tornadoChart,
} from '../report/index.js';
import { csvTable, markdownTable } from '../report/internal.js';
import { type Band, scenarioTornado, simulate, simulateMetrics } from '../uncertainty/index.js';

/** What a band chart is about: the scenario, the data and the draws. */
export interface BandRequest {
  readonly dataset: Dataset;
  readonly scenario: Scenario;
  readonly set: readonly Scenario[];
  readonly draws: number;
  readonly seed: number;
  readonly names: Readonly<Record<string, string>>;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Where a draw count is shown: standard error, and whether it is a terminal. */
interface ProgressIo {
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY?: boolean;
}

/** The `onProgress` option that shows `label: done/total` on a terminal (nothing elsewhere). */
export function drawProgress(
  io: ProgressIo,
  label: string,
): { onProgress?: (done: number, total: number) => void } {
  return io.stderrIsTTY === true
    ? { onProgress: (done, total) => io.stderr(`\r\u001b[K${label}: ${done}/${total}`) }
    : {};
}

/** Clear the progress line that {@link drawProgress} left on a terminal. */
export function endProgress(io: ProgressIo): void {
  if (io.stderrIsTTY === true) io.stderr('\r\u001b[K');
}

/** A band's value at the quantile `p` (NaN when the band has no such quantile). */
const quantile = (band: Band, p: number) =>
  band.quantiles.find((x) => x.p === p)?.value ?? Number.NaN;

/**
 * A reader's name for a tornado input: a group of several figures by its sources, a single
 * figure by what it is (read off its id: collection / keys … / field).
 */
function inputName(
  group: string,
  ids: readonly string[],
  names: Readonly<Record<string, string>>,
  scenarioIds: ReadonlySet<string>,
): string {
  const country = (code: string | undefined) => (code === undefined ? '' : (names[code] ?? code));
  const rounding = group.startsWith('rounding-') ? ' (rounding)' : '';
  if (ids.length !== 1) return `${group.replaceAll('+', ' vs ')} (${ids.length} figures)`;
  const parts = (ids[0] as string).split('/');
  if (scenarioIds.has(ids[0] as string)) return `the scenario's ${parts.slice(1).join(' ')}`;
  switch (parts[0]) {
    case 'tradeFlows':
      return `${country(parts[2])}'s share of ${country(parts[3])} imports of ${parts[6] ?? ''}, ${parts[1] ?? ''}${rounding}`;
    case 'stageOutputs':
      return `${country(parts[2])}'s ${parts[1] ?? ''} share, ${parts[3] ?? ''}${rounding}`;
    case 'balances':
      return `${country(parts[1])} ${parts[4] ?? ''} ${parts[5] ?? ''}, ${parts[2] ?? ''}${rounding}`;
    default:
      return `${ids[0] as string}${rounding}`;
  }
}

/** The SVG files of a scenario's bands, by file name. */
export function bandCharts(request: BandRequest): [string, string][] {
  const { dataset, scenario, set, draws, seed, names } = request;
  const result = simulate(dataset, scenario, {
    draws,
    seed,
    evaluate: { scenarios: [...set] },
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
  });
  const years = Array.from(
    { length: scenario.horizon.to - scenario.horizon.from + 1 },
    (_, k) => scenario.horizon.from + k,
  );
  const caption = [`${draws} draws (seed ${seed}). ${result.assumptions[0] ?? ''}`];
  // One series per key (a stage, an importer and element), a value per year of the horizon.
  const seriesOf = (
    rows: readonly (typeof result.rows)[number][],
    keyOf: (row: ScenarioRow) => string,
    nameOf: (row: ScenarioRow) => string,
  ): FanSeries[] => {
    const byKey = new Map<string, (typeof result.rows)[number][]>();
    for (const row of rows) byKey.set(keyOf(row), [...(byKey.get(keyOf(row)) ?? []), row]);
    return [...byKey.values()]
      .filter((list) => years.every((y) => list.some((r) => r.year === y)))
      .map((list) => {
        const at = (y: number) => list.find((r) => r.year === y) as (typeof list)[number];
        return {
          name: nameOf(list[0] as ScenarioRow),
          value: years.map((y) => at(y).value),
          low: years.map((y) => quantile(at(y).band, 0.05)),
          high: years.map((y) => quantile(at(y).band, 0.95)),
          median: years.map((y) => quantile(at(y).band, 0.5)),
        };
      });
  };
  const files: [string, string][] = [];
  const outside = seriesOf(
    result.rows.filter((r) => r.variable === scenarioVariables.supplyOutside.name),
    (r) => r.stage ?? '',
    (r) => `${r.stage ?? 'all stages'}`,
  );
  if (outside.length > 0)
    files.push([
      'scenario-supply-bands.svg',
      fanChart(
        { years, unit: 't/yr', series: outside },
        {
          title: `${scenario.name}: supply outside the excluded countries, P5–P95`,
          assumptions: caption,
        },
      ),
    ]);
  const balances = result.rows.filter((r) => r.variable === scenarioVariables.balance.name);
  const balance = seriesOf(
    balances,
    (r) => `${r.region}|${r.element ?? ''}|${r.stage ?? ''}`,
    (r) => `${names[r.region] ?? r.region} ${r.element ?? 'all rare earths'}`,
  );
  if (balance.length > 0)
    files.push([
      'scenario-balance-bands.svg',
      fanChart(
        { years, unit: 't/yr (negative: shortfall)', series: balance },
        {
          title: `${scenario.name}: import balances, P5–P95`,
          assumptions: caption,
        },
      ),
    ]);
  // The tornado's result: the largest shortfall at the end of the horizon, else the first
  // stage's supply outside the excluded countries then.
  const last = years[years.length - 1] as number;
  const atEnd = result.rows.filter((r) => r.year === last);
  const shortfall = atEnd
    .filter((r) => r.variable === scenarioVariables.balance.name && r.value < 0)
    .sort((a, b) => a.value - b.value)[0];
  const target =
    shortfall ?? atEnd.find((r) => r.variable === scenarioVariables.supplyOutside.name);
  if (target !== undefined && result.figures.length > 0) {
    const pick = (evaluation: { readonly rows: readonly ScenarioRow[] }) =>
      evaluation.rows.find(
        (r) =>
          r.variable === target.variable &&
          r.region === target.region &&
          r.stage === target.stage &&
          r.element === target.element &&
          r.year === target.year,
      )?.value ?? Number.NaN;
    // The data's figures as drawn above; the scenario's own numbers are added by scenarioTornado.
    const swings = scenarioTornado(dataset, scenario, pick, {
      figures: result.figures.filter((f) => f.path[0] !== 'scenario'),
      evaluate: { scenarios: [...set] },
    });
    const scenarioIds = new Set(
      result.figures.filter((f) => f.path[0] === 'scenario').map((f) => f.id),
    );
    const what =
      target.variable === scenarioVariables.balance.name
        ? `${names[target.region] ?? target.region} ${target.element ?? ''} balance in ${last}`
        : `${target.stage ?? ''} supply outside the excluded countries in ${last}`;
    files.push([
      'scenario-tornado.svg',
      tornadoChart(
        {
          metric: what.replace(/\s+/g, ' '),
          unit: target.unit,
          value: swings.value,
          bars: swings.bars.map((b) => ({
            name: inputName(b.group, b.figures, names, scenarioIds),
            atLow: b.atLow,
            atHigh: b.atHigh,
          })),
        },
        {
          title: `${scenario.name}: what moves the ${what.replace(/\s+/g, ' ')}`,
          assumptions: [
            'Each input is a correlation group of uncertain figures (two editions of a source, a published share with its rounding, or a number of the scenario with the range its intervention states), moved to its low and high ends together.',
          ],
        },
      ),
    ]);
  }
  return files;
}

/**
 * Each stage's leader share and HHI over the draws of the dataset's uncertain figures: the stage
 * report recomputed on every draw.
 */
export function reportBands(
  dataset: Dataset,
  report: StageReportData,
  options: StageReportOptions,
  draw: { readonly draws: number; readonly seed: number },
  io: ProgressIo,
): StageReportUncertainty {
  const metrics = (d: Dataset) => {
    const drawn = stageReport(d, options);
    const out: Record<string, number> = {};
    for (const stage of report.stages) {
      const again = drawn.stages.find((s) => s.stage === stage.stage);
      // The leader of the dataset as is, followed through the draws (its share in the drawn table).
      out[`${stage.stage}|share`] =
        again?.top.find((t) => t.country === stage.leader.country)?.share ?? 0;
      out[`${stage.stage}|hhiPoints`] = again?.hhiPoints ?? Number.NaN;
    }
    return out;
  };
  const result = simulateMetrics(dataset, metrics, {
    draws: draw.draws,
    seed: draw.seed,
    ...drawProgress(io, 'drawing the report'),
  });
  endProgress(io);
  const bands = report.stages.flatMap((stage): StageReportBand[] =>
    (['share', 'hhiPoints'] as const).flatMap((metric): StageReportBand[] => {
      const band = result.metrics[`${stage.stage}|${metric}`];
      return band === undefined
        ? []
        : [
            {
              stage: stage.stage,
              year: stage.year,
              subject: metric === 'share' ? stage.leader.country : 'all',
              metric,
              unit: metric === 'share' ? 'fraction' : 'points',
              source: stage.source,
              band,
            },
          ];
    }),
  );
  return {
    draws: result.draws,
    seed: result.seed,
    quantiles: result.quantiles,
    figures: result.figures.length,
    groups: result.groups.length,
    assumptions: result.assumptions,
    bands,
  };
}

/**
 * The report's text with its bands: a section after the Markdown, an `uncertainty` member of the
 * JSON, or rows of the section `uncertainty` in the CSV (one per statistic: value, mean, min,
 * max, p5, p50, p95).
 */
export function withBands(
  text: string,
  format: 'md' | 'json' | 'csv',
  result: StageReportUncertainty,
  names: Readonly<Record<string, string>>,
): string {
  if (format === 'json') {
    const report = JSON.parse(text) as Record<string, unknown>;
    return `${JSON.stringify({ ...report, uncertainty: result }, null, 2)}\n`;
  }
  if (format === 'csv') {
    const stats = (band: Band): [string, number][] => [
      ['value', band.value],
      ['mean', band.mean],
      ['min', band.min],
      ['max', band.max],
      ...band.quantiles.map((x): [string, number] => [`p${Math.round(x.p * 100)}`, x.value]),
    ];
    const rows = result.bands.flatMap((b) =>
      stats(b.band).map(([stat, value]) => [
        'uncertainty',
        b.stage,
        String(b.year),
        b.subject,
        `${b.metric === 'share' ? 'share' : 'hhi points'}|${stat}`,
        String(value),
        b.unit,
        `${b.source}; ${result.draws} draws, seed ${result.seed}`,
      ]),
    );
    // The report's rows, then the band rows under the same header (which is left out here).
    const header = ['section', 'stage', 'year', 'subject', 'metric', 'value', 'unit', 'source'];
    const body = csvTable(header, rows).split('\r\n').slice(1);
    return `${text.replace(/\r?\n$/, '')}\r\n${body.join('\r\n')}\r\n`;
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const pts = (x: number) => Math.round(x).toLocaleString('en-US');
  const cell = (band: Band | undefined, show: (x: number) => string) =>
    band === undefined
      ? ['', '']
      : [
          show(band.value),
          band.max > band.min
            ? `${show(quantile(band, 0.05))}–${show(quantile(band, 0.95))}`
            : 'no spread',
        ];
  const stages = [...new Set(result.bands.map((b) => b.stage))];
  const rows = stages.map((stage) => {
    const share = result.bands.find((b) => b.stage === stage && b.metric === 'share');
    const hhi = result.bands.find((b) => b.stage === stage && b.metric === 'hhiPoints');
    const leader = share?.subject ?? '';
    return [
      stage,
      String(share?.year ?? hhi?.year ?? ''),
      names[leader] ?? leader,
      ...cell(share?.band, pct),
      ...cell(hhi?.band, pts),
    ];
  });
  return [
    text.replace(/\n$/, ''),
    '',
    `## How sure: bands over ${result.draws} draws (seed ${result.seed})`,
    '',
    markdownTable(
      ['Stage', 'Year', 'Leader', 'Leader share', 'P5–P95', 'HHI (points)', 'P5–P95'],
      rows,
    ),
    '',
    ...result.assumptions.map((a) => `- ${a}`),
    '',
  ].join('\n');
}
