import {
  importReliance,
  importSources,
  type ShareDenominator,
  type StageTable,
  stageConcentration,
  supplyWithout,
} from '../chain/index.js';
import { checkDataset } from '../chain/internal.js';
import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument, isRareEarthsError, RareEarthsError } from '../errors/index.js';
import type { CountryShare, Dataset, ReportStage, StageReportData } from '../model/index.js';
import { checkInteger } from '../numeric/internal.js';

/**
 * Options for {@link stageReport}.
 *
 * @category Report
 */
export interface StageReportOptions {
  /** The year; default the latest year with stage data in the dataset. */
  readonly year?: number;
  /**
   * An element: each stage uses a table scoped to it, or is reported missing (a table of all
   * rare earths is never shown as one element's).
   */
  readonly element?: ElementSymbol;
  /** What quantity tables' shares are shares of: `'rowSum'` (default) or `'publishedWorldTotal'`. */
  readonly denominator?: ShareDenominator;
  /** The countries the "without" section leaves out; default `['CHN']`. */
  readonly excluded?: readonly string[];
  /** Importers whose sourcing is shown; default `['USA', 'EU27', 'JPN']`. */
  readonly importers?: readonly string[];
  /** Countries whose net import reliance (compounds and metals) is shown; default `['USA']`. */
  readonly reliance?: readonly string[];
}

function latestYear(dataset: Dataset): number | undefined {
  let latest: number | undefined;
  for (const row of dataset.stageOutputs ?? [])
    if (latest === undefined || row.year > latest) latest = row.year;
  return latest;
}

function reportMass(m: { amount: string; unit: 't' | 'kg'; basis: 'REO' | 'metal' | 'product' }) {
  return { amount: m.amount, unit: m.unit, basis: m.basis };
}

/** The table choice and the denominator of a stage, as the report carries them. */
function choiceOf(table: StageTable): Pick<ReportStage, 'tableChoice' | 'denominator'> {
  const { choice, denominator } = table;
  return {
    tableChoice: {
      used: choice.used,
      ...(choice.fallbackYear === undefined ? {} : { fallbackYear: choice.fallbackYear }),
      leftOut: choice.leftOut,
    },
    denominator: {
      used: denominator.used,
      ...(denominator.total === undefined ? {} : { total: reportMass(denominator.total) }),
      ...(denominator.publishedWorldTotal === undefined
        ? {}
        : {
            publishedWorldTotal: {
              ...reportMass(denominator.publishedWorldTotal.quantity),
              rounded: denominator.publishedWorldTotal.rounded,
            },
          }),
      shareSum: denominator.shareSum,
      note: denominator.note,
    },
  };
}

/** The assumptions of a stage's figures, in words. */
function assumptionsOf(stage: string, table: StageTable): string[] {
  const out: string[] = [];
  if (table.choice.fallbackYear !== undefined)
    out.push(`${stage}: fallback year: ${table.choice.fallbackYear.why}.`);
  out.push(`${stage}: ${table.denominator.note}`);
  const { reported, derived, estimate, estimatedBy } = table.evidence;
  if (estimate > 0) {
    const rows = reported + derived + estimate;
    const by = estimatedBy.length === 0 ? '' : `; estimated by ${estimatedBy.join('; ')}`;
    out.push(
      `${stage}: ${estimate === rows ? `all ${rows}` : `${estimate} of ${rows}`} figures of the table are estimates, not measured output${by}.`,
    );
  }
  const totals = table.choice.leftOut.filter((t) => t.reason === 'total-not-element');
  if (totals.length > 0) {
    const bySource = new Map<string, number[]>();
    for (const t of totals) bySource.set(t.source, [...(bySource.get(t.source) ?? []), t.year]);
    const listed = [...bySource].map(([source, years]) => `${source} (${years.join(', ')})`);
    out.push(
      `${stage}: left out the tables of all rare earths, never relabelled as ${table.choice.requested.element}'s: ${listed.join(', ')}.`,
    );
  }
  for (const t of table.choice.leftOut) {
    if (t.reason === 'total-not-element') continue;
    out.push(
      `${stage}: left out ${t.source} (${t.year}${t.elements === undefined ? '' : `, ${t.elements.join(', ')}`}, ${t.rows} row${t.rows === 1 ? '' : 's'}): ${t.why}.`,
    );
  }
  return out;
}

