import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument } from '../errors/index.js';
import type { Schedule } from '../numeric/index.js';
import type { Lifetime, Timing } from '../stocks/index.js';
import {
  type DynamicStock,
  type InitialStock,
  type NegativeInflow,
  runInflowDriven,
  runStockDriven,
} from '../stocks/internal.js';
import {
  type ByElement,
  elementKeys,
  fractionsByYear,
  type ReadSeries,
  readYearSeries,
  type YearSeries,
  yearsFrom,
} from './series.js';

/**
 * Input of {@link recyclingOffset}: one application (EV traction motors, wind turbines, hard
 * disks …), how long its products last, what they contain, and how well they are recycled.
 *
 * Give either `sales` (the inflow to use) or `stock` (the stock in use, from which the sales are
 * solved for), in tonnes of product or of magnet per year (or tonnes, for the stock); the element
 * flows come out in the same mass unit.
 *
 * @category Offsets
 */
export interface RecyclingOffsetInput {
  /** Sales (inflow to use) by year, in tonnes of product or magnet per year, each ≥ 0. */
  readonly sales?: YearSeries;
  /** Or the stock in use at the end of each year, in tonnes, each ≥ 0 (stock-driven). */
  readonly stock?: YearSeries;
  /** Lifetime of the products in use: one, or one per sales year. */
  readonly lifetime: Lifetime | readonly Lifetime[];
  /** Where in its year a sale arrives; default `'middle'` (see {@link Timing}). */
  readonly timing?: Timing;
  /** With `stock`: what to do when the stock falls faster than products retire; default `'allow'`. */
  readonly negativeInflow?: NegativeInflow;
  /** Products already in use before the first year, by age (see {@link InitialStock}). */
  readonly initialStock?: InitialStock;
  /**
   * Mass fraction of each element in the product (t element per t product), by the year the
   * product was sold (so magnets made with less dysprosium carry less of it to end of life).
   */
  readonly content: ByElement<Schedule>;
  /** Fraction of end-of-life products collected for recycling, by year of end of life. */
  readonly collection: Schedule;
  /**
   * Yield of pre-processing (dismantling, magnet extraction, demagnetising): the fraction of the
   * element in collected products that reaches processing, by year.
   */
  readonly preprocessing: Schedule;
  /** Yield of processing (recovery of the element as oxide, metal or alloy), by year. */
  readonly processing: Schedule;
  /**
   * Demand for each element against which the end-of-life recycling input rate is measured
   * (t element per year; a whole market, say). Default: this application's own demand, sales ×
   * content. Must cover every year of the sales (or stock).
   */
  readonly demand?: ByElement<YearSeries>;
}

/**
 * The flows of one element through use, end of life and recycling.
 *
 * @category Offsets
 */
export interface RecyclingFlows {
  /** Demand the rate is measured against: the given `demand`, or sales × content (t/yr). */
  readonly demand: number[];
  /** Element in products reaching end of life (t/yr). */
  readonly endOfLife: number[];
  /** Element in end-of-life products collected (t/yr). */
  readonly collected: number[];
  /** Element reaching processing after pre-processing losses (t/yr). */
  readonly preprocessed: number[];
  /** Element recovered: the secondary supply (t/yr). */
  readonly secondary: number[];
  /**
   * The end-of-life recycling input rate, secondary ÷ demand (a fraction; above 1 if the scrap
   * exceeds the demand); `null` in a year without demand.
   */
  readonly eolRecyclingInputRate: (number | null)[];
}

/**
 * The result of {@link recyclingOffset}: product flows and element flows by year.
 *
 * @category Offsets
 */
export interface RecyclingOffset {
  /** Calendar years; every series below is aligned to them. */
  readonly years: number[];
  /** The product's flows and stock (tonnes of product or magnet). */
  readonly product: {
    /** Sales (given, or solved for from the stock), per year. */
    readonly sales: number[];
    /** In use at the end of each year. */
    readonly stock: number[];
    /** Reaching end of life, per year. */
    readonly endOfLife: number[];
  };
  /** Element flows, for each element of `content`. */
  readonly elements: ByElement<RecyclingFlows>;
}

/**
 * Secondary supply from recycling one application's end-of-life products, per year and element,
 * and the end-of-life recycling input rate it implies.
 *
 * Method: a dynamic stock model ({@link inflowDrivenStock} from sales, or {@link stockDrivenStock}
 * from the stock) gives the products reaching end of life by year and cohort. The element in them
 * is the end-of-life outflow of each cohort times the content of that cohort's year; then
 * secondary = end of life × collection × pre-processing yield × processing yield, each read in the
 * year of end of life (recycling is assumed to take place in that year). The end-of-life recycling
 * input rate (EoL-RIR) is secondary ÷ demand: the share of the input to production that comes from
 * old scrap, as the EU defines it (EU CRM study 2017, glossary; Eurostat `cei_srm010`); new
 * (manufacturing) scrap is not counted. Float64 throughout.
 *
 * @category Offsets
 * @param input - sales or stock, lifetime, content, collection and yields (see
 *   {@link RecyclingOffsetInput})
 * @returns years, product flows and, per element, demand, end of life, collected, pre-processed,
 *   secondary supply (tonnes per year) and the EoL-RIR (fraction)
 * @throws {@link RareEarthsError} (`invalid-argument`) when neither or both of `sales` and `stock`
 *   are given, for a content, rate or yield outside 0–1 in any year, an unknown element, a demand
 *   series that does not cover the years, and the input errors of the stock models;
 *   (`not-computable`) as {@link stockDrivenStock}
 * @example
 * ```ts
 * import { recyclingOffset } from 'rare-earths';
 *
 * const motors = recyclingOffset({
 *   sales: { start: 2020, values: [100, 100, 100, 100, 100] }, // t of magnet per year
 *   lifetime: { kind: 'fixed', mean: 2 },
 *   timing: 'end',
 *   content: { Nd: 0.3 },
 *   collection: { kind: 'ramp', from: { year: 2022, value: 0.5 }, to: { year: 2024, value: 1 } },
 *   preprocessing: 0.8,
 *   processing: 0.9,
 * });
 * motors.years; // => [2020, 2021, 2022, 2023, 2024]
 * motors.elements.Nd?.endOfLife; // => [0, 0, 30, 30, 30]
 * motors.elements.Nd?.secondary; // ≈ [0, 0, 10.8, 16.2, 21.6]
 * motors.elements.Nd?.eolRecyclingInputRate; // ≈ [0, 0, 0.36, 0.54, 0.72]
 * ```
 */
