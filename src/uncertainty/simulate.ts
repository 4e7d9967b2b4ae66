// Monte Carlo over a dataset's uncertain figures: draw one number per correlation group, move the
// figures of the group together, run the analysis on the dataset at that draw, and summarise each
// metric. Seeded, so the same seed gives the same bands in Node and in a browser.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Dataset, FigureUncertainty, Scenario } from '../model/index.js';
import { checkFraction, checkInteger } from '../numeric/internal.js';
import type { EvaluateOptions, ScenarioAssumption, ScenarioRow } from '../scenario/index.js';
import {
  compareRows,
  evaluateResolved,
  evaluateSteps,
  type RowSink,
  readEvaluationInputs,
  redrawInputs,
  redrawPlan,
  redrawTargets,
  resolveChecked,
  rowKey,
  stepMemo,
} from '../scenario/internal.js';
import { datasetWith, recordsAt, scenarioWith } from './draw.js';
import {
  type DerivedResidual,
  derivedResiduals,
  figureAt,
  scenarioFigures,
  type UncertainFigure,
  uncertainFigures,
} from './figures.js';
import {
  type Accumulator,
  type Band,
  exactAccumulator,
  sharedAccumulators,
  streamingAccumulator,
} from './summary.js';

/**
 * The most draws one call takes: 10⁶, about 8 MB per metric with exact quantiles.
 *
 * @category Uncertainty
 */
export const MAX_DRAWS = 1_000_000;

/**
 * Options for {@link simulate} and {@link simulateMetrics}.
 *
 * @category Uncertainty
 */
