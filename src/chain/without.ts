import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError } from '../errors/index.js';
import type { Dataset, Stage } from '../model/index.js';
import { STAGES } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';
import { buildTable, readTableOptions, type StageTable } from './tables.js';

/**
 * Options for {@link supplyWithout}.
 *
 * @category Chain
 */
export interface SupplyWithoutOptions {
  /** The countries left out, e.g. `['CHN']`. */
  readonly excluded: readonly string[];
  /** The year: each stage's latest table at or before it. */
  readonly year: number;
  /** An element: only tables scoped to it count (a table of all rare earths is not relabelled). */
  readonly element?: ElementSymbol;
  /** `'production'` (default) or `'capacity'` tables. */
  readonly measure?: 'production' | 'capacity';
}

/**
 * What the rest of the world supplies at each stage without some countries, and which stage
 * limits it.
 *
 * @category Chain
 */
export interface SupplyWithout {
  /** The countries left out. */
  readonly excluded: readonly string[];
  /** The year asked for. */
  readonly year: number;
  /** For each stage with data: the share of the world total outside the excluded countries. */
  readonly stages: readonly {
    /** The stage. */
    readonly stage: Stage;
    /** Share of the stage's world total outside the excluded countries (0–1), residual included. */
    readonly shareOutside: number;
    /** The table used. */
    readonly table: StageTable;
  }[];
  /** Stages without data. */
  readonly missing: readonly Stage[];
  /** The stage with the smallest share outside: what the rest of the world could make at most, as a share of today's world output. */
  readonly limiting?: {
    /** The stage. */
    readonly stage: Stage;
    /** Its share outside the excluded countries. */
    readonly shareOutside: number;
  };
}

/**
 * How much of each stage the world has without some countries ("ex-China"), and the stage that
 * limits the chain: for each stage, the share of its world output (or capacity) outside the
 * excluded countries, from the latest table at or before the year. The residual "other"
 * countries count as outside (they are not the excluded ones, which tables list by name).
 *
 * The limiting stage has the smallest share outside. As the stages feed each other, what the
 * rest of the world could finish into magnets without the excluded countries is at most that
 * share of today's world output, if each stage's output today matches the next stage's need (a
 * simplification: stocks, trade in intermediates and yields are not modelled here).
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `excluded`, `year`; optionally `element` and `measure`
 * @returns shares outside by stage, the stages without data, and the limiting stage
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty or malformed `excluded` list or bad options
 * @example
 * ```ts
 * import { supplyWithout } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const exChina = supplyWithout(baseline, { excluded: ['CHN'], year: 2024 });
 * exChina.limiting?.stage; // => 'magnet'
 * exChina.limiting?.shareOutside; // ≈ 0.06
 * ```
 */
export function supplyWithout(dataset: Dataset, options: SupplyWithoutOptions): SupplyWithout {
  const fn = 'supplyWithout';
  checkDataset(fn, dataset, ['stageOutputs']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { excluded, year }', options);
  }
  const { excluded } = options;
  if (!Array.isArray(excluded) || excluded.length === 0) {
    invalidArgument(fn, ['options', 'excluded'], 'a non-empty array of country codes', excluded);
  }
  excluded.forEach((code, i) => {
    if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code))
      invalidArgument(fn, ['options', 'excluded', i], 'an ISO alpha-3 country code', code);
  });
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const stages: SupplyWithout['stages'][number][] = [];
  const missing: Stage[] = [];
  for (const stage of STAGES) {
    const read = readTableOptions(fn, {
      stage,
      year,
      yearMatch: 'latest',
      ...(options.measure === undefined ? {} : { measure: options.measure }),
      ...(options.element === undefined ? {} : { element: options.element }),
    });
    try {
      const table = buildTable(fn, dataset, read);
      const shareOutside = table.rows
        .filter((row) => !excluded.includes(row.country))
        .reduce((sum, row) => sum + row.share, 0);
      stages.push({ stage, shareOutside, table });
    } catch (error) {
      if (isRareEarthsError(error) && error.code === 'not-found') missing.push(stage);
      else throw error;
    }
  }
  const limiting = [...stages].sort((a, b) => a.shareOutside - b.shareOutside)[0];
  const base = { excluded: [...excluded], year, stages, missing };
  return limiting === undefined
    ? base
    : { ...base, limiting: { stage: limiting.stage, shareOutside: limiting.shareOutside } };
}
