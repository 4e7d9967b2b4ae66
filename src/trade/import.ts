import { RareEarthsError } from '../errors/index.js';
import type { Country, Dataset, Source, TradeFlow } from '../model/index.js';
import { parseDataset } from '../model/index.js';
import { Dec, decString } from '../numeric/internal.js';
import { type BaciCountries, readBaci } from './baci.js';
import { type ReadComtradeOptions, readComtrade } from './comtrade.js';
import type { TradeSource } from './csv.js';
import type { TradeReadSummary, TradeRecord, TradeReporter } from './records.js';

/**
 * Which report of a flow to keep when both the importer and the exporter report it (UN
 * Comtrade's mirror flows): `'importer'` (the usual choice: importers' customs are the more
 * complete, and the other side's report is kept where the importer gives none), `'exporter'`
 * (the reverse), or `'both'` (each report as its own flow, for comparison: a sum over them
 * counts the flow twice).
 *
 * @category Trade
 */
export type MirrorPreference = 'importer' | 'exporter' | 'both';

/**
 * One flow that both sides report, and how far apart the reports are.
 *
 * @category Trade
 */
export interface MirrorGap {
  /** The year. */
  readonly year: number;
  /** The exporting country. */
  readonly exporter: string;
  /** The importing country. */
  readonly importer: string;
  /** The HS6 code. */
  readonly hs: string;
  /** The importer's report: net weight (t) and CIF value (US$), exact, and its lines. */
  readonly importerReport: MirrorReport;
  /** The exporter's report: net weight (t) and FOB value (US$), exact, and its lines. */
  readonly exporterReport: MirrorReport;
  /**
   * Importer's value ÷ exporter's value − 1 (a CIF/FOB ratio − 1: freight and insurance make
   * it a few per cent above 0 when the reports agree); absent when either value is missing or 0.
   */
  readonly valueGap?: number;
  /** Importer's weight ÷ exporter's weight − 1; absent when either is missing or 0. */
  readonly quantityGap?: number;
}

/**
 * One side's report of a mirrored flow.
 *
 * @category Trade
 */
export interface MirrorReport {
  /** Net weight in tonnes, exact. */
  readonly quantity?: string;
  /** Value in US$, exact. */
  readonly value?: string;
  /** The lines of the file the report comes from. */
  readonly lines: readonly number[];
}

/**
 * Options for {@link reconcileMirror}.
 *
 * @category Trade
 */
export interface ReconcileOptions {
  /** The dataset source id the flows' provenance names. */
  readonly source: string;
  /** Which report to keep (default `'importer'`). */
  readonly prefer?: MirrorPreference;
}

/**
 * Trade flows reconciled from records, and the mirror gaps found.
 *
 * @category Trade
 */
export interface ReconciledTrade {
  /** The model's trade flows, one per year × exporter × importer × code (two with `'both'`). */
  readonly flows: readonly TradeFlow[];
  /** Every flow both sides report, with the gap between the reports, largest value gap first. */
  readonly gaps: readonly MirrorGap[];
  /** Flows kept from the other side's report because the preferred side gave none. */
  readonly fallbacks: number;
}

interface Side {
  quantity: Dec | undefined;
  value: Dec | undefined;
  estimated: boolean;
  lines: number[];
  file: string;
  first: TradeRecord;
}

function addTo(side: Side | undefined, record: TradeRecord): Side {
  if (side === undefined) {
    return {
      quantity: record.quantity === undefined ? undefined : new Dec(record.quantity),
      value: record.value === undefined ? undefined : new Dec(record.value),
      estimated: record.quantityEstimated === true,
      lines: [record.line],
      file: record.file,
      first: record,
    };
  }
  // Rows booked to one flow (unallocated partners folded into 'other'): add them up. A side
  // missing a weight on any row has no total weight.
  side.quantity =
    side.quantity === undefined || record.quantity === undefined
      ? undefined
      : side.quantity.plus(record.quantity);
  side.value =
    side.value === undefined || record.value === undefined
      ? undefined
      : side.value.plus(record.value);
  side.estimated ||= record.quantityEstimated === true;
  side.lines.push(record.line);
  return side;
}

