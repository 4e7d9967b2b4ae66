// `charts --scenario S --draws N`: the scenario's bands as fan charts (supply outside the
// excluded countries by stage; each importer's balance by element) and a tornado of what moves the
// largest shortfall (or, without one, separation supply outside the excluded countries) at the
// end of the horizon.
import type { Dataset, Scenario, ScenarioRow } from '../index.js';
import { createEvaluator, scenarioVariables } from '../index.js';
import { type FanSeries, fanChart, tornadoChart } from '../report/index.js';
import { simulate, tornado } from '../uncertainty/index.js';

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

const quantile = (
  row: { band: { quantiles: readonly { p: number; value: number }[] } },
  p: number,
) => row.band.quantiles.find((q) => q.p === p)?.value ?? Number.NaN;

/**
 * A reader's name for a tornado input: a group of several figures by its sources, a single
 * figure by what it is (read off its id: collection / keys … / field).
 */
function inputName(
  group: string,
  ids: readonly string[],
  names: Readonly<Record<string, string>>,
): string {
  const country = (code: string | undefined) => (code === undefined ? '' : (names[code] ?? code));
  const rounding = group.startsWith('rounding-') ? ' (rounding)' : '';
  if (ids.length !== 1) return `${group.replaceAll('+', ' vs ')} (${ids.length} figures)`;
  const parts = (ids[0] as string).split('/');
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
          low: years.map((y) => quantile(at(y), 0.05)),
          high: years.map((y) => quantile(at(y), 0.95)),
          median: years.map((y) => quantile(at(y), 0.5)),
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
    const evaluate = (d: Dataset) => createEvaluator(d, { scenarios: [...set] })(scenario);
    const pick = (d: Dataset) =>
      evaluate(d).rows.find(
        (r) =>
          r.variable === target.variable &&
          r.region === target.region &&
          r.stage === target.stage &&
          r.element === target.element &&
          r.year === target.year,
      )?.value ?? Number.NaN;
    const swings = tornado(dataset, pick, { figures: result.figures });
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
            name: inputName(b.group, b.figures, names),
            atLow: b.atLow,
            atHigh: b.atHigh,
          })),
        },
        {
          title: `${scenario.name}: what moves the ${what.replace(/\s+/g, ' ')}`,
          assumptions: [
            'Each input is a correlation group of uncertain figures (two editions of a source, or a published share with its rounding), moved to its low and high ends together.',
          ],
        },
      ),
    ]);
  }
  return files;
}
