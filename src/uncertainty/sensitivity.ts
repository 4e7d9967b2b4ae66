// Which uncertain inputs drive a result: one-at-a-time swings (a tornado) and variance-based
// Sobol indices. An input is a correlation group, since the figures of a group move together.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Dataset, Scenario } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import type { EvaluateOptions, ScenarioEvaluation } from '../scenario/index.js';
import { evaluateResolved, readEvaluationInputs, resolveChecked } from '../scenario/internal.js';
import { datasetWith, scenarioWith, splitChanges } from './draw.js';
import {
  type DerivedResidual,
  derivedResiduals,
  endQuantiles,
  scenarioFigures,
  type UncertainFigure,
  uncertainFigures,
} from './figures.js';
import { changesAt, checkSeed } from './simulate.js';

/**
 * One input's bar of a tornado: the metric with that input at its low end and at its high end,
 * every other figure at its value.
 *
 * @category Uncertainty
 */
export interface TornadoBar {
  /** The input: a correlation group of uncertain figures. */
  readonly group: string;
  /** The ids of the figures in the group. */
  readonly figures: readonly string[];
  /** The metric with the group at its low end (quantile 0, or 0.05 for normal and lognormal figures). */
  readonly atLow: number;
  /** The metric with the group at its high end (quantile 1, or 0.95 for normal and lognormal figures). */
  readonly atHigh: number;
  /** |atHigh − atLow|, in the metric's unit. */
  readonly swing: number;
}

/**
 * A tornado: the metric as is, and each input's bar, largest swing first.
 *
 * @category Uncertainty
 */
export interface Tornado {
  /** The metric on the dataset as is. */
  readonly value: number;
  /** The bars, largest swing first (ties by group name). */
  readonly bars: readonly TornadoBar[];
}

/**
 * Options for {@link tornado}.
 *
 * @category Uncertainty
 */
export interface TornadoOptions {
  /** The uncertain figures; default {@link uncertainFigures} of the dataset. */
  readonly figures?: readonly UncertainFigure[];
}

function finiteMetric(fn: string, path: readonly (string | number)[], value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new RareEarthsError(fn, 'not-computable', [
      { path: [...path], message: `expected a finite number from metric, got ${String(value)}` },
    ]);
  return value;
}

function groupsOf(figures: readonly UncertainFigure[]): string[] {
  return [...new Set(figures.map((f) => f.group))].sort();
}

/**
 * One-at-a-time sensitivity (a tornado chart's data): for each input — a correlation group of
 * uncertain figures, moved together — the metric with the group at its low end and at its high
 * end, every other figure at its value; bars sorted by swing. The ends are the quantiles 0 and 1
 * of each figure's draw (for editions: the newest and the oldest; for a stated range: its ends),
 * or 0.05 and 0.95 for normal and lognormal figures, whose ends are unbounded.
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param metric - the result to explain: a function from a dataset to a number (any unit)
 * @param options - optionally the `figures` to swing
 * @returns the metric as is and every input's bar
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for a metric that is not a function;
 *   (`not-computable`) when the metric is not a finite number; and whatever `metric` throws
 * @example
 * ```ts
 * import { stageConcentration } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 * import { tornado } from 'rare-earths/uncertainty';
 *
 * // What moves the HHI of 2024 mining most? The two USGS editions, as one revision.
 * const result = tornado(baseline, (d) =>
 *   stageConcentration(d, { year: 2024 }).stages.find((s) => s.stage === 'mining')?.hhiPoints ?? 0,
 * );
 * result.bars[0]?.group; // => 'usgs-mcs-2025+usgs-mcs-2026'
 * ```
 */
export function tornado(
  dataset: Dataset,
  metric: (dataset: Dataset) => number,
  options: TornadoOptions = {},
): Tornado {
  const fn = 'tornado';
  if (typeof metric !== 'function')
    invalidArgument(fn, ['metric'], 'a function from a dataset to a number', metric);
  const figures = options.figures ?? uncertainFigures(dataset);
  const value = finiteMetric(fn, ['metric'], metric(dataset));
  return swingsOf(fn, figures, derivedResiduals(dataset, figures), value, (changes) =>
    metric(datasetWith(dataset, changes)),
  );
}

type Change = ReturnType<typeof changesAt>[number];