const REPORT_WORDS: Record<TradeReporter, string> = {
  importer: "importer's report (CIF value)",
  exporter: "exporter's report (FOB value)",
  reconciled: 'BACI reconciled flow (FOB value)',
};

function flowOf(side: Side, source: string, fallback: boolean): TradeFlow {
  const record = side.first;
  const lines =
    side.lines.length === 1 ? `line ${side.lines[0]}` : `lines ${side.lines.join(', ')}`;
  const notes = [REPORT_WORDS[record.reportedBy]];
  if (fallback) notes.push('the preferred side reports no such flow');
  if (side.estimated) notes.push('net weight flagged as estimated in the file');
  if (side.lines.length > 1) notes.push('rows of unallocated partners added together');
  return {
    year: record.year,
    exporter: record.exporter,
    importer: record.importer,
    commodity: {
      hs: record.hs,
      ...(record.stage === undefined ? {} : { stage: record.stage }),
      description: record.description,
    },
    ...(side.quantity === undefined
      ? {}
      : {
          quantity: {
            amount: decString(side.quantity),
            unit: 't' as const,
            basis: 'product' as const,
            product: record.product,
          },
        }),
    ...(side.value === undefined
      ? {}
      : { value: { amount: decString(side.value), currency: 'USD' } }),
    provenance: {
      source,
      tag: 'reported',
      locator: `${side.file}, ${lines}`,
      note: `${notes.join('; ')}.`,
    },
  };
}

function ratio(a: Dec | undefined, b: Dec | undefined): number | undefined {
  if (a === undefined || b === undefined || a.isZero() || b.isZero()) return undefined;
  return a.div(b).minus(1).toNumber();
}

function report(side: Side): MirrorReport {
  return {
    ...(side.quantity === undefined ? {} : { quantity: decString(side.quantity) }),
    ...(side.value === undefined ? {} : { value: decString(side.value) }),
    lines: [...side.lines],
  };
}

/**
 * Turns trade records into the model's trade flows, one per year × exporter × importer × HS
 * code, choosing between the importer's and the exporter's report of a flow as asked (UN
 * Comtrade holds both; BACI's reconciled records pass through), and reports every mirror gap:
 * for a flow both sides report, importer's ÷ exporter's value and weight − 1. Each flow's
 * provenance names the file, the lines and the report kept. Values stay in US$ as reported
 * (CIF for imports, FOB for exports); no CIF/FOB adjustment is made.
 *
 * Method: the mirror-statistics comparison of UN Statistics Division, "International
 * Merchandise Trade Statistics: Concepts and Definitions 2010" (IMTS 2010), ch. 9 (partner
 * attribution and the CIF/FOB difference).
 *
 * @category Trade
 * @param records - records from {@link readComtrade} or {@link readBaci}
 * @param options - `source` (the dataset source id for provenance) and `prefer`
 * @returns the flows, the gaps (largest absolute value gap first) and the fallback count
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for a missing source id or an unknown
 *   preference
 * @example
 * ```ts
 * import { type TradeRecord, reconcileMirror } from 'rare-earths/trade';
 *
 * const base = { year: 2024, exporter: 'CHN', importer: 'JPN', names: {}, hs: '2846.90', description: 'compounds', product: 'compounds (net weight)', file: 'f.csv' } as const;
 * const records: TradeRecord[] = [
 *   { ...base, reportedBy: 'importer', quantity: '1250', value: '23000000', valueBasis: 'CIF', line: 2 },
 *   { ...base, reportedBy: 'exporter', quantity: '1200', value: '20000000', valueBasis: 'FOB', line: 9 },
 * ];
 * const { flows, gaps } = reconcileMirror(records, { source: 'my-comtrade' });
 * flows.length; // => 1
 * flows[0]?.value?.amount; // => '23000000'
 * gaps[0]?.valueGap; // => 0.15
 * ```
 */
