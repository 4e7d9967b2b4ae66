import { hhiByGroup } from '../concentration/index.js';
import { RareEarthsError } from '../errors/index.js';
import type { Region, Stage, TradeFlow } from '../model/index.js';
import { toNumber } from '../numeric/index.js';

/**
 * Options for {@link tradeConcentration}.
 *
 * @category Trade
 */
export interface TradeConcentrationOptions {
  /** Concentrate by `'value'` (US$, default) or `'quantity'` (t). */
  readonly measure?: 'value' | 'quantity';
  /**
   * Regions whose members import as one (e.g. the dataset's `EU27`): a member's imports count
   * for the region, and flows between two members (intra-EU trade) are left out.
   */
  readonly regions?: readonly Region[];
  /** Keep only these importers (country or region codes). */
  readonly importers?: readonly string[];
  /** Keep only these HS codes (`'8505.11'`). */
  readonly hs?: readonly string[];
}

/**
 * An importer's largest partner.
 *
 * @category Trade
 */
export interface TopPartner {
  /** The exporting country (or `'other'`). */
  readonly exporter: string;
  /** Its share of the importer's total, 0–1. */
  readonly share: number;
}

/**
 * The concentration of one importer's imports of one code in one year, by partner.
 *
 * @category Trade
 */
export interface TradeConcentrationRow {
  /** The importing country or region. */
  readonly importer: string;
  /** The year. */
  readonly year: number;
  /** The HS code. */
  readonly hs: string;
  /** The stage whose product the code carries, when the flows say. */
  readonly stage?: Stage;
  /** Total imports in the measure's unit (US$ or t). */
  readonly total: number;
  /** HHI of the partners' shares, 0–1 (`'other'` counted as one partner). */
  readonly hhi: number;
  /** Partners with a positive share. */
  readonly partners: number;
  /** The largest partner and its share (0–1). */
  readonly top: TopPartner;
  /** Share booked to `'other'` (unallocated partners), 0 when none. */
  readonly otherShare: number;
  /** Flows of this importer, year and code left out because they lack the measure. */
  readonly withoutMeasure: number;
}

/** The columns the kernel reads: one entry per (importer, year, code, exporter) row. @internal */
export interface TradeColumns {
  readonly importer: readonly string[];
  readonly year: readonly number[];
  readonly hs: readonly string[];
  readonly exporter: readonly string[];
  readonly amount: readonly number[];
  readonly stage?: readonly (Stage | undefined)[];
  readonly missing?: readonly number[];
}

/**
 * HHI per importer × year × code over long columns, through {@link index!hhiByGroup}: the one
 * kernel both the in-memory path and the DuckDB entry feed. @internal
 */
