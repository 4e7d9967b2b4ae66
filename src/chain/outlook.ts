import { hhiBounds } from '../concentration/index.js';
import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type {
  Dataset,
  Source,
  Stage,
  StageName,
  StageOutlook,
  SupplierCode,
} from '../model/index.js';
import { readStage } from '../model/internal.js';
import { checkInteger } from '../numeric/internal.js';
import { checkDataset } from './dataset.js';

/**
 * Options of {@link stageOutlook}.
 *
 * @category Chain
 */
export interface StageOutlookOptions {
  /** The stage (`'refining'` is read as `'separation'`). */
  readonly stage: StageName;
  /** The projected year. */
  readonly year: number;
  /** The publisher's case or scenario; needed when the dataset holds more than one for the year. */
  readonly case?: string;
  /** A source id; needed when several sources project the same stage and year. */
  readonly source?: string;
  /** Only outlooks scoped to these elements (exactly); absent: outlooks of all rare earths. */
  readonly elements?: readonly ElementSymbol[];
}

/**
 * A published projection of one stage: the countries' shares as the publisher gives them, the
 * remainder it leaves unnamed as `'other'`, and the HHI bounds that remainder allows.
 *
 * @category Chain
 */
export interface StageOutlookTable {
  /** The stage. */
  readonly stage: Stage;
  /** The projected year. */
  readonly year: number;
  /** The publisher's case or scenario. */
  readonly case: string;
  /** The source of the projection. */
  readonly source: Source;
  /** The elements covered; absent for all rare earths. */
  readonly elements?: readonly ElementSymbol[];
  /** Shares (0–1) as published, largest first; the unnamed remainder last as `'other'`. */
  readonly rows: readonly {
    /** The country (ISO alpha-3), or `'other'` for the unnamed remainder. */
    readonly country: SupplierCode;
    /** Its share (0–1). */
    readonly share: number;
  }[];
  /** The sum of the published shares (the rest is `'other'`). */
  readonly publishedShareSum: number;
  /** The unnamed remainder, 1 − `publishedShareSum` (0 when the shares sum to 1). */
  readonly residualShare: number;
  /**
   * HHI (0–1) with the remainder counted as one supplier (upper) or as many small ones (lower),
   * from {@link hhiBounds}.
   */
  readonly hhi: {
    /** The remainder spread over many small suppliers (adds nothing). */
    readonly lower: number;
    /** The remainder counted as one supplier. */
    readonly upper: number;
  };
  /** How the table was read, in words: what is projected, by whom, and what is assumed. */
  readonly note: string;
}

const key = (o: StageOutlook) => `${o.provenance.source}|${o.case}`;

/**
 * Read a published outlook of a stage (for example the IEA's 2030 base case for refined output)
 * from `dataset.outlooks`, so that a scenario's result can be set beside what the publisher
 * projects. Projections are never mixed with recorded output: {@link stageTable} does not read
 * them. Only shares are read; the unnamed remainder is shown as `'other'` and bounds the HHI.
 *
 * @category Chain
 * @param dataset - a dataset (as `parseDataset` returns it, or `baseline`)
 * @param options - `stage`, `year`, and `case` or `source` when several match
 * @returns the outlook's shares, remainder, HHI bounds and source
 * @throws {@link RareEarthsError} (`not-found`) when no outlook matches, listing the stages and
 *   years the dataset projects; (`invalid-argument`) for a bad option, or when several cases or
 *   sources match and the options do not choose one (never picked silently)
 * @example
 * ```ts
 * import { stageOutlook } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * const refining = stageOutlook(baseline, { stage: 'refining', year: 2030 });
 * refining.rows[0]; // => { country: 'CHN', share: 0.77 }
 * refining.residualShare.toFixed(2); // => '0.08'
 * ```
 */
export function stageOutlook(dataset: Dataset, options: StageOutlookOptions): StageOutlookTable {
  const fn = 'stageOutlook';
  checkDataset(fn, dataset, ['outlooks']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, year }', options);
  }
  const stage = readStage(fn, ['options', 'stage'], options.stage);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  const scope = options.elements === undefined ? '' : [...options.elements].sort().join('+');
  const matching = (dataset.outlooks ?? []).filter(
    (o) =>
      o.stage === stage &&
      o.year === year &&
      [...(o.elements ?? [])].sort().join('+') === scope &&
      (options.case === undefined || o.case === options.case) &&
      (options.source === undefined || o.provenance.source === options.source),
  );
  if (matching.length === 0) {
    const held = [
      ...new Set(
        (dataset.outlooks ?? []).map(
          (o) => `${o.stage} ${o.year} (${o.case}, ${o.provenance.source})`,
        ),
      ),
    ];
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options'],
        message: `expected an outlook of ${stage} for ${year}${options.case === undefined ? '' : ` in case '${options.case}'`}${options.source === undefined ? '' : ` from ${options.source}`}, but dataset.outlooks holds ${held.length === 0 ? 'none' : held.join(', ')}`,
      },
    ]);
  }
  const groups = [...new Set(matching.map(key))];
  if (groups.length > 1) {
    return invalidArgument(
      fn,
      ['options', 'case'],
      `one of the outlooks that match (${groups.map((g) => g.replace('|', ': ')).join('; ')}): give case and source`,
      options.case,
    );
  }
  const rows = matching.filter((o) => o.share !== undefined);
  const first = matching[0] as StageOutlook;
  const source = dataset.sources.find((s) => s.id === first.provenance.source) as Source;
  if (rows.length === 0) {
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options'],
        message: `expected shares in the outlook of ${stage} for ${year} (${first.case}, ${source.id}); it holds tonnages only`,
      },
    ]);
  }
  const named = rows
    .map((o) => ({ country: o.country, share: o.share as number }))
    .sort((a, b) => b.share - a.share || a.country.localeCompare(b.country));
  const publishedShareSum = named.reduce((sum, row) => sum + row.share, 0);
  const residualShare = Math.max(0, 1 - publishedShareSum);
  const all = residualShare > 0 ? [...named, { country: 'other', share: residualShare }] : named;
  const record = Object.fromEntries(all.map((row) => [row.country, row.share]));
  const bounds = hhiBounds(record, { residual: ['other'] });
  const percent = (v: number) => `${Math.round(v * 1000) / 10}%`;
  return {
    stage,
    year,
    case: first.case,
    source,
    ...(first.elements === undefined ? {} : { elements: first.elements }),
    rows: all,
    publishedShareSum,
    residualShare,
    hhi: { lower: bounds.lower, upper: bounds.upper },
    note: `Projected ${stage} shares for ${year} in the ${first.case} of ${source.title} (${source.id}): a projection, not recorded output. The named countries sum to ${percent(publishedShareSum)}${residualShare > 0 ? `; the remaining ${percent(residualShare)} is unnamed, shown as 'other' and counted as one supplier or many in the HHI bounds` : ''}.`,
  };
}