export interface SimulationOptions {
  /** The number of draws, an integer from 1 to 1,000,000. */
  readonly draws: number;
  /** The seed of the generator (xoroshiro128+), an integer from −2³¹ to 2³¹ − 1. */
  readonly seed: number;
  /** The quantiles to report, fractions in [0, 1]; default `[0.05, 0.5, 0.95]` (P5, P50, P95). */
  readonly quantiles?: readonly number[];
  /** Also return every draw's value of every metric; default `false`. */
  readonly keepDraws?: boolean;
  /**
   * `'exact'` (default): quantiles of the draws by numpy's default rule, keeping one float64 per
   * draw for each metric that moves (none for one that does not); `'streaming'`: the P² estimator (Jain & Chlamtac 1985), memory
   * flat in the number of draws, quantiles approximate (for a smooth distribution and 10,000
   * draws, typically within a fraction of a percent of the exact ones). Not with `keepDraws`.
   */
  readonly quantileMethod?: 'exact' | 'streaming';
  /** The uncertain figures to draw; default {@link uncertainFigures} of the dataset. */
  readonly figures?: readonly UncertainFigure[];
  /** Called with (draws done, draws in all) after each hundredth of the draws, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Options for {@link simulate}.
 *
 * @category Uncertainty
 */
export interface SimulateOptions extends SimulationOptions {
  /** The evaluation's options, as {@link index!evaluate} takes them. */
  readonly evaluate?: EvaluateOptions;
}

/**
 * What a simulation drew: the figures, their groups, and the rules it applied.
 *
 * @category Uncertainty
 */
export interface SimulationSetup {
  /** The number of draws. */
  readonly draws: number;
  /** The seed. */
  readonly seed: number;
  /** The quantiles reported. */
  readonly quantiles: readonly number[];
  /** How the quantiles were computed. */
  readonly quantileMethod: 'exact' | 'streaming';
  /** The figures drawn. */
  readonly figures: readonly UncertainFigure[];
  /** The correlation groups, in the order their numbers are drawn. */
  readonly groups: readonly string[];
  /** What the bands rest on, in words. */
  readonly assumptions: readonly string[];
}

/**
 * The bands of {@link simulateMetrics}.
 *
 * @category Uncertainty
 */
export interface MetricsSimulation extends SimulationSetup {
  /** Each metric's band, by the name the metric function gave it. */
  readonly metrics: Readonly<Record<string, Band>>;
}

/**
 * A row of an evaluation with its band.
 *
 * @category Uncertainty
 */
export interface SimulatedRow extends ScenarioRow {
  /** The variable, one of the names `scenarioVariables` (from `rare-earths`) lists. */
  readonly variable: ScenarioRow['variable'];
  /** The row's value over the draws; `band.value` equals `value`, the evaluation of the dataset as is. */
  readonly band: Band;
}

/**
 * The bands of {@link simulate}.
 *
 * @category Uncertainty
 */
export interface ScenarioSimulation extends SimulationSetup {
  /** The scenario's id. */
  readonly scenario: string;
  /** Every row of the evaluation, in its order, each with its band. */
  readonly rows: readonly SimulatedRow[];
  /** The assumptions of the evaluation of the dataset as is. */
  readonly evaluationAssumptions: readonly ScenarioAssumption[];
}

type Checked = {
  readonly draws: number;
  readonly seed: number;
  readonly quantiles: readonly number[];
  readonly keepDraws: boolean;
  readonly method: 'exact' | 'streaming';
  readonly figures: readonly UncertainFigure[];
  readonly residuals: readonly DerivedResidual[];
  /** The correlation groups, sorted: the order their numbers are drawn in. */
  readonly groups: readonly string[];
};

/**
 * A generator seed: an integer in the 32-bit range that xoroshiro128+ takes.
 *
 * @internal
 */
export function checkSeed(fn: string, value: unknown): number {
  const seed = checkInteger(fn, ['options', 'seed'], value, -(2 ** 31));
  if (seed > 2 ** 31 - 1)
    invalidArgument(fn, ['options', 'seed'], 'an integer from -2147483648 to 2147483647', seed);
  return seed;
}

function checkOptions(
  fn: string,
  dataset: Dataset,
  options: SimulationOptions,
  scenarioOwn: readonly UncertainFigure[] = [],
): Checked {
  if (typeof options !== 'object' || options === null)
    invalidArgument(fn, ['options'], 'an options object { draws, seed }', options);
  const draws = checkInteger(fn, ['options', 'draws'], options.draws, 1);
  if (draws > MAX_DRAWS)
    invalidArgument(
      fn,
      ['options', 'draws'],
      `at most ${MAX_DRAWS.toLocaleString('en-US')} draws`,
      draws,
    );
  const seed = checkSeed(fn, options.seed);
  const raw = options.quantiles ?? [0.05, 0.5, 0.95];
  if (!Array.isArray(raw) || raw.length === 0)
    invalidArgument(fn, ['options', 'quantiles'], 'a non-empty array of fractions', raw);
  const quantiles = raw
    .map((p, i) => checkFraction(fn, ['options', 'quantiles', i], p))
    .sort((a, b) => a - b);
  const method = options.quantileMethod ?? 'exact';
  if (method !== 'exact' && method !== 'streaming')
    invalidArgument(fn, ['options', 'quantileMethod'], "'exact' or 'streaming'", method);
  const keepDraws = options.keepDraws ?? false;
  if (typeof keepDraws !== 'boolean')
    invalidArgument(fn, ['options', 'keepDraws'], 'true or false', keepDraws);
  if (keepDraws && method === 'streaming')
    invalidArgument(
      fn,
      ['options', 'keepDraws'],
      "false with quantileMethod 'streaming' (keeping the draws is what streaming avoids)",
      keepDraws,
    );
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    invalidArgument(fn, ['options', 'onProgress'], 'a function (done, total)', options.onProgress);
  const figures = options.figures ?? uncertainFigures(dataset);
  if (!Array.isArray(figures))
    invalidArgument(fn, ['options', 'figures'], 'an array of uncertain figures', figures);
  figures.forEach((f, i) => {
    checkFigure(fn, ['options', 'figures', i], f);
  });
  const all = [...figures, ...scenarioOwn];
  return {
    draws,
    seed,
    quantiles,
    keepDraws,
    method,
    figures: all,
    residuals: derivedResiduals(dataset, figures),
    groups: [...new Set(all.map((f) => f.group))].sort(),
  };
}

function checkFigure(
  fn: string,
  path: readonly (string | number)[],
  figure: UncertainFigure,
): void {
  if (typeof figure !== 'object' || figure === null || !Array.isArray(figure.path))
    invalidArgument(fn, path, 'an uncertain figure { id, path, editions, group }', figure);
  if (figure.path[0] === 'scenario')
    invalidArgument(
      fn,
      [...path, 'path'],
      "the path of a dataset figure (simulate draws the scenario's own uncertain numbers from its interventions)",
      figure.path,
    );
  if (figure.uncertainty !== undefined)
    checkStated(fn, [...path, 'uncertainty'], figure.uncertainty);
  else if (!Array.isArray(figure.editions) || figure.editions.length < 2)
    invalidArgument(
      fn,
      [...path, 'editions'],
      'at least two editions (or an uncertainty)',
      figure.editions,
    );
  if (!Array.isArray(figure.editions))
    invalidArgument(fn, [...path, 'editions'], 'an array of editions', figure.editions);
  figure.editions.forEach((e, i) => {
    if (typeof e?.value !== 'number' || !Number.isFinite(e.value) || e.value < 0)
      invalidArgument(
        fn,
        [...path, 'editions', i, 'value'],
        'a finite non-negative number',
        e?.value,
      );
  });
  if (typeof figure.group !== 'string' || figure.group === '')
    invalidArgument(fn, [...path, 'group'], 'a group name', figure.group);
}

const KINDS = ['uniform', 'triangular', 'pert', 'normal', 'lognormal', 'values'];

// The rules parseDataset applies to a record's uncertainty, for figures a caller builds by hand.
function checkStated(fn: string, path: readonly (string | number)[], u: FigureUncertainty): void {
  if (typeof u !== 'object' || u === null || !KINDS.includes(u.kind))
    invalidArgument(
      fn,
      [...path, 'kind'],
      `one of ${KINDS.map((k) => `'${k}'`).join(', ')}`,
      u?.kind,
    );
  const finite = (field: string, value: unknown, min = Number.NEGATIVE_INFINITY) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
      invalidArgument(
        fn,
        [...path, field],
        min === 0 ? 'a finite non-negative number' : 'a finite number',
        value,
      );
  };
  switch (u.kind) {
    case 'uniform':
      finite('low', u.low);
      finite('high', u.high);
      if (u.low > u.high)
        invalidArgument(fn, [...path, 'high'], `a number ≥ low (${u.low})`, u.high);
      return;
    case 'triangular':
    case 'pert':
      finite('low', u.low);
      finite('mode', u.mode);
      finite('high', u.high);
      if (!(u.low <= u.mode && u.mode <= u.high))
        invalidArgument(
          fn,
          [...path, 'mode'],
          `low ≤ mode ≤ high (low ${u.low}, high ${u.high})`,
          u.mode,
        );
      return;
    case 'normal':
    case 'lognormal':
      finite('mean', u.mean, u.kind === 'lognormal' ? Number.MIN_VALUE : Number.NEGATIVE_INFINITY);
      finite('sd', u.sd, 0);
      return;
    case 'values':
      if (!Array.isArray(u.values) || u.values.length < 2)
        invalidArgument(fn, [...path, 'values'], 'an array of at least two numbers', u.values);
      u.values.forEach((v, i) => {
        finite(`values.${i}`, v);
      });
  }
}