function sortedShares(shares: Readonly<Record<string, number>>): CountryShare[] {
  return Object.entries(shares)
    .map(([country, share]) => ({ country, share }))
    .sort((a, b) => (a.country === 'other' ? 1 : b.country === 'other' ? -1 : b.share - a.share));
}

/**
 * The stage-by-stage picture of a dataset in a year, as data ready to render or to serialise:
 * for each stage the leader, the largest countries, HHI (with bounds for the residual), band,
 * CR1, CR3 and effective suppliers, from the table chosen by `stageConcentration` (each stage's
 * latest table at or before the year); the chokepoint; each stage's share outside China (or the
 * excluded countries) and the limiting stage; US net import reliance; the sourcing of the US, the
 * EU and Japan; every source cited; and, for each stage, which table was used, its fallback year
 * if older than asked, the tables left out and why, and the denominator of its shares, all
 * repeated in `assumptions`. With `element`, a stage that has only tables of all rare earths is
 * listed as missing, never relabelled. Nothing is rendered here: see `renderStageReport` and the
 * chart functions.
 *
 * @category Report
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `year` (default the latest with data), `element`, `denominator`, `excluded`,
 *   `importers`, `reliance`
 * @returns the report data; it validates against `stageReportSchema()`
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for bad options or a dataset without stage
 *   data; (`not-found`) for a year before any stage data
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 * import { stageReport } from 'rare-earths/report';
 *
 * const report = stageReport(baseline, { year: 2024 });
 * report.chokepoint?.stage; // => 'magnet'
 * report.stages[0]?.leader; // ≈ { country: 'CHN', share: 0.703 }
 * report.without.limiting; // ≈ { stage: 'magnet', shareOutside: 0.06 }
 * ```
 */
