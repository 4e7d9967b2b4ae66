// Which figures of a dataset are uncertain, and by how much: today, a figure that two or more
// sources (editions) publish for the same thing. The newest edition is the value every analysis
// uses; the others span its range. Read once per simulation; a draw then only moves numbers.
import { publicationKey } from '../chain/internal.js';
import type { Dataset, MassValue, Provenance } from '../model/index.js';
import { toNumber } from '../numeric/index.js';

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
 * A figure of a dataset that sources disagree on, and how a simulation draws it.
 *
 * A draw takes one number `u` in [0, 1) for the figure's `group` and sets the figure to the
 * value that lies the fraction `u` of the way from the newest edition to the next, and so on
 * through the editions from newest to oldest in equal steps (two editions: `newest + u ×
 * (older − newest)`, a uniform draw between them). Every figure of one group moves with the same
 * `u`: the figures of a pair of editions are drawn together, as one revision, not independently.
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
  /** The smallest value of the editions, in `unit`. */
  readonly low: number;
  /** The largest value of the editions, in `unit`. */
  readonly high: number;
  /** The unit: `'t'` (with the basis, e.g. `'t REO'`) or `'fraction'`. */
  readonly unit: string;
  /** The editions, newest first; the first is the value used. */
  readonly editions: readonly FigureEdition[];
  /** The correlation group: the sources of the editions joined by `+`; one draw per group. */
  readonly group: string;
}

type Entry = {
  readonly key: string;
  readonly path: readonly (string | number)[];
  readonly value: number;
  readonly unit: string;
  readonly source: string;
};

function amountEntry(
  collection: string,
  index: number,
  key: string,
  quantity: MassValue,
  provenance: Provenance,
): Entry {
  return {
    key: `${collection}/${key}`,
    path: [collection, index, 'quantity', 'amount'],
    value: toNumber(quantity.amount),
    unit: `${quantity.unit} ${quantity.basis}`,
    source: provenance.source,
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
    if (r.quantity !== undefined)
      out.push(amountEntry('stageOutputs', i, key, r.quantity, r.provenance));
    else if (r.share !== undefined)
      out.push({
        key: `stageOutputs/${key}/share`,
        path: ['stageOutputs', i, 'share'],
        value: r.share,
        unit: 'fraction',
        source: r.provenance.source,
      });
  });
  (dataset.worldTotals ?? []).forEach((r, i) => {
    out.push(
      amountEntry(
        'worldTotals',
        i,
        `${r.stage}/${r.year}/${r.measure}/${scope(r.elements)}`,
        r.quantity,
        r.provenance,
      ),
    );
  });
  (dataset.balances ?? []).forEach((r, i) => {
    const key = `${r.country}/${r.year}/${r.commodity.stage ?? 'any'}/${r.commodity.description}/${r.item}/${scope(r.elements)}`;
    if (r.quantity !== undefined)
      out.push(amountEntry('balances', i, key, r.quantity, r.provenance));
    else if (r.share !== undefined && r.bound === undefined)
      out.push({
        key: `balances/${key}/share`,
        path: ['balances', i, 'share'],
        value: r.share,
        unit: 'fraction',
        source: r.provenance.source,
      });
  });
  (dataset.demand ?? []).forEach((r, i) => {
    const key = `${r.year}/${r.application ?? 'all'}/${scope(r.elements)}/${r.scenario ?? 'recorded'}`;
    out.push(amountEntry('demand', i, key, r.quantity, r.provenance));
  });
  return out;
}

/**
 * The figures of a dataset that two or more sources publish with different values: the same
 * stage, country, year, measure and elements of `stageOutputs` (tonnes, or the share where no
 * tonnes are given), the same world total, the same balance item of a country's commodity, the
 * same demand record — each published by more than one source in the same unit and basis. The
 * newest source (by publication date) gives the value the analyses use; the others span the
 * range. Figures on which the sources agree are not listed (a zero-width range). Other
 * collections are not read.
 *
 * In the embedded baseline this finds, for example, the 2024 mine production of every country in
 * both USGS Mineral Commodity Summaries, 2025 and 2026 (the 2026 edition revised Australia's
 * from 13,000 t to 29,000 t REO and the world total from 390,000 t to 380,000 t).
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
 * const australia = uncertainFigures(baseline).find(
 *   (f) => f.id === 'stageOutputs/mining/AUS/2024/production/all',
 * );
 * australia?.editions; // => [{ source: 'usgs-mcs-2026', value: 29000 }, { source: 'usgs-mcs-2025', value: 13000 }]
 * australia?.group; // => 'usgs-mcs-2025+usgs-mcs-2026'
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
    if (sources.size < 2 || sources.size !== group.length) continue;
    const newestFirst = [...group].sort((a, b) => {
      const pa = published.get(a.source) ?? '';
      const pb = published.get(b.source) ?? '';
      return pb < pa ? -1 : pb > pa ? 1 : a.source.localeCompare(b.source);
    });
    const values = newestFirst.map((e) => e.value);
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (low === high) continue;
    const used = newestFirst[0] as Entry;
    figures.push({
      id: used.key,
      path: used.path,
      value: used.value,
      low,
      high,
      unit: used.unit,
      editions: newestFirst.map((e) => ({ source: e.source, value: e.value })),
      group: [...sources].sort().join('+'),
    });
  }
  return figures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The value of a figure at the draw `u` in [0, 1): piecewise linear through its editions, newest
 * (u = 0) to oldest (u → 1), in equal steps.
 *
 * @internal
 */
export function figureAt(figure: UncertainFigure, u: number): number {
  const values = figure.editions.map((e) => e.value);
  const steps = values.length - 1;
  const position = u * steps;
  const k = Math.min(Math.floor(position), steps - 1);
  const from = values[k] as number;
  const to = values[k + 1] as number;
  return from + (position - k) * (to - from);
}