type Change = { readonly path: readonly (string | number)[]; readonly value: number };

/**
 * The changes that put every figure at its group's number `u` (a quantile in [0, 1)), then each
 * derived residual share at the rest of its table.
 *
 * @internal
 */
export function changesAt(
  figures: readonly UncertainFigure[],
  residuals: readonly DerivedResidual[],
  u: ReadonlyMap<string, number>,
): Change[] {
  // Only the figures whose group has a number move; the rest keep their values.
  const moved = figures.filter((f) => u.has(f.group));
  const groups = [...new Set(moved.map((f) => f.group))];
  const layout = layoutOf(moved, residuals, groups);
  const values = new Float64Array(layout.paths.length);
  valuesAt(
    moved,
    layout,
    groups.map((g) => u.get(g) as number),
    values,
  );
  return layout.paths.map((path, j) => ({ path, value: values[j] as number }));
}

/** The paths a draw sets, in order (every figure, then each derived residual), and how each is made. */
interface DrawLayout {
  readonly paths: readonly (readonly (string | number)[])[];
  /** For each figure, the position of its group in the groups drawn. */
  readonly group: Int32Array;
  /** For each residual: its table's published sum, and each member's figure (or −1) and value. */
  readonly residuals: readonly {
    readonly total: number;
    readonly members: readonly { readonly at: number; readonly value: number }[];
  }[];
}