export function stageReport(dataset: Dataset, options: StageReportOptions = {}): StageReportData {
  const fn = 'stageReport';
  checkDataset(fn, dataset, ['stageOutputs', 'balances', 'tradeFlows']);
  if (typeof options !== 'object' || options === null)
    return invalidArgument(fn, ['options'], 'an options object', options);
  const fallback = latestYear(dataset);
  if (options.year === undefined && fallback === undefined) {
    return invalidArgument(
      fn,
      ['dataset', 'stageOutputs'],
      'a dataset with stage outputs',
      dataset.stageOutputs,
    );
  }
  const year = checkInteger(fn, ['options', 'year'], options.year ?? fallback, 1900);
  const element = options.element;
  const excluded = options.excluded ?? ['CHN'];
  const withElement = element === undefined ? {} : { element };
  const picture = stageConcentration(dataset, {
    year,
    ...withElement,
    ...(options.denominator === undefined ? {} : { denominator: options.denominator }),
  });
  if (picture.stages.length === 0) {
    const earliest = Math.min(...(dataset.stageOutputs ?? []).map((row) => row.year));
    throw new RareEarthsError(fn, 'not-found', [
      {
        path: ['options', 'year'],
        message: `expected a year with stage data (the earliest is ${earliest}), got ${year}`,
      },
    ]);
  }
  const cited = new Set<string>();
  const assumptions: string[] = [];
  if (element !== undefined)
    assumptions.push(
      `Only tables scoped to ${element} are used; a table of all rare earths is never shown as ${element}'s, so a stage without one is listed as missing.`,
    );
  const stages: ReportStage[] = picture.stages.map((s) => {
    assumptions.push(...assumptionsOf(s.stage, s.table));
    cited.add(s.table.source.id);
    const identified = s.table.rows.filter((row) => row.country !== 'other').slice(0, 5);
    const residual = s.table.rows.filter((row) => row.country === 'other');
    const stage: ReportStage = {
      stage: s.stage,
      year: s.table.year,
      source: s.table.source.id,
      basis: s.table.basis,
      leader: { country: s.leader.country, share: s.leader.share },
      top: [...identified, ...residual].map((row) => ({ country: row.country, share: row.share })),
      hhi: s.hhi,
      hhiUpper: s.hhiUpper,
      hhiPoints: s.hhiPoints,
      band: s.band,
      cr1: s.cr1,
      cr3: s.cr3,
      effectiveSuppliers: s.effectiveSuppliers,
      residualShare: s.residualShare,
      ...choiceOf(s.table),
      ...(s.table.total === undefined
        ? {}
        : {
            total: {
              amount: s.table.total.amount,
              unit: s.table.total.unit,
              basis: s.table.total.basis,
            },
          }),
    };
    return stage;
  });
  const without = supplyWithout(dataset, { excluded, year, ...withElement });
  if (options.denominator === 'publishedWorldTotal')
    assumptions.push(
      "The 'without' section takes shares of each table's row sum (what is outside the excluded countries, of what the rows hold).",
    );
  const reliance: StageReportData['reliance'][number][] = [];
  for (const country of options.reliance ?? ['USA']) {
    try {
      const r = importReliance(dataset, {
        country,
        year: latestBalanceYear(dataset, country, year),
      });
      cited.add(r.source.id);
      reliance.push({
        country,
        commodity: r.commodity,
        source: r.source.id,
        method: r.method,
        ...(r.computed === undefined ? {} : { computed: r.computed }),
        ...(r.published?.share === undefined ? {} : { published: r.published.share }),
      });
    } catch (error) {
      if (!(isRareEarthsError(error) && error.code === 'not-found')) throw error;
    }
  }
  const sourcing = (options.importers ?? ['USA', 'EU27', 'JPN']).map((importer) => {
    const tables = importSources(dataset, {
      importer,
      year: latestSourcingYear(dataset, importer, year),
      ...withElement,
    })
      .filter((t) => element !== undefined || t.elements === undefined || t.stage !== undefined)
      .map((t) => {
        cited.add(t.source.id);
        return {
          commodity: t.commodity,
          period: t.period,
          shares: sortedShares(t.shares),
          hhi: t.hhi,
          source: t.source.id,
          ...(t.stage === undefined ? {} : { stage: t.stage }),
          ...(t.elements === undefined ? {} : { elements: t.elements }),
        };
      });
    return { importer, tables };
  });
  const sources = dataset.sources
    .filter((s) => cited.has(s.id))
    .map((s) => ({
      id: s.id,
      title: s.title,
      publisher: s.publisher,
      year: s.year,
      ...(s.edition === undefined ? {} : { edition: s.edition }),
      ...(s.version === undefined ? {} : { version: s.version }),
      ...(s.url === undefined ? {} : { url: s.url }),
    }));
  const report: StageReportData = {
    kind: 'stage-report',
    version: 1,
    dataset: dataset.name,
    year,
    stages,
    missingStages: picture.missing.map((m) => ({ stage: m.stage, reason: m.reason })),
    without: {
      excluded: [...excluded],
      stages: without.stages.map((s) => ({
        stage: s.stage,
        year: s.table.year,
        shareOutside: s.shareOutside,
      })),
      ...(without.limiting === undefined ? {} : { limiting: without.limiting }),
    },
    reliance,
    sourcing,
    assumptions,
    sources,
    ...withElement,
    ...(picture.chokepoint === undefined ? {} : { chokepoint: picture.chokepoint }),
  };
  return report;
}

/** The latest year at or before `year` with balance rows for the country. */
function latestBalanceYear(dataset: Dataset, country: string, year: number): number {
  const years = (dataset.balances ?? [])
    .filter((b) => b.country === country && b.year <= year)
    .map((b) => b.year);
  return years.length === 0 ? year : Math.max(...years);
}

/** The latest year at or before `year` covered by a sourcing table of the importer. */
function latestSourcingYear(dataset: Dataset, importer: string, year: number): number {
  let best: number | undefined;
  for (const flow of dataset.tradeFlows ?? []) {
    if (flow.importer !== importer || flow.share === undefined) continue;
    const end = flow.period === undefined ? flow.year : Math.min(flow.period.to, year);
    const start = flow.period === undefined ? flow.year : flow.period.from;
    if (end === undefined || start === undefined || start > year) continue;
    if (best === undefined || end > best) best = end;
  }
  return best ?? year;
}
