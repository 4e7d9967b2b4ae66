// Which figures of a dataset are uncertain, and by how much: a figure whose record states its
// uncertainty, and a figure that two or more sources (editions) publish with different values.
// The newest edition is the value every analysis uses. Read once per simulation; a draw then only
// moves numbers.
import { publicationKey } from '../chain/internal.js';
import type {
  Dataset,
  FigureUncertainty,
  Intervention,
  MassValue,
  Provenance,
  Scenario,
} from '../model/index.js';
import { numberAt, valueAt } from '../model/internal.js';
import { toNumber } from '../numeric/index.js';
import { quantileOf } from './distributions.js';

/**
 * One value of an uncertain figure as a source publishes it.
 *
 * @category Uncertainty
 */
export interface FigureEdition {
  /** The source id (an entry of the dataset's `sources`). */
  readonly source: string;
  /** The value in that source, in the figure's `unit`. */
  readonly value: number;
}

/**
 * A figure of a dataset that is uncertain, and how a simulation draws it.
 *
 * A draw takes one number `u` in [0, 1) for the figure's `group`. A figure with an `uncertainty`
 * (stated on its record) takes the value of its distribution's quantile function at `u` (the
 * inverse CDF; normal figures truncated at 0). A figure without one takes the value that lies the
 * fraction `u` of the way from the newest edition to the next, and so on through the editions
 * from newest to oldest in equal steps (two editions: `newest + u × (older − newest)`, a uniform
 * draw between them). Every figure of one group moves with the same `u` (to the same quantile):
 * the figures of a pair of editions are drawn together, as one revision, not independently.
 *
 * @category Uncertainty
 */
export interface UncertainFigure {
  /** A readable key, e.g. `'stageOutputs/mining/CHN/2024/production'`. */
  readonly id: string;
  /** Where the number the analyses use sits in the dataset, e.g. `['stageOutputs', 40, 'quantity', 'amount']`. */
  readonly path: readonly (string | number)[];
  /** The value the analyses use: the newest edition's, in `unit`. */
  readonly value: number;
  /**
   * The lowest value a draw gives, in `unit`: the smallest edition, the low end of a bounded
   * distribution, or the 5th percentile of a normal or lognormal one.
   */
  readonly low: number;
  /** The highest value a draw gives, in `unit` (the 95th percentile of a normal or lognormal one). */
  readonly high: number;
  /** The unit: `'t'` (with the basis, e.g. `'t REO'`) or `'fraction'`. */
  readonly unit: string;
  /** The editions, newest first; the first is the value used. */
  readonly editions: readonly FigureEdition[];
  /** The distribution the record states, when it states one; a draw then ignores the editions. */
  readonly uncertainty?: FigureUncertainty;
  /**
   * The correlation group, one draw per group: the uncertainty's `group`, else the figure's
   * source (for a stated uncertainty), else the sources of the editions joined by `+`.
   */
  readonly group: string;
}

type Entry = {
  readonly key: string;
  readonly path: readonly (string | number)[];
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly uncertainty: FigureUncertainty | undefined;
};

type Stated = { readonly uncertainty?: FigureUncertainty; readonly provenance: Provenance };

function amountEntry(
  collection: string,
  index: number,
  key: string,
  quantity: MassValue,
  record: Stated,
): Entry {
  return {
    key: `${collection}/${key}`,
    path: [collection, index, 'quantity', 'amount'],
    value: toNumber(quantity.amount),
    unit: `${quantity.unit} ${quantity.basis}`,
    source: record.provenance.source,
    uncertainty: record.uncertainty,
  };
}

function shareEntry(
  collection: string,
  index: number,
  key: string,
  share: number,
  record: Stated,
): Entry {
  return {
    key: `${collection}/${key}/share`,
    path: [collection, index, 'share'],
    value: share,
    unit: 'fraction',
    source: record.provenance.source,
    uncertainty: record.uncertainty,
  };
}

function scope(elements: readonly string[] | undefined): string {
  return elements === undefined || elements.length === 0 ? 'all' : elements.join('+');
}