function layoutOf(
  figures: readonly UncertainFigure[],
  residuals: readonly DerivedResidual[],
  groups: readonly string[],
): DrawLayout {
  const position = new Map(groups.map((g, i) => [g, i] as const));
  // A residual's member at the path of a drawn figure takes its number (the last figure there).
  const atPath = new Map(figures.map((f, j) => [f.path.join('/'), j] as const));
  return {
    paths: [...figures.map((f) => f.path), ...residuals.map((r) => r.path)],
    group: Int32Array.from(figures, (f) => position.get(f.group) as number),
    residuals: residuals.map((r) => ({
      total: r.total,
      members: r.members.map((m) => ({ at: atPath.get(m.path.join('/')) ?? -1, value: m.value })),
    })),
  };
}

function drawLayout(checked: Checked): DrawLayout {
  return layoutOf(checked.figures, checked.residuals, checked.groups);
}

/**
 * The numbers at the layout's paths for the uniforms `u` (one per group, in the layout's order):
 * each figure at its group's quantile, then each residual the rest of its table, never below 0.
 */
function valuesAt(
  figures: readonly UncertainFigure[],
  layout: DrawLayout,
  u: ArrayLike<number>,
  values: Float64Array,
): void {
  const n = figures.length;
  for (let j = 0; j < n; j++)
    values[j] = figureAt(figures[j] as UncertainFigure, u[layout.group[j] as number] as number);
  layout.residuals.forEach((r, i) => {
    let rest = r.total;
    for (const m of r.members) rest -= m.at < 0 ? m.value : (values[m.at] as number);
    values[n + i] = Math.max(0, rest);
  });
}

/**
 * Each draw's numbers at the layout's paths, in one buffer written over draw by draw: one uniform
 * per group (groups in sorted order, draws in order), then {@link valuesAt}.
 */
function* drawValues(checked: Checked, layout: DrawLayout): Generator<Float64Array> {
  const rng = xoroshiro128plus(checked.seed);
  const u = new Float64Array(checked.groups.length);
  const values = new Float64Array(layout.paths.length);
  for (let d = 0; d < checked.draws; d++) {
    for (let g = 0; g < u.length; g++) u[g] = uniformFloat64(rng);
    valuesAt(checked.figures, layout, u, values);
    yield values;
  }
}

/** The changes of each draw (see {@link drawValues}). */
function* drawsOf(checked: Checked): Generator<readonly Change[]> {
  const layout = drawLayout(checked);
  for (const values of drawValues(checked, layout))
    yield layout.paths.map((path, j) => ({ path, value: values[j] as number }));
}

function assumptionsOf(checked: Checked, groups: readonly string[]): string[] {
  const own = checked.figures.filter((f) => f.path[0] === 'scenario');
  const stated = checked.figures.filter(
    (f) => f.uncertainty !== undefined && f.path[0] !== 'scenario',
  );
  const editions = checked.figures.length - stated.length - own.length;
  const kinds = [...new Set(stated.map((f) => f.uncertainty?.kind))].sort().join(', ');
  const out = [
    `${checked.figures.length} uncertain figure${checked.figures.length === 1 ? '' : 's'} in ${groups.length} correlation group${groups.length === 1 ? '' : 's'} (${groups.length <= 6 ? groups.join('; ') || 'none' : `${groups.slice(0, 3).join('; ')} and ${groups.length - 3} more`}): the figures of a group move to the same quantile together (one draw per group), groups are drawn independently.`,
  ];
  if (editions > 0)
    out.push(
      `${editions} figure${editions === 1 ? '' : 's'} that sources publish with different values, each drawn between its editions: newest at 0, oldest at 1, uniform in between.`,
    );
  if (stated.length > 0)
    out.push(
      `${stated.length} figure${stated.length === 1 ? '' : 's'} drawn from the distribution its record states (${kinds}); normal figures are truncated at 0.`,
    );
  if (own.length > 0)
    out.push(
      `${own.length} number${own.length === 1 ? '' : 's'} of the scenario drawn from the uncertainty its intervention states (${own.map((f) => `${f.id}: ${f.uncertainty?.kind ?? ''} ${f.low}–${f.high}${f.uncertainty?.basis === undefined ? '' : `, ${f.uncertainty.basis}`}`).join('; ')}).`,
    );
  if (checked.residuals.length > 0)
    out.push(
      `${checked.residuals.length} residual share${checked.residuals.length === 1 ? '' : 's'} ('other', derived as the rest of a table) recomputed at each draw, so each table sums to what it was published to sum to.`,
    );
  out.push(
    'Every other figure is held at its value: a band shows the spread of the figures listed, not every error of the data.',
    `${checked.draws} draws, seed ${checked.seed}, generator xoroshiro128+ (pure-rand); quantiles ${checked.method === 'exact' ? "exact (numpy's default 'linear' rule)" : 'by the P² estimator (approximate)'}.`,
  );
  return out;
}