export function reconcileMirror(
  records: Iterable<TradeRecord>,
  options: ReconcileOptions,
): ReconciledTrade {
  const fn = 'reconcileMirror';
  if (typeof options?.source !== 'string' || options.source === '') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'source'],
        message: 'expected the id of the dataset source the flows come from',
      },
    ]);
  }
  const prefer = options.prefer ?? 'importer';
  if (prefer !== 'importer' && prefer !== 'exporter' && prefer !== 'both') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'prefer'],
        message: `expected 'importer', 'exporter' or 'both', got ${JSON.stringify(prefer)}`,
      },
    ]);
  }
  const groups = new Map<string, Partial<Record<TradeReporter, Side>>>();
  for (const record of records) {
    const key = [record.year, record.exporter, record.importer, record.hs].join('|');
    const group = groups.get(key) ?? {};
    group[record.reportedBy] = addTo(group[record.reportedBy], record);
    groups.set(key, group);
  }
  const flows: TradeFlow[] = [];
  const gaps: MirrorGap[] = [];
  let fallbacks = 0;
  for (const group of groups.values()) {
    if (group.reconciled !== undefined) flows.push(flowOf(group.reconciled, options.source, false));
    const { importer, exporter } = group;
    if (prefer === 'both') {
      if (importer !== undefined) flows.push(flowOf(importer, options.source, false));
      if (exporter !== undefined) flows.push(flowOf(exporter, options.source, false));
    } else {
      const preferred = prefer === 'importer' ? importer : exporter;
      const other = prefer === 'importer' ? exporter : importer;
      if (preferred !== undefined) flows.push(flowOf(preferred, options.source, false));
      else if (other !== undefined) {
        fallbacks += 1;
        flows.push(flowOf(other, options.source, true));
      }
    }
    if (importer !== undefined && exporter !== undefined) {
      const valueGap = ratio(importer.value, exporter.value);
      const quantityGap = ratio(importer.quantity, exporter.quantity);
      const first = importer.first;
      gaps.push({
        year: first.year,
        exporter: first.exporter,
        importer: first.importer,
        hs: first.hs,
        importerReport: report(importer),
        exporterReport: report(exporter),
        ...(valueGap === undefined ? {} : { valueGap }),
        ...(quantityGap === undefined ? {} : { quantityGap }),
      });
    }
  }
  gaps.sort((a, b) => Math.abs(b.valueGap ?? 0) - Math.abs(a.valueGap ?? 0));
  return { flows, gaps, fallbacks };
}

/**
 * Options for {@link importTrade}.
 *
 * @category Trade
 */
export interface ImportTradeOptions extends ReadComtradeOptions {
  /** `'comtrade'` or `'baci'`. */
  readonly format: 'comtrade' | 'baci';
  /**
   * The publication the file is, as a dataset source: its id is what every flow's provenance
   * names, e.g. `{ id: 'comtrade-2024-jpn', title: 'UN Comtrade, HS 2805/2846/8505, 2024',
   * publisher: 'UN Statistics Division', year: 2026, published: '2026-11-30' }`.
   */
  readonly source: Source;
  /** BACI's country table (required for `'baci'`). */
  readonly countries?: BaciCountries;
  /** Which report of a mirrored flow to keep (default `'importer'`). */
  readonly prefer?: MirrorPreference;
}

/**
 * What {@link importTrade} read from a file: the model's flows, the countries they name, the
 * source, what was skipped, the mirror gaps, and the assumptions the flows rest on.
 *
 * @category Trade
 */
export interface TradeImport {
  /** The flows, in the model's form. */
  readonly flows: readonly TradeFlow[];
  /** Every country the flows name, with the file's names for it. */
  readonly countries: readonly Country[];
  /** The source every flow names. */
  readonly source: Source;
  /** Rows read, kept and skipped. */
  readonly summary: TradeReadSummary;
  /** Flows both sides report, with the gap between the reports. */
  readonly gaps: readonly MirrorGap[];
  /** Flows kept from the other side's report. */
  readonly fallbacks: number;
  /** What the flows rest on, in words. */
  readonly assumptions: readonly string[];
}