export function concentrationOfColumns(columns: TradeColumns): TradeConcentrationRow[] {
  const groups = new Map<string, number>();
  const suppliers = new Map<string, number>();
  const supplierNames: string[] = [];
  const n = columns.amount.length;
  const group = new Int32Array(n);
  const supplier = new Int32Array(n);
  const keys: {
    importer: string;
    year: number;
    hs: string;
    stage: Stage | undefined;
    missing: number;
  }[] = [];
  for (let r = 0; r < n; r += 1) {
    const key = `${columns.importer[r]}|${columns.year[r]}|${columns.hs[r]}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = keys.length;
      groups.set(key, g);
      keys.push({
        importer: columns.importer[r] as string,
        year: columns.year[r] as number,
        hs: columns.hs[r] as string,
        stage: columns.stage?.[r],
        missing: 0,
      });
    }
    const entry = keys[g] as (typeof keys)[number];
    entry.missing += columns.missing?.[r] ?? 0;
    if (entry.stage === undefined && columns.stage?.[r] !== undefined)
      entry.stage = columns.stage[r];
    const exporter = columns.exporter[r] as string;
    let s = suppliers.get(exporter);
    if (s === undefined) {
      s = supplierNames.length;
      suppliers.set(exporter, s);
      supplierNames.push(exporter);
    }
    group[r] = g;
    supplier[r] = s;
  }
  const result = hhiByGroup({ group, value: columns.amount, supplier }, { groups: keys.length });
  // The top partner and the 'other' share of each group, from the same rows.
  const byGroupSupplier = new Map<number, Map<number, number>>();
  for (let r = 0; r < n; r += 1) {
    const perSupplier = byGroupSupplier.get(group[r] as number) ?? new Map<number, number>();
    perSupplier.set(
      supplier[r] as number,
      (perSupplier.get(supplier[r] as number) ?? 0) + (columns.amount[r] as number),
    );
    byGroupSupplier.set(group[r] as number, perSupplier);
  }
  const rows: TradeConcentrationRow[] = [];
  keys.forEach((key, g) => {
    const total = result.total[g] as number;
    if (!(total > 0)) return;
    let top = { exporter: '', amount: -1 };
    let other = 0;
    for (const [s, amount] of byGroupSupplier.get(g) ?? []) {
      const name = supplierNames[s] as string;
      if (amount > top.amount || (amount === top.amount && name < top.exporter))
        top = { exporter: name, amount };
      if (name === 'other') other = amount;
    }
    rows.push({
      importer: key.importer,
      year: key.year,
      hs: key.hs,
      ...(key.stage === undefined ? {} : { stage: key.stage }),
      total,
      hhi: result.hhi[g] as number,
      partners: result.suppliers[g] as number,
      top: { exporter: top.exporter, share: top.amount / total },
      otherShare: other / total,
      withoutMeasure: key.missing,
    });
  });
  rows.sort(
    (a, b) => a.importer.localeCompare(b.importer) || a.hs.localeCompare(b.hs) || a.year - b.year,
  );
  return rows;
}

/** Member → region, for the regions asked for. @internal */
export function regionOf(fn: string, regions: readonly Region[] | undefined): Map<string, string> {
  const member = new Map<string, string>();
  (regions ?? []).forEach((region, index) => {
    if (typeof region?.code !== 'string' || !Array.isArray(region.members)) {
      throw new RareEarthsError(fn, 'invalid-argument', [
        { path: ['options', 'regions', index], message: 'expected a region { code, members }' },
      ]);
    }
    for (const code of region.members) member.set(code, region.code);
  });
  return member;
}

/**
 * The concentration of each importer's imports by partner: for every importer × year × HS
 * code, the Herfindahl–Hirschman index of the exporters' shares (by value or by weight), the
 * number of partners, the largest partner and its share. Regions may import as one (the EU's
 * extra-EU imports), with flows between their members left out. This is the in-memory twin of
 * the DuckDB entry's `duckdbTradeConcentration`: both feed the same kernel,
 * {@link index!hhiByGroup}. Flows over a period, and flows without the measure, are left out
 * (the latter counted in `withoutMeasure`).
 *
 * Definition: HHI = Σ sᵢ², sᵢ a partner's share of the importer's total (Herfindahl 1950,
 * Hirschman 1945); the EU criticality method measures the concentration of EU sourcing the
 * same way (European Commission 2017, Methodology for establishing the EU list of critical raw
 * materials).
 *
 * @category Trade
 * @param flows - trade flows (an import's `flows`, or a dataset's `tradeFlows`)
 * @param options - `measure`, `regions`, `importers`, `hs`
 * @returns one row per importer × year × code with imports, sorted by importer, code, year
 * @throws {@link index!RareEarthsError} (`invalid-argument`) for an unknown measure or a malformed
 *   region, and (`unit-mismatch`) for a value not in US$; weights in kg are read as t / 1000
 * @example
 * ```ts
 * import { tradeConcentration } from 'rare-earths/trade';
 *
 * const flow = (exporter: string, importer: string, usd: number) => ({
 *   year: 2024, exporter, importer, commodity: { hs: '8505.11', description: 'permanent magnets of metal' },
 *   value: { amount: usd, currency: 'USD' }, provenance: { source: 'x', tag: 'reported' as const },
 * });
 * const rows = tradeConcentration(
 *   [flow('CHN', 'DEU', 90), flow('JPN', 'DEU', 10), flow('CHN', 'FRA', 50), flow('DEU', 'FRA', 50)],
 *   { regions: [{ code: 'EU27', name: 'European Union', members: ['DEU', 'FRA'] }] },
 * );
 * rows[0]?.importer; // => 'EU27'
 * rows[0]?.top; // => { exporter: 'CHN', share: 0.9333333333333333 }
 * ```
 */
export function tradeConcentration(
  flows: readonly TradeFlow[],
  options: TradeConcentrationOptions = {},
): TradeConcentrationRow[] {
  const fn = 'tradeConcentration';
  const measure = options.measure ?? 'value';
  if (measure !== 'value' && measure !== 'quantity') {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: ['options', 'measure'],
        message: `expected 'value' or 'quantity', got ${JSON.stringify(measure)}`,
      },
    ]);
  }
  const region = regionOf(fn, options.regions);
  const importers = options.importers === undefined ? undefined : new Set(options.importers);
  const codes = options.hs === undefined ? undefined : new Set(options.hs);
  const columns = {
    importer: [] as string[],
    year: [] as number[],
    hs: [] as string[],
    exporter: [] as string[],
    amount: [] as number[],
    stage: [] as (Stage | undefined)[],
    missing: [] as number[],
  };
  flows.forEach((flow, index) => {
    if (flow.year === undefined) return;
    if (measure === 'value' && flow.value !== undefined && flow.value.currency !== 'USD') {
      throw new RareEarthsError(fn, 'unit-mismatch', [
        {
          path: ['flows', index, 'value', 'currency'],
          message: `expected US$ (USD), got ${JSON.stringify(flow.value.currency)}`,
        },
      ]);
    }
    const importer = region.get(flow.importer) ?? flow.importer;
    if (region.has(flow.importer) && region.get(flow.exporter) === importer) return; // intra-region
    const hs = flow.commodity.hs ?? flow.commodity.description;
    if (importers !== undefined && !importers.has(importer)) return;
    if (codes !== undefined && !codes.has(hs)) return;
    const measured = measure === 'value' ? flow.value?.amount : flow.quantity?.amount;
    const perTonne = measure === 'quantity' && flow.quantity?.unit === 'kg' ? 1000 : 1;
    columns.importer.push(importer);
    columns.year.push(flow.year);
    columns.hs.push(hs);
    columns.exporter.push(flow.exporter);
    columns.stage.push(flow.commodity.stage);
    columns.amount.push(measured === undefined ? 0 : toNumber(measured) / perTonne);
    columns.missing.push(measured === undefined ? 1 : 0);
  });
  return concentrationOfColumns(columns);
}