/** Every number of the collections a simulation moves, with the key that names the same figure across sources. */
function entries(dataset: Dataset): Entry[] {
  const out: Entry[] = [];
  (dataset.stageOutputs ?? []).forEach((r, i) => {
    const key = `${r.stage}/${r.country}/${r.year}/${r.measure}/${scope(r.elements)}`;
    if (r.quantity !== undefined) out.push(amountEntry('stageOutputs', i, key, r.quantity, r));
    else if (r.share !== undefined) out.push(shareEntry('stageOutputs', i, key, r.share, r));
  });
  (dataset.worldTotals ?? []).forEach((r, i) => {
    const key = `${r.stage}/${r.year}/${r.measure}/${scope(r.elements)}`;
    out.push(amountEntry('worldTotals', i, key, r.quantity, r));
  });
  (dataset.balances ?? []).forEach((r, i) => {
    const key = `${r.country}/${r.year}/${r.commodity.stage ?? 'any'}/${r.commodity.description}/${r.item}/${scope(r.elements)}`;
    if (r.quantity !== undefined) out.push(amountEntry('balances', i, key, r.quantity, r));
    else if (r.share !== undefined && r.bound === undefined)
      out.push(shareEntry('balances', i, key, r.share, r));
  });
  (dataset.tradeFlows ?? []).forEach((r, i) => {
    const when = r.period === undefined ? `${r.year}` : `${r.period.from}-${r.period.to}`;
    const key = `${when}/${r.exporter}/${r.importer}/${r.commodity.stage ?? 'any'}/${r.commodity.hs ?? 'any'}/${r.commodity.description}/${scope(r.elements)}`;
    if (r.quantity !== undefined) out.push(amountEntry('tradeFlows', i, key, r.quantity, r));
    else if (r.share !== undefined) out.push(shareEntry('tradeFlows', i, key, r.share, r));
  });
  (dataset.demand ?? []).forEach((r, i) => {
    const key = `${r.year}/${r.application ?? 'all'}/${scope(r.elements)}/${r.scenario ?? 'recorded'}`;
    out.push(amountEntry('demand', i, key, r.quantity, r));
  });
  return out;
}

/**
 * The uncertain figures of a dataset: every record of `stageOutputs`, `worldTotals`, `balances`
 * and `demand` that states an `uncertainty`, and every figure that two or more sources publish
 * with different values — the same stage, country, year, measure and elements of `stageOutputs`
 * (tonnes, or the share where no tonnes are given), the same world total, the same balance item
 * of a country's commodity, the same demand record, in the same unit and basis. The newest source
 * (by publication date) gives the value the analyses use; when its record states an uncertainty,
 * that distribution is drawn, else the editions span the range. Figures on which the sources
 * agree and that state no uncertainty are not listed. Other collections are not read.
 *
 * In the embedded baseline this finds the 2024 mine production of every country in both USGS
 * Mineral Commodity Summaries, 2025 and 2026 (the 2026 edition revised Australia's from
 * 13,000 t to 29,000 t REO and the world total from 390,000 t to 380,000 t), and the IEA's
 * whole-percent shares of separation and magnet making (91% is any value from 90.5% to 91.5%).
 *
 * @category Uncertainty
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data` (not checked here: the
 *   simulation functions check it)
 * @returns the uncertain figures, sorted by id
 * @example
 * ```ts
 * import { uncertainFigures } from 'rare-earths/uncertainty';
 * import { baseline } from 'rare-earths/data';
 *
 * const figures = uncertainFigures(baseline);
 * const australia = figures.find((f) => f.id === 'stageOutputs/mining/AUS/2024/production/all');
 * australia?.editions; // => [{ source: 'usgs-mcs-2026', value: 29000 }, { source: 'usgs-mcs-2025', value: 13000 }]
 * australia?.group; // => 'usgs-mcs-2025+usgs-mcs-2026'
 * const separation = figures.find((f) => f.id === 'stageOutputs/separation/CHN/2024/production/all/share');
 * [separation?.low, separation?.high]; // => [0.905, 0.915]
 * ```
 */