/**
 * Reads a whole UN Comtrade or CEPII BACI file ({@link readComtrade}, {@link readBaci}),
 * reconciles mirror flows ({@link reconcileMirror}) and returns the model's trade flows with
 * the countries they name and the assumptions they rest on — or throws, with nothing
 * half-imported, when any line of the file is bad. Memory grows with the rows kept (the
 * rare-earth codes are about 4 of BACI's 5,000 products), not with the file.
 *
 * @category Trade
 * @param source - the file, as any {@link TradeSource}
 * @param options - `format`, `source` (the publication), `countries` (BACI), `prefer`, and
 *   the readers' options
 * @returns the import
 * @throws {@link index!RareEarthsError} as the readers do, and (`invalid-argument`) for an unknown
 *   format, a missing source or a BACI import without its country table
 * @example
 * ```ts
 * import { importTrade } from 'rare-earths/trade';
 *
 * const csv = [
 *   'refYear,reporterISO,reporterDesc,flowCode,partnerISO,partnerDesc,cmdCode,netWgt,primaryValue',
 *   '2024,JPN,Japan,M,CHN,China,850511,1000,50000',
 *   '2024,CHN,China,X,JPN,Japan,850511,900,40000',
 * ].join('\n');
 * const source = { id: 'my-comtrade', title: 'UN Comtrade extract', publisher: 'UN Statistics Division', year: 2026 };
 * const result = await importTrade(csv, { format: 'comtrade', source, file: 'magnets.csv' });
 * result.flows[0]?.quantity?.amount; // => '1'
 * result.flows[0]?.provenance.locator; // => 'magnets.csv, line 2'
 * result.gaps[0]?.valueGap; // => 0.25
 * ```
 */
export async function importTrade(
  source: TradeSource,
  options: ImportTradeOptions,
): Promise<TradeImport> {
  const fn = 'importTrade';
  if (options?.format !== 'comtrade' && options?.format !== 'baci') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'format'],
        message: `expected 'comtrade' or 'baci', got ${JSON.stringify(options?.format)}`,
      },
    ]);
  }
  if (typeof options.source?.id !== 'string') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'source'],
        message: 'expected the publication the file is, as a dataset source with an id',
      },
    ]);
  }
  if (options.format === 'baci' && options.countries === undefined) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'countries'],
        message: 'expected the BACI release country table (readBaciCountries)',
      },
    ]);
  }
  const reader =
    options.format === 'baci'
      ? readBaci(source, { ...options, countries: options.countries as BaciCountries })
      : readComtrade(source, options);
  const records: TradeRecord[] = [];
  const names = new Map<string, string>();
  let step = await reader.next();
  while (step.done !== true) {
    const record = step.value;
    records.push(record);
    if (record.names.exporter !== undefined && !names.has(record.exporter))
      names.set(record.exporter, record.names.exporter);
    if (record.names.importer !== undefined && !names.has(record.importer))
      names.set(record.importer, record.names.importer);
    step = await reader.next();
  }
  const summary = step.value;
  const reconciled = reconcileMirror(records, {
    source: options.source.id,
    ...(options.prefer === undefined ? {} : { prefer: options.prefer }),
  });
  const named = new Set<string>();
  for (const flow of reconciled.flows) {
    if (flow.exporter !== 'other') named.add(flow.exporter);
    named.add(flow.importer);
  }
  const countries = [...named].sort().map((code) => ({ code, name: names.get(code) ?? code }));
  return {
    flows: reconciled.flows,
    countries,
    source: options.source,
    summary,
    gaps: reconciled.gaps,
    fallbacks: reconciled.fallbacks,
    assumptions: importAssumptions(options, reconciled, summary),
  };
}