/** Each group's bar: the result with the group's figures at their low, then their high ends. */
function swingsOf(
  fn: string,
  figures: readonly UncertainFigure[],
  residuals: readonly DerivedResidual[],
  value: number,
  at: (changes: readonly Change[]) => number,
): Tornado {
  const bars: TornadoBar[] = groupsOf(figures).map((group) => {
    const members = figures.filter((f) => f.group === group);
    const end = (which: 'low' | 'high') => {
      // Each figure of the group at its own end (see endQuantiles): the group is one input.
      const moved = members.map((f) => ({ ...f, group: f.id }));
      const u = new Map(
        members.map((f) => [f.id, endQuantiles(f.uncertainty)[which === 'low' ? 0 : 1]]),
      );
      return finiteMetric(fn, ['groups', group, which], at(changesAt(moved, residuals, u)));
    };
    const atLow = end('low');
    const atHigh = end('high');
    return {
      group,
      figures: members.map((f) => f.id),
      atLow,
      atHigh,
      swing: Math.abs(atHigh - atLow),
    };
  });
  bars.sort((a, b) => b.swing - a.swing || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return { value, bars };
}

/**
 * Options for {@link scenarioTornado}.
 *
 * @category Uncertainty
 */
export interface ScenarioTornadoOptions extends TornadoOptions {
  /** The evaluation's options, as {@link index!evaluate} takes them. */
  readonly evaluate?: EvaluateOptions;
}

/**
 * A tornado of a scenario's result: {@link tornado} with the scenario's own uncertain numbers
 * ({@link scenarioFigures}: an export restriction's cut, a capacity change's tonnes …) among the
 * inputs, beside the dataset's uncertain figures. Each input moves to its low and high end, every
 * other at its value, and the scenario is evaluated ({@link index!evaluate}) at each end.
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param scenario - the scenario, as {@link index!evaluate} takes it
 * @param metric - the result to explain: a function from the evaluation to a number (any unit)
 * @param options - optionally the dataset `figures` to swing and the `evaluate` options
 * @returns the metric on the scenario and dataset as they are, and every input's bar
 * @throws {@link index!RareEarthsError} as {@link index!evaluate} does; (`invalid-argument`) for a
 *   metric that is not a function; (`not-computable`) when the metric is not a finite number
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { scenarioTornado } from 'rare-earths/uncertainty';
 *
 * // A stop of Chinese yttrium exports to the US whose cut is known only to lie in 50–100%.
 * const result = scenarioTornado(
 *   baseline,
 *   {
 *     id: 'licences', name: 'Licences let some through', horizon: { from: 2026, to: 2026 },
 *     interventions: [{
 *       kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 1, from: 2026,
 *       uncertainty: { cut: { kind: 'uniform', low: 0.5, high: 1, basis: 'licences granted are not published' } },
 *     }],
 *   },
 *   (e) => e.rows.find((r) => r.variable === 'Balance' && r.element === 'Y')?.value ?? 0,
 * );
 * result.bars[0]?.group; // => 'licences/y/cut'
 * [result.bars[0]?.atLow, result.bars[0]?.atHigh]; // => [-105, -210]
 * ```
 */
export function scenarioTornado(
  dataset: Dataset,
  scenario: Scenario,
  metric: (evaluation: ScenarioEvaluation) => number,
  options: ScenarioTornadoOptions = {},
): Tornado {
  const fn = 'scenarioTornado';
  if (typeof metric !== 'function')
    invalidArgument(fn, ['metric'], 'a function from an evaluation to a number', metric);
  const evaluateOptions = options.evaluate ?? {};
  const { resolved, lineage } = resolveChecked(fn, dataset, scenario, evaluateOptions);
  const referenceYear = checkInteger(
    fn,
    ['options', 'evaluate', 'referenceYear'],
    evaluateOptions.referenceYear ?? resolved.horizon.from,
    1900,
  );
  const data = options.figures ?? uncertainFigures(dataset);
  const figures = [...data, ...scenarioFigures(resolved)];
  const run = (changes: readonly Change[]) => {
    const { data: moved, own } = splitChanges(changes);
    const ds = datasetWith(dataset, moved);
    return metric(
      evaluateResolved(
        fn,
        readEvaluationInputs(fn, ds, referenceYear, evaluateOptions),
        scenarioWith(resolved, own),
        lineage,
      ),
    );
  };
  const value = finiteMetric(fn, ['metric'], run([]));
  return swingsOf(fn, figures, derivedResiduals(dataset, data), value, run);
}

/**
 * Sobol indices of one input.
 *
 * @category Uncertainty
 */
export interface SobolIndex {
  /** The input: an index from 0 (for {@link sobolIndices}) or a correlation group's name. */
  readonly input: string;
  /** First-order index S₁: the share of the output's variance due to this input alone. */
  readonly first: number;
  /** Total index Sₜ: the share of the variance due to this input with all its interactions. */
  readonly total: number;
}

/**
 * Sobol indices of every input, and what they rest on.
 *
 * @category Uncertainty
 */
export interface SobolResult {
  /** One entry per input, in input order. */
  readonly indices: readonly SobolIndex[];
  /** The output's variance over the sample (the denominator of every index), in the output's unit squared. */
  readonly variance: number;
  /** The base sample size N; the model was run N × (inputs + 2) times. */
  readonly samples: number;
  /** The estimators, in words. */
  readonly method: string;
}

/**
 * Options for {@link sobolIndices} and {@link figureSobol}.
 *
 * @category Uncertainty
 */
export interface SobolOptions {
  /** The base sample size N, an integer from 2 to 1,000,000; the model runs N × (inputs + 2) times. */
  readonly samples: number;
  /** The seed of the generator (xoroshiro128+), an integer from −2³¹ to 2³¹ − 1. */
  readonly seed: number;
}

function checkSobol(fn: string, options: SobolOptions): { samples: number; seed: number } {
  if (typeof options !== 'object' || options === null)
    invalidArgument(fn, ['options'], 'an options object { samples, seed }', options);
  const samples = checkInteger(fn, ['options', 'samples'], options.samples, 2);
  if (samples > 1_000_000)
    invalidArgument(fn, ['options', 'samples'], 'at most 1,000,000 samples', samples);
  return { samples, seed: checkSeed(fn, options.seed) };
}

/**
 * Variance-based sensitivity of a model of independent inputs, each uniform on [0, 1) (map them to
 * any distribution through its quantile function inside the model): first-order indices by the
 * estimator of Saltelli et al. (2010, Comput. Phys. Commun. 181, 259–270, table 2 (b)),
 * S₁ = mean((f(B) − f̄)·(f(A_B⁽ⁱ⁾) − f(A))) / V (outputs centred on their mean f̄, which keeps the
 * estimator's expectation and removes the error a large mean adds), and total indices by Jansen's (1999),
 * Sₜ = mean((f(A) − f(A_B⁽ⁱ⁾))²) / (2V), on two independent pseudo-random matrices A and B of N
 * rows and the matrices A_B⁽ⁱ⁾ (A with column i from B); V is the variance of f over A and B. The
 * estimates carry Monte Carlo error of order 1/√N.
 *
 * @category Uncertainty
 * @param model - the model: a function of one point of [0, 1)^dimensions to a number
 * @param dimensions - the number of inputs, an integer from 1 to 1,000
 * @param options - `samples` (N) and `seed`
 * @returns each input's first-order and total index, the variance, N and the method
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for samples below 2 or above 1,000,000,
 *   a seed that is not a 32-bit integer, dimensions outside 1–1,000;
 *   (`not-computable`) when the model gives a number that is not finite, or has no variance
 * @example
 * ```ts
 * import { sobolIndices } from 'rare-earths/uncertainty';
 *
 * // y = x₀ + 2·x₁ with independent uniform inputs: Var = 1/12 + 4/12, so S = 0.2 and 0.8.
 * const { indices } = sobolIndices(([x0 = 0, x1 = 0]) => x0 + 2 * x1, 2, { samples: 20000, seed: 1 });
 * indices.map((i) => i.first.toFixed(1)); // => ['0.2', '0.8']
 * ```
 */
export function sobolIndices(
  model: (point: readonly number[]) => number,
  dimensions: number,
  options: SobolOptions,
): SobolResult {
  const fn = 'sobolIndices';
  if (typeof model !== 'function')
    invalidArgument(fn, ['model'], 'a function of a point to a number', model);
  const k = checkInteger(fn, ['dimensions'], dimensions, 1);
  if (k > 1000) invalidArgument(fn, ['dimensions'], 'at most 1,000 inputs', k);
  const { samples: n, seed } = checkSobol(fn, options);
  const rng = xoroshiro128plus(seed);
  const a: number[][] = [];
  const b: number[][] = [];
  for (let r = 0; r < n; r++) a.push(Array.from({ length: k }, () => uniformFloat64(rng)));
  for (let r = 0; r < n; r++) b.push(Array.from({ length: k }, () => uniformFloat64(rng)));
  const run = (point: readonly number[], where: string) =>
    finiteMetric(fn, ['model', where], model(point));
  const fa = a.map((p, r) => run(p, `A[${r}]`));
  const fb = b.map((p, r) => run(p, `B[${r}]`));
  const all = [...fa, ...fb];
  const mean = all.reduce((s, x) => s + x, 0) / all.length;
  const variance = all.reduce((s, x) => s + (x - mean) ** 2, 0) / all.length;
  if (!(variance > 0))
    throw new RareEarthsError(fn, 'not-computable', [
      {
        path: ['model'],
        message: 'expected a model whose output varies over the sample, got a constant',
      },
    ]);
  const indices: SobolIndex[] = [];
  for (let i = 0; i < k; i++) {
    let first = 0;
    let total = 0;
    for (let r = 0; r < n; r++) {
      const point = (a[r] as number[]).slice();
      point[i] = (b[r] as number[])[i] as number;
      const fab = run(point, `AB${i}[${r}]`);
      const far = fa[r] as number;
      // Centred on the sample mean: the same expectation, without the error a large mean adds.
      first += ((fb[r] as number) - mean) * (fab - far);
      total += (far - fab) ** 2;
    }
    indices.push({
      input: String(i),
      first: first / n / variance,
      total: total / n / (2 * variance),
    });
  }
  return {
    indices,
    variance,
    samples: n,
    method:
      'first order: Saltelli et al. (2010); total: Jansen (1999); pseudo-random A and B matrices (xoroshiro128+), N × (inputs + 2) model runs',
  };
}

/**
 * Sobol indices of a metric of a dataset over its uncertain figures: each correlation group is an
 * input, drawn as {@link simulateMetrics} draws it (one uniform number per group through each
 * figure's quantile function), and {@link sobolIndices} is run on the metric of the drawn dataset.
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param metric - the result to explain: a function from a dataset to a number
 * @param options - `samples` and `seed`, and optionally the `figures`
 * @returns an index per group (`input` is the group's name)
 * @throws {@link index!RareEarthsError} as {@link sobolIndices} does, and (`invalid-argument`) when
 *   there is no uncertain figure
 * @example
 * ```ts
 * import { stageShares } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 * import { figureSobol } from 'rare-earths/uncertainty';
 *
 * // China's 2024 separation share moves only with the rounding of the IEA's 91%.
 * const { indices } = figureSobol(
 *   baseline,
 *   (d) => stageShares(d, { stage: 'separation', year: 2024 }).CHN ?? 0,
 *   { samples: 400, seed: 2 },
 * );
 * const rounding = indices.find((i) => i.input === 'rounding-iea-sep-2024');
 * [rounding?.first.toFixed(1), rounding?.total.toFixed(1)]; // => ['1.0', '1.0']
 * ```
 */
export function figureSobol(
  dataset: Dataset,
  metric: (dataset: Dataset) => number,
  options: SobolOptions & { readonly figures?: readonly UncertainFigure[] },
): SobolResult {
  const fn = 'figureSobol';
  if (typeof metric !== 'function')
    invalidArgument(fn, ['metric'], 'a function from a dataset to a number', metric);
  checkSobol(fn, options);
  const figures = options.figures ?? uncertainFigures(dataset);
  const groups = groupsOf(figures);
  if (groups.length === 0)
    invalidArgument(fn, ['options', 'figures'], 'at least one uncertain figure', figures);
  const residuals = derivedResiduals(dataset, figures);
  const result = sobolIndices(
    (point) => {
      const u = new Map(groups.map((g, i) => [g, point[i] as number]));
      return metric(datasetWith(dataset, changesAt(figures, residuals, u)));
    },
    groups.length,
    { samples: options.samples, seed: options.seed },
  );
  return {
    ...result,
    indices: result.indices.map((index, i) => ({ ...index, input: groups[i] as string })),
  };
}