function setup(checked: Checked): SimulationSetup {
  const groups = checked.groups;
  return {
    draws: checked.draws,
    seed: checked.seed,
    quantiles: checked.quantiles,
    quantileMethod: checked.method,
    figures: checked.figures,
    groups,
    assumptions: assumptionsOf(checked, groups),
  };
}

/**
 * Put a draw's rows where their bands are (`put(index of the row in the sorted rows, value)`): by
 * position when the steps gave the template's rows in its order, else matched by key (sorted); a
 * draw that changed which rows exist is refused.
 */
function addRows(
  fn: string,
  d: number,
  rows: readonly ScenarioRow[],
  match: {
    readonly template: readonly ScenarioRow[];
    readonly keys: readonly string[];
    readonly position: readonly number[];
    readonly matched: boolean;
  },
  put: (index: number, value: number) => void,
): void {
  const { template, keys, position, matched } = match;
  const same = (a: ScenarioRow, b: ScenarioRow) =>
    a.variable === b.variable &&
    a.region === b.region &&
    a.year === b.year &&
    a.stage === b.stage &&
    a.element === b.element;
  if (
    matched &&
    rows.length === template.length &&
    rows.every((r, k) => same(r, template[k] as ScenarioRow))
  ) {
    for (let k = 0; k < rows.length; k++)
      put(position[k] as number, (rows[k] as ScenarioRow).value);
    return;
  }
  // The steps gave their rows in another order (or other rows): match them by key.
  const sorted = [...rows].sort(compareRows);
  if (sorted.length !== keys.length || sorted.some((r, i) => rowKey(r) !== keys[i]))
    throw new RareEarthsError(fn, 'not-computable', [
      {
        path: ['draws', d],
        message: `expected the rows of the evaluation of the dataset as is, got ${rows.length} rows instead of ${keys.length} (a drawn figure changed which rows exist)`,
      },
    ]);
  sorted.forEach((r, i) => {
    put(i, r.value);
  });
}

function accumulator(checked: Checked): Accumulator {
  return checked.method === 'exact'
    ? exactAccumulator(checked.quantiles, checked.draws)
    : streamingAccumulator(checked.quantiles);
}