function importAssumptions(
  options: ImportTradeOptions,
  reconciled: ReconciledTrade,
  summary: TradeReadSummary,
): string[] {
  const notes = [
    'Quantities are net weights of the traded product (t), not rare-earth oxide or metal content: customs record no content.',
  ];
  if (reconciled.flows.some((flow) => flow.commodity.hs === '8505.11')) {
    notes.push(
      'HS 8505.11 holds every permanent magnet of metal (NdFeB, SmCo, AlNiCo), not only rare-earth magnets.',
    );
  }
  if (options.format === 'comtrade') {
    const prefer = options.prefer ?? 'importer';
    notes.push(
      prefer === 'both'
        ? "Both sides' reports are kept as separate flows: a sum over them counts a mirrored flow twice."
        : `The ${prefer}'s report of a flow is kept; ${reconciled.fallbacks} flow(s) come from the other side's report because the ${prefer} reports none.`,
    );
    notes.push(
      'Values are US$ as reported: CIF for imports, FOB for exports (no CIF/FOB adjustment).',
    );
  } else {
    notes.push('Values are BACI FOB values converted from thousand US$ to US$.');
  }
  if (summary.withoutQuantity > 0)
    notes.push(
      `${summary.withoutQuantity} kept row(s) have no quantity; their flows carry a value only.`,
    );
  if (summary.estimatedQuantity > 0)
    notes.push(
      `${summary.estimatedQuantity} kept row(s) have a net weight the file flags as estimated.`,
    );
  const unallocated = summary.skipped['kept, unallocated partner booked to other'];
  if (unallocated !== undefined)
    notes.push(
      `${unallocated} row(s) from partners that are not countries were booked to 'other'.`,
    );
  return notes;
}

/**
 * A dataset with imported trade flows added: the flows appended, the source added, and each
 * country the flows name added when the dataset lacks it (with the file's name for it and no
 * governance figures). The result is validated as any dataset is; the inputs are not changed.
 *
 * @category Trade
 * @param dataset - the dataset to add to (e.g. the embedded baseline)
 * @param imports - one or more imports from {@link importTrade}
 * @returns the merged, validated dataset
 * @throws {@link index!RareEarthsError} (`invalid-input`) when the merged dataset fails validation
 *   (for example a source id the dataset already uses for another publication)
 * @example
 * ```ts
 * import { parseDataset } from 'rare-earths';
 * import { importTrade, mergeTrade } from 'rare-earths/trade';
 *
 * const base = parseDataset({ schemaVersion: 1, name: 'base', sources: [], countries: [] });
 * const csv = 'refYear,reporterISO,flowCode,partnerISO,cmdCode,netWgt,primaryValue\n2024,JPN,M,CHN,850511,1000,50000\n';
 * const source = { id: 'my-comtrade', title: 'UN Comtrade extract', publisher: 'UN Statistics Division', year: 2026 };
 * const merged = mergeTrade(base, [await importTrade(csv, { format: 'comtrade', source })]);
 * merged.tradeFlows?.length; // => 1
 * merged.countries.map((country) => country.code); // => ['CHN', 'JPN']
 * ```
 */
export function mergeTrade(dataset: Dataset, imports: readonly TradeImport[]): Dataset {
  const sources = [...dataset.sources];
  const countries = [...dataset.countries];
  const known = new Set<string>([
    ...countries.map((country) => country.code),
    ...(dataset.regions ?? []).map((region) => region.code),
  ]);
  const flows = [...(dataset.tradeFlows ?? [])];
  for (const imported of imports) {
    const existing = sources.findIndex((source) => source.id === imported.source.id);
    if (existing === -1) {
      sources.push(imported.source);
    } else if (JSON.stringify(sources[existing]) !== JSON.stringify(imported.source)) {
      throw new RareEarthsError('mergeTrade', 'invalid-input', [
        {
          path: ['sources', existing, 'id'],
          message: `expected a source id of its own for the imported file, got ${JSON.stringify(imported.source.id)}, which the dataset uses for "${sources[existing]?.title}"`,
        },
      ]);
    }
    for (const country of imported.countries) {
      if (!known.has(country.code)) {
        countries.push(country);
        known.add(country.code);
      }
    }
    flows.push(...imported.flows);
  }
  return parseDataset({ ...dataset, sources, countries, tradeFlows: flows });
}