export function uncertainFigures(dataset: Dataset): UncertainFigure[] {
  const published = new Map(dataset.sources.map((s) => [s.id, publicationKey(s)]));
  const byKey = new Map<string, Entry[]>();
  for (const entry of entries(dataset)) {
    const key = `${entry.key}|${entry.unit}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const figures: UncertainFigure[] = [];
  for (const group of byKey.values()) {
    const sources = new Set(group.map((e) => e.source));
    // One source publishing a figure twice is a data error the dataset checks, not a range.
    if (sources.size !== group.length) continue;
    const newestFirst = [...group].sort((a, b) => {
      const pa = published.get(a.source) ?? '';
      const pb = published.get(b.source) ?? '';
      return pb < pa ? -1 : pb > pa ? 1 : a.source.localeCompare(b.source);
    });
    const used = newestFirst[0] as Entry;
    const editions = newestFirst.map((e) => ({ source: e.source, value: e.value }));
    const stated = used.uncertainty;
    if (stated !== undefined) {
      const [lowEnd, highEnd] = endQuantiles(stated);
      figures.push({
        id: used.key,
        path: used.path,
        value: used.value,
        low: quantileOf(stated, lowEnd),
        high: quantileOf(stated, highEnd),
        unit: used.unit,
        editions,
        uncertainty: stated,
        group: stated.group ?? stated.source ?? used.source,
      });
      continue;
    }
    const values = editions.map((e) => e.value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (sources.size < 2 || low === high) continue;
    figures.push({
      id: used.key,
      path: used.path,
      value: used.value,
      low,
      high,
      unit: used.unit,
      editions,
      group: [...sources].sort().join('+'),
    });
  }
  return figures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * A share that a table derives as the rest of its other shares (a residual `'other'` row tagged
 * `'derived'`), which a draw recomputes so that the table still sums to what it did.
 *
 * @internal
 */
export interface DerivedResidual {
  /** Where the residual share sits. */
  readonly path: readonly (string | number)[];
  /** The table's other shares: where each sits and its value as published. */
  readonly members: readonly {
    readonly path: readonly (string | number)[];
    readonly value: number;
  }[];
  /** The table's sum as published (the residual is this minus the members). */
  readonly total: number;
}

/**
 * The derived residual shares of the stage tables that hold a drawn share.
 *
 * @internal
 */
export function derivedResiduals(
  dataset: Dataset,
  figures: readonly UncertainFigure[],
): DerivedResidual[] {
  const rows = dataset.stageOutputs ?? [];
  const tableOf = (i: number) => {
    const r = rows[i];
    return r === undefined
      ? ''
      : [r.provenance.source, r.stage, r.measure, r.year, scope(r.elements)].join('|');
  };
  const drawn = new Set(figures.map((f) => f.path.join('/')));
  const tables = new Set(
    figures
      .filter((f) => f.path[0] === 'stageOutputs' && f.path[2] === 'share')
      .map((f) => tableOf(f.path[1] as number)),
  );
  const out: DerivedResidual[] = [];
  rows.forEach((r, i) => {
    const path = ['stageOutputs', i, 'share'];
    if (
      r.country !== 'other' ||
      r.share === undefined ||
      r.provenance.tag !== 'derived' ||
      drawn.has(path.join('/')) ||
      !tables.has(tableOf(i))
    )
      return;
    let total = r.share;
    const members: { path: (string | number)[]; value: number }[] = [];
    rows.forEach((m, k) => {
      if (k === i || m.share === undefined || tableOf(k) !== tableOf(i)) return;
      members.push({ path: ['stageOutputs', k, 'share'], value: m.share });
      total += m.share;
    });
    out.push({ path, members, total });
  });
  return out;
}

/**
 * The quantiles a figure's low and high ends sit at: 0 and just below 1 for a bounded draw
 * (editions, uniform, triangular, PERT, values), 0.05 and 0.95 for a normal or lognormal one,
 * whose ends are unbounded.
 *
 * @internal
 */
export function endQuantiles(
  uncertainty: FigureUncertainty | undefined,
): readonly [number, number] {
  const kind = uncertainty?.kind;
  return kind === 'normal' || kind === 'lognormal' ? [0.05, 0.95] : [0, 1 - Number.EPSILON];
}

/**
 * The value of a figure at the draw `u` in [0, 1): its distribution's quantile at `u`, or
 * piecewise linear through its editions, newest (u = 0) to oldest (u → 1), in equal steps.
 *
 * @internal
 */
export function figureAt(figure: UncertainFigure, u: number): number {
  if (figure.uncertainty !== undefined) return quantileOf(figure.uncertainty, u);
  const values = figure.editions.map((e) => e.value);
  const steps = values.length - 1;
  const position = u * steps;
  const k = Math.min(Math.floor(position), steps - 1);
  const from = values[k] as number;
  const to = values[k + 1] as number;
  return from + (position - k) * (to - from);
}

/** The unit of an intervention's number, by its path inside the intervention. */
function interventionUnit(intervention: Intervention, key: string): string {
  if (key.endsWith('.amount')) {
    const mass = (valueAt(intervention, key.slice(0, -'.amount'.length)) ?? {}) as {
      unit?: string;
      basis?: string;
    };
    // A stockpile's initial stock is a stock (t); the other amounts are flows (t/yr).
    const perYear = key === 'initial.amount' ? '' : '/yr';
    return `${mass.unit ?? 't'} ${mass.basis ?? ''}`.trim() + perYear;
  }
  if (key === 'rate') return 'fraction/yr';
  if (key === 'demand') return 't/yr';
  if (key.startsWith('lifetime.')) return 'years';
  if (key === 'adoption.rate') return '1/yr';
  return 'fraction';
}

/**
 * The uncertain numbers of a scenario: every number an intervention's `uncertainty` names (its
 * cut, a capacity change's tonnes, a recycling policy's collection rate …), as figures that
 * {@link simulate} draws with the dataset's. The path starts with `'scenario'` (then
 * `'interventions'`, the index and the number's path inside the intervention); the id is the
 * scenario's, the intervention's and the number's, joined by `/`. The group is the
 * uncertainty's `group`, else the id: an intervention's numbers are drawn independently of each
 * other and of the data unless a group ties them.
 *
 * @category Uncertainty
 * @param scenario - a scenario, checked (by `parseScenario` from `rare-earths`, or by `simulate`);
 *   give it resolved (`resolveScenario`) to include what it inherits from its parents
 * @returns the uncertain numbers, in the order of the interventions and then of their paths
 * @example
 * ```ts
 * import { scenarioFigures } from 'rare-earths/uncertainty';
 *
 * const figures = scenarioFigures({
 *   id: 'licences', name: 'Licences let some through', horizon: { from: 2025, to: 2030 },
 *   interventions: [{
 *     kind: 'exportRestriction', id: 'y', country: 'CHN', elements: ['Y'], cut: 0.8, from: 2026,
 *     uncertainty: { cut: { kind: 'uniform', low: 0.5, high: 1, basis: 'how many licences are granted is not published' } },
 *   }],
 * });
 * figures[0]?.id; // => 'licences/y/cut'
 * [figures[0]?.low, figures[0]?.high]; // => [0.5, 1]
 * ```
 */
export function scenarioFigures(scenario: Scenario): UncertainFigure[] {
  return scenario.interventions.flatMap((intervention, index) =>
    Object.entries(intervention.uncertainty ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, uncertainty]) => {
        const path = ['scenario', 'interventions', index, ...key.split('.')];
        const id = `${scenario.id}/${intervention.id}/${key}`;
        const [lowEnd, highEnd] = endQuantiles(uncertainty);
        return {
          id,
          path,
          // A checked scenario's path names a number (parseScenario, or simulate's own check).
          value: numberAt(intervention, key) ?? Number.NaN,
          low: quantileOf(uncertainty, lowEnd),
          high: quantileOf(uncertainty, highEnd),
          unit: interventionUnit(intervention, key),
          editions: [],
          uncertainty,
          group: uncertainty.group ?? id,
        };
      }),
  );
}