export function recyclingOffset(input: RecyclingOffsetInput): RecyclingOffset {
  const fn = 'recyclingOffset';
  if (typeof input !== 'object' || input === null) {
    return invalidArgument(fn, [], 'an object { sales or stock, lifetime, content, … }', input);
  }
  if ((input.sales === undefined) === (input.stock === undefined)) {
    invalidArgument(fn, ['sales'], 'either sales or stock (one of the two)', input.sales);
  }
  const elements = elementKeys(fn, ['content'], input.content);
  const given = input.sales === undefined ? input.stock : input.sales;
  const series = readYearSeries(fn, input.sales === undefined ? ['stock'] : ['sales'], given);
  const { start } = series;
  const n = series.values.length;
  const collection = fractionsByYear(fn, ['collection'], input.collection, start, n);
  const preprocessing = fractionsByYear(fn, ['preprocessing'], input.preprocessing, start, n);
  const processing = fractionsByYear(fn, ['processing'], input.processing, start, n);
  const h = input.initialStock?.byAge?.length ?? 0;
  // Content by cohort year, history included: content[h + c] is that of year start + c.
  const content = new Map<ElementSymbol, Float64Array>();
  for (const element of elements) {
    const schedule = input.content[element] as Schedule;
    content.set(element, fractionsByYear(fn, ['content', element], schedule, start - h, h + n));
  }
  const demand = new Map<ElementSymbol, Float64Array>();
  if (input.demand !== undefined) {
    for (const element of elementKeys(fn, ['demand'], input.demand)) {
      const path = ['demand', element];
      const read = readYearSeries(fn, path, input.demand[element]);
      demand.set(element, window(fn, path, read, start, n));
    }
  }
  const common = {
    lifetime: input.lifetime,
    ...(input.timing === undefined ? {} : { timing: input.timing }),
    ...(input.initialStock === undefined ? {} : { initialStock: input.initialStock }),
  };
  let model: DynamicStock;
  if (input.sales !== undefined) {
    model = runInflowDriven(fn, { inflow: series.values, ...common });
  } else {
    model = runStockDriven(fn, {
      stock: series.values,
      ...common,
      ...(input.negativeInflow === undefined ? {} : { negativeInflow: input.negativeInflow }),
    });
  }
  const out: { -readonly [E in ElementSymbol]?: RecyclingFlows } = {};
  for (const element of elements) {
    const c = content.get(element) as Float64Array;
    const own = demand.get(element);
    const flows: RecyclingFlows = {
      demand: [],
      endOfLife: [],
      collected: [],
      preprocessed: [],
      secondary: [],
      eolRecyclingInputRate: [],
    };
    for (let t = 0; t < n; t++) {
      const row = model.outflowByCohort[t] as Float64Array;
      let eol = 0;
      for (let k = 0; k <= t; k++) eol += (row[k] as number) * (c[h + k] as number);
      const initial = model.initial?.outflowByAge[t];
      if (initial !== undefined) {
        for (let k = 0; k < h; k++) eol += (initial[k] as number) * (c[h - 1 - k] as number);
      }
      const collected = eol * (collection[t] as number);
      const preprocessed = collected * (preprocessing[t] as number);
      const secondary = preprocessed * (processing[t] as number);
      const d =
        own === undefined ? (model.inflow[t] as number) * (c[h + t] as number) : (own[t] as number);
      flows.demand.push(d);
      flows.endOfLife.push(eol);
      flows.collected.push(collected);
      flows.preprocessed.push(preprocessed);
      flows.secondary.push(secondary);
      flows.eolRecyclingInputRate.push(d === 0 ? null : secondary / d);
    }
    out[element] = flows;
  }
  return {
    years: yearsFrom(start, n),
    product: { sales: model.inflow, stock: model.stock, endOfLife: model.outflow },
    elements: out,
  };
}

/**
 * The values of a series for the `count` years from `start`, which it must cover.
 *
 * @internal
 */
export function window(
  fn: string,
  path: readonly (string | number)[],
  series: ReadSeries,
  start: number,
  count: number,
): Float64Array {
  const from = start - series.start;
  if (from < 0 || from + count > series.values.length) {
    const last = series.start + series.values.length - 1;
    invalidArgument(
      fn,
      path,
      `a series covering ${start}–${start + count - 1}`,
      `${series.start}–${last}`,
    );
  }
  return series.values.subarray(from, from + count);
}
