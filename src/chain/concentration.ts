import { type ConcentrationBand, concentrationBand, hhiBounds } from '../concentration/index.js';
import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError } from '../errors/index.js';
import type { Dataset, Stage, SupplierCode } from '../model/index.js';
import { STAGES } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';
import {
  buildTable,
  describeGap,
  readTableOptions,
  type ShareDenominator,
  type StageRow,
  type StageTable,
  tableYears,
  totalTableYears,
  type YearMatch,
} from './tables.js';

/**
 * Options for {@link stageConcentration}.
 *
 * @category Chain
 */
export interface StageConcentrationOptions {
  /** The calendar year. */
  readonly year: number;
  /**
   * An element: each stage uses a table scoped to it, or is missing (a table of all rare earths
   * is never relabelled as one element's).
   */
  readonly element?: ElementSymbol;
  /** `'latest'` (default: each stage's latest table at or before `year`) or `'exact'`. */
  readonly yearMatch?: YearMatch;
  /** What quantity tables' shares are shares of: `'rowSum'` (default) or `'publishedWorldTotal'`. */
  readonly denominator?: ShareDenominator;
}

/**
 * Concentration of one stage.
 *
 * @category Chain
 */
export interface StageConcentration {
  /** The stage. */
  readonly stage: Stage;
  /** The table the figures come from (its year, source and rows). */
  readonly table: StageTable;
  /**
   * HHI as a fraction (0–1), counting the residual "other" as many small producers (the lower
   * bound, since its make-up is unknown).
   */
  readonly hhi: number;
  /** The HHI if the residual were one producer (the upper bound), as a fraction. */
  readonly hhiUpper: number;
  /** `hhi` on the points scale (0–10 000). */
  readonly hhiPoints: number;
  /** The DOJ/FTC 2023 band of `hhiPoints` (a competition-law screen used as a reference band). */
  readonly band: ConcentrationBand;
  /** The largest identified supplier's share (CR1). */
  readonly cr1: number;
  /** The three largest identified suppliers' shares together (CR3; the residual is not a supplier). */
  readonly cr3: number;
  /** 1 / `hhi`: the number of equal suppliers that would be as concentrated. */
  readonly effectiveSuppliers: number;
  /** The leading country and its share. */
  readonly leader: {
    /** The leading country. */
    readonly country: SupplierCode;
    /** Its share (0–1). */
    readonly share: number;
  };
  /** The residual's share (0 when the table has none). */
  readonly residualShare: number;
}

/**
 * A stage with no data for the request, and why.
 *
 * @category Chain
 */
export interface MissingStage {
  /** The stage. */
  readonly stage: Stage;
  /** Why it is missing, e.g. "the dataset has no production at the metal stage". */
  readonly reason: string;
}

/**
 * The concentration picture of every stage in a year, and the chokepoint.
 *
 * @category Chain
 */
export interface ChainConcentration {
  /** The year asked for. */
  readonly year: number;
  /** The stages with data, upstream first. */
  readonly stages: readonly StageConcentration[];
  /** The stages without data, and why. */
  readonly missing: readonly MissingStage[];
  /**
   * The most concentrated stage (highest HHI), with the margin to the next one; absent when no
   * stage has data.
   */
  readonly chokepoint?: {
    /** The stage. */
    readonly stage: Stage;
    /** Its HHI (fraction). */
    readonly hhi: number;
    /** The next most concentrated stage and how much lower its HHI is (fraction), when there is one. */
    readonly next?: {
      /** The next most concentrated stage. */
      readonly stage: Stage;
      /** How much lower its HHI is (fraction). */
      readonly margin: number;
    };
  };
}