/**
 * Monte Carlo of any analysis of a dataset: draws the dataset's uncertain figures
 * ({@link uncertainFigures}: figures that sources publish with different values), runs `metrics`
 * on the dataset at each draw, and returns each metric's band — its value on the dataset as is,
 * the mean, the minimum and maximum, and the quantiles asked for. The figures of one group (a
 * pair of editions) move together; groups are drawn independently. Shares computed from drawn
 * tonnes sum to 1 in every draw, since only the tonnes move. The dataset is not mutated: each
 * draw is a copy of the touched records.
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param metrics - the analysis: a function from a dataset to named numbers (any unit)
 * @param options - `draws` and `seed`; optionally `quantiles`, `keepDraws`, `quantileMethod`, `figures`
 * @returns the bands by metric and what was drawn
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for draws outside 1–1,000,000, a seed that
 *   is not an integer in the 32-bit range, a quantile outside [0, 1], a figure without two
 *   editions or with a malformed uncertainty (low > high, a negative standard deviation); (`not-computable`) when a draw gives a metric the dataset as is does not, or a
 *   value that is not a finite number; and whatever `metrics` throws
 * @example
 * ```ts
 * import { stageShares } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 * import { simulateMetrics } from 'rare-earths/uncertainty';
 *
 * // China's 2024 mining share, between the USGS MCS 2025 and 2026 editions
 * const band = simulateMetrics(
 *   baseline,
 *   (dataset) => ({
 *     china: stageShares(dataset, { stage: 'mining', year: 2024 }).CHN ?? 0,
 *   }),
 *   { draws: 1000, seed: 7 },
 * ).metrics.china;
 * band?.value.toFixed(3); // => '0.703'
 * band?.quantiles.map((q) => q.value.toFixed(3)); // => ['0.686', '0.694', '0.702']
 * ```
 */
export function simulateMetrics(
  dataset: Dataset,
  metrics: (dataset: Dataset) => Readonly<Record<string, number>>,
  options: SimulationOptions,
): MetricsSimulation {
  const fn = 'simulateMetrics';
  if (typeof dataset !== 'object' || dataset === null || !Array.isArray(dataset.sources))
    invalidArgument(fn, ['dataset'], 'a dataset (e.g. baseline from rare-earths/data)', dataset);
  if (typeof metrics !== 'function')
    invalidArgument(fn, ['metrics'], 'a function from a dataset to named numbers', metrics);
  const checked = checkOptions(fn, dataset, options);
  const central = metrics(dataset);
  const names = Object.keys(central).sort();
  const acc = new Map(names.map((name) => [name, accumulator(checked)]));
  let d = 0;
  const step = Math.max(1, Math.floor(checked.draws / 100));
  for (const changes of drawsOf(checked)) {
    const values = metrics(datasetWith(dataset, changes));
    for (const name of names) {
      const value = values[name];
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new RareEarthsError(fn, 'not-computable', [
          {
            path: ['draws', d, name],
            message: `expected a finite number from metrics at draw ${d}, got ${String(value)}`,
          },
        ]);
      acc.get(name)?.add(value);
    }
    d += 1;
    if (options.onProgress !== undefined && (d % step === 0 || d === checked.draws))
      options.onProgress(d, checked.draws);
  }
  const bands: Record<string, Band> = {};
  for (const name of names) {
    const central_ = central[name];
    if (typeof central_ !== 'number' || !Number.isFinite(central_))
      throw new RareEarthsError(fn, 'not-computable', [
        { path: ['metrics', name], message: `expected a finite number, got ${String(central_)}` },
      ]);
    bands[name] = (acc.get(name) as Accumulator).band(central_, checked.keepDraws);
  }
  return { ...setup(checked), metrics: bands };
}

/**
 * Monte Carlo of a scenario: {@link index!evaluate} on the dataset at each draw of its uncertain
 * figures ({@link uncertainFigures}), with every row of the evaluation given its band (value on
 * the dataset as is, mean, minimum, maximum, quantiles). The scenario is checked and resolved
 * once; each draw recomputes what its figures reach (the stage tables and sizes, import lines and
 * demand paths that read a drawn record) and the steps of the evaluation, and gives every row the
 * number {@link index!evaluate} gives on the drawn dataset, bit for bit; the rest, and what the
 * scenario alone decides year by year, is worked out once. 10,000 draws of the export controls
 * over 2024–2050 take about 1.5 s on 2 cores, 11–23× faster than 10,000 calls of `evaluate`
 * (`bench/RESULTS.md`). See {@link simulateMetrics} for the drawing rule.
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param scenario - the scenario, as {@link index!evaluate} takes it
 * @param options - `draws` and `seed`; optionally `quantiles`, `keepDraws`, `quantileMethod`,
 *   `figures`, and `evaluate` (the evaluation's options)
 * @returns every row with its band, and what was drawn
 * @throws {@link index!RareEarthsError} as {@link index!evaluate} does, and (`invalid-argument`) for the
 *   options as {@link simulateMetrics} does; (`not-computable`) when a draw changes which rows
 *   the evaluation has
 * @example
 * ```ts
 * import { baseline, presets } from 'rare-earths/data';
 * import { simulate } from 'rare-earths/uncertainty';
 *
 * const scenario = presets.find((p) => p.id === 'china-export-controls-2025');
 * const result = simulate(baseline, scenario!, { draws: 100, seed: 1 });
 * const china = result.rows.find(
 *   (r) => r.variable === 'Supply' && r.stage === 'mining' && r.region === 'CHN' && r.year === 2025,
 * );
 * china?.band.quantiles.map((q) => q.p); // => [0.05, 0.5, 0.95]
 * ```
 */
export function simulate(
  dataset: Dataset,
  scenario: Scenario,
  options: SimulateOptions,
): ScenarioSimulation {
  const fn = 'simulate';
  if (typeof dataset !== 'object' || dataset === null || !Array.isArray(dataset.sources))
    invalidArgument(fn, ['dataset'], 'a dataset (e.g. baseline from rare-earths/data)', dataset);
  const evaluateOptions = options.evaluate ?? {};
  const { resolved, lineage } = resolveChecked(fn, dataset, scenario, evaluateOptions);
  // The scenario's own uncertain numbers (its interventions' `uncertainty`) are drawn with the data's.
  const checked = checkOptions(fn, dataset, options, scenarioFigures(resolved));
  const referenceYear = checkInteger(
    fn,
    ['options', 'evaluate', 'referenceYear'],
    evaluateOptions.referenceYear ?? resolved.horizon.from,
    1900,
  );
  const centralInputs = readEvaluationInputs(fn, dataset, referenceYear, evaluateOptions);
  const steps = evaluateSteps(fn, centralInputs, resolved);
  const central = evaluateResolved(fn, centralInputs, resolved, lineage, steps);
  const keys = central.rows.map(rowKey);
  // What a draw need not recompute: when no drawn figure is a demand record, an application or
  // a number of a demand-side intervention, the demand paths and the demand step are the same in
  // every draw as in the evaluation as is (each step is a pure function of its inputs).
  const demandSide = new Set(['demandGrowth', 'recyclingPolicy', 'substitution']);
  const demandFixed = checked.figures.every((f) => {
    if (f.path[0] === 'scenario')
      return !demandSide.has(resolved.interventions[f.path[2] as number]?.kind ?? '');
    return f.path[0] !== 'demand' && f.path[0] !== 'applications' && f.path[0] !== 'endUses';
  });
  // The steps give their rows in an order of their own; where each lands in the sorted rows is
  // found once, so that a draw is matched to its rows without sorting (checked field by field).
  const order = new Map(keys.map((key, index) => [key, index] as const));
  const position = steps.rows.map((row) => order.get(rowKey(row)) as number);
  // Two rows with one key (none in the evaluations known) would share a position: then every
  // draw is matched by sorting instead.
  const matched = order.size === steps.rows.length;
  const template = steps.rows;
  const reuse = demandFixed
    ? { apps: centralInputs.apps, options: centralInputs.options }
    : undefined;
  // A draw recomputes only the stage tables and import lines whose records it changed.
  const plan = redrawPlan(centralInputs, dataset);
  // The steps' plans and the capacity step hold only the scenario's numbers: kept across draws
  // unless the scenario's own numbers are drawn.
  const scenarioFixed = checked.figures.every((f) => f.path[0] !== 'scenario');
  const memo = scenarioFixed ? stepMemo() : undefined;
  // A draw whose inputs were recomputed writes its rows' values in the template's order, not rows.
  const centralValues = Float64Array.from(template, (row) => row.value);
  // The rows of the steps reused in every draw (capacity, demand) are their values as is in every
  // draw: they are not collected draw by draw but put in their bands at the end.
  const fixedRows = !matched
    ? 0
    : (scenarioFixed ? steps.capacity.rows.length : 0) +
      (demandFixed && (scenarioFixed || steps.capacity.rows.length === 0)
        ? steps.demand.rows.length
        : 0);
  const fixed = new Set(position.slice(0, fixedRows));
  // The other rows are collected draw by draw, rows that have drawn the same values sharing one
  // accumulator (sharedAccumulators): `current` holds a draw's values, in `moving` order.
  const moving = keys.flatMap((_, i) => (fixed.has(i) ? [] : [i]));
  const slot = new Int32Array(keys.length).fill(-1);
  moving.forEach((i, j) => {
    slot[i] = j;
  });
  const shared = sharedAccumulators(() => accumulator(checked), moving.length);
  const current = new Float64Array(moving.length);
  const put = (index: number, value: number) => {
    const j = slot[index] as number;
    if (j >= 0) current[j] = value;
  };
  const sink: RowSink | undefined = matched
    ? { template, values: centralValues.slice(), at: 0, ok: true }
    : undefined;
  let d = 0;
  const step = Math.max(1, Math.floor(checked.draws / 100));
  // The paths are the same in every draw: where they reach the inputs is found once.
  const layout = drawLayout(checked);
  const dataAt = layout.paths.flatMap((path, j) => (path[0] === 'scenario' ? [] : [j]));
  const ownAt = layout.paths.flatMap((path, j) => (path[0] === 'scenario' ? [j] : []));
  const targets = redrawTargets(
    plan,
    dataAt.map((j) => layout.paths[j] as readonly (string | number)[]),
  );
  const recordsFor = recordsAt(
    dataset,
    dataAt.map((j) => layout.paths[j] as readonly (string | number)[]),
  );
  const dataValues = new Float64Array(dataAt.length);
  const changesOf = (values: Float64Array, at: readonly number[]) =>
    at.map((j) => ({ path: layout.paths[j] as Change['path'], value: values[j] as number }));
  for (const values of drawValues(checked, layout)) {
    dataAt.forEach((j, i) => {
      dataValues[i] = values[j] as number;
    });
    const own = changesOf(values, ownAt);
    const fast =
      targets === undefined
        ? undefined
        : redrawInputs(fn, centralInputs, plan, recordsFor(dataValues), targets);
    const inputs =
      fast ??
      readEvaluationInputs(
        fn,
        datasetWith(dataset, changesOf(values, dataAt)),
        referenceYear,
        evaluateOptions,
        reuse,
      );
    const drawnScenario = own.length === 0 ? resolved : scenarioWith(resolved, own);
    const demand = demandFixed ? steps.demand : undefined;
    let written = false;
    if (sink !== undefined && fast !== undefined) {
      sink.at = 0;
      sink.ok = true;
      evaluateSteps(fn, inputs, drawnScenario, {
        ...(demand === undefined ? {} : { demand }),
        ...(memo === undefined ? {} : { memo, capacity: steps.capacity }),
        sink,
      });
      written = sink.ok && sink.at === template.length;
      if (written)
        for (let k = fixedRows; k < template.length; k++)
          current[slot[position[k] as number] as number] = sink.values[k] as number;
      // A row the template does not have: the draw is evaluated again with rows, below.
      else sink.values.set(centralValues);
    }
    if (!written) {
      const rows = evaluateSteps(fn, inputs, drawnScenario, {
        ...(demand === undefined ? {} : { demand }),
        ...(memo === undefined ? {} : { memo }),
      }).rows;
      addRows(fn, d, rows, { template, keys, position, matched }, put);
    }
    shared.add(current);
    d += 1;
    if (options.onProgress !== undefined && (d % step === 0 || d === checked.draws))
      options.onProgress(d, checked.draws);
  }
  const bands: Band[] = [];
  const movingBands = shared.bands(
    moving.map((i) => (central.rows[i] as ScenarioRow).value),
    checked.keepDraws,
  );
  moving.forEach((i, j) => {
    bands[i] = movingBands[j] as Band;
  });
  for (const i of fixed) {
    const value = (central.rows[i] as ScenarioRow).value;
    const one = accumulator(checked);
    one.addRepeated(value, d);
    bands[i] = one.band(value, checked.keepDraws);
  }
  const rows = central.rows.map((row, i) => ({ ...row, band: bands[i] as Band }));
  return {
    ...setup(checked),
    scenario: resolved.id,
    rows: rows.sort(compareRows),
    evaluationAssumptions: central.assumptions,
  };
}