/**
 * How concentrated each stage of the chain is in a year, and which stage is the chokepoint.
 *
 * For each stage it takes the table of {@link stageTable} (by default the latest at or before
 * the year, so that a stage whose newest data is a year older still shows, with its year), and
 * reports the HHI, CR1, CR3, the effective number of suppliers and the leader. The residual
 * "other countries" row is never counted as one producer: the HHI is its lower bound (the
 * residual as many small producers, a share-weighted Σ s² over identified countries) and
 * `hhiUpper` the bound if it were one; the DOJ/FTC 2023 band is computed from the lower bound.
 * The chokepoint is the stage with the highest HHI. Each stage's `table.choice` says which
 * table was used, the fallback year if it is older than asked, and what was left out and why;
 * with `element`, a stage with only tables of all rare earths is missing, never relabelled.
 * With `denominator: 'publishedWorldTotal'` the leader, CR1 and CR3 are shares of the source's
 * published world total; the HHI bounds and effective suppliers stay on the rows' own
 * composition (the HHI normalises its input), since the two totals differ by rounding, not by
 * an unattributed producer.
 *
 * Float64 results (indices are not exact decimals).
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `year`; optionally `element`, `yearMatch` and `denominator`
 * @returns every stage with data, the stages without and why, and the chokepoint
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-integer year or a bad option
 * @example
 * ```ts
 * import { stageConcentration } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const picture = stageConcentration(baseline, { year: 2024 });
 * picture.chokepoint?.stage; // => 'magnet'
 * picture.stages.map((s) => s.stage); // => ['mining', 'separation', 'magnet']
 * picture.missing.map((s) => s.stage); // => ['metal']
 * picture.stages[0]?.leader; // ≈ { country: 'CHN', share: 0.703 }
 * ```
 */
export function stageConcentration(
  dataset: Dataset,
  options: StageConcentrationOptions,
): ChainConcentration {
  const fn = 'stageConcentration';
  checkDataset(fn, dataset, ['stageOutputs']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { year }', options);
  }
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const stages: StageConcentration[] = [];
  const missing: MissingStage[] = [];
  for (const stage of STAGES) {
    const read = readTableOptions(fn, {
      stage,
      year,
      yearMatch: options.yearMatch ?? 'latest',
      ...(options.element === undefined ? {} : { element: options.element }),
      ...(options.denominator === undefined ? {} : { denominator: options.denominator }),
    });
    let table: StageTable;
    try {
      table = buildTable(fn, dataset, read);
    } catch (error) {
      if (isRareEarthsError(error) && error.code === 'not-found') {
        const gap = describeGap(read, tableYears(dataset, read), totalTableYears(dataset, read));
        missing.push({ stage, reason: gap.reason });
        continue;
      }
      throw error;
    }
    if (!table.rows.some((row) => row.country !== 'other' && row.share > 0)) {
      missing.push({
        stage,
        reason: `the ${stage} table of ${table.source.id} names no producing country, only "other"`,
      });
      continue;
    }
    stages.push(concentrationOf(stage, table));
  }
  const ranked = [...stages].sort((a, b) => b.hhi - a.hhi);
  const [top, second] = ranked;
  const base = { year, stages, missing };
  if (top === undefined) return base;
  const chokepoint =
    second === undefined
      ? { stage: top.stage, hhi: top.hhi }
      : {
          stage: top.stage,
          hhi: top.hhi,
          next: { stage: second.stage, margin: top.hhi - second.hhi },
        };
  return { ...base, chokepoint };
}

/** The concentration figures of one table. @internal */
export function concentrationOf(stage: Stage, table: StageTable): StageConcentration {
  const values: Record<string, number> = {};
  for (const row of table.rows) values[row.country] = (values[row.country] ?? 0) + row.share;
  const bounds = hhiBounds(values, { residual: ['other'] });
  const identified = table.rows.filter((row) => row.country !== 'other');
  const sorted = identified.map((row) => row.share).sort((a, b) => b - a);
  // The caller passes tables with at least one identified producer (see stageConcentration).
  const leader = identified[0] as StageRow;
  const hhiPoints = bounds.lower * 10_000;
  return {
    stage,
    table,
    hhi: bounds.lower,
    hhiUpper: bounds.upper,
    hhiPoints,
    band: concentrationBand(Math.min(10_000, hhiPoints)),
    cr1: sorted[0] ?? 0,
    cr3: (sorted[0] ?? 0) + (sorted[1] ?? 0) + (sorted[2] ?? 0),
    effectiveSuppliers: 1 / bounds.lower,
    leader: { country: leader.country, share: leader.share },
    residualShare: table.residualShare,
  };
}
