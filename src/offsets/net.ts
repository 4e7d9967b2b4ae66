import type { ElementSymbol } from '../elements/index.js';
import { ELEMENT_ROWS } from '../elements/internal.js';
import { invalidArgument } from '../errors/index.js';
import type { RecyclingOffset } from './recycling.js';
import {
  type ByElement,
  elementKeys,
  readYearSeries,
  type YearSeries,
  yearsFrom,
} from './series.js';
import type { SubstitutionOffset } from './substitution.js';

/**
 * One application in {@link netPrimaryDemand}: its demand, and the offsets that reduce it.
 *
 * @category Offsets
 */
export interface DemandApplication {
  /** A unique label, e.g. `'EV motors'`. */
  readonly name: string;
  /**
   * The application's demand for each element (t/yr). Default: the demand of its first
   * substitution result, else that of its recycling result.
   */
  readonly demand?: ByElement<YearSeries>;
  /** Secondary supply from the application's own end-of-life products ({@link recyclingOffset}). */
  readonly recycling?: RecyclingOffset;
  /**
   * Substitution options ({@link substitutionOffset}); with several, their adoption shares in a
   * year must not sum above 1.
   */
  readonly substitution?: SubstitutionOffset | readonly SubstitutionOffset[];
}

/**
 * Input of {@link netPrimaryDemand}.
 *
 * @category Offsets
 */
export interface NetPrimaryDemandInput {
  /** The applications, each with a unique name. */
  readonly applications: readonly DemandApplication[];
}

/**
 * The terms of the demand identity `demand = primary + recycled + substituted`, per year (t/yr),
 * aligned to the result's `years`; stack `primary`, `recycled` and `substituted` to draw `demand`.
 *
 * @category Offsets
 */
export interface DemandTerms {
  /** Demand without offsets. */
  readonly demand: number[];
  /** Met by secondary supply from recycling. */
  readonly recycled: number[];
  /** Avoided by substitution. */
  readonly substituted: number[];
  /** Left for primary supply: demand − recycled − substituted (negative if the offsets exceed it). */
  readonly primary: number[];
}

/**
 * The result of {@link netPrimaryDemand}.
 *
 * @category Offsets
 */
export interface NetPrimaryDemand {
  /** Calendar years covered by every application's demand. */
  readonly years: number[];
  /** Per application, in input order: the terms for each element of its demand. */
  readonly applications: readonly {
    /** The application's name. */
    readonly name: string;
    /** The terms, per element. */
    readonly elements: ByElement<DemandTerms>;
  }[];
  /** The terms summed over the applications, per element. */
  readonly total: ByElement<DemandTerms>;
}

interface Span {
  readonly start: number;
  readonly values: ArrayLike<number>;
}

/**
 * Primary demand per year, element and application once recycling and substitution are taken off:
 * `primary = demand − recycled − substituted`, with every term reported so that a chart can stack
 * them, and the totals over applications.
 *
 * The offsets are taken as independent (the usual first-order accounting): recycling counts the
 * application's own end-of-life scrap against its demand, and substitution the demand it avoids.
 * Years are those every application's demand covers; each offset must cover them too. Float64.
 *
 * @category Offsets
 * @param input - the applications, each with its demand (given or taken from an offset) and offsets
 * @returns the years, the terms per application and element, and their totals (t/yr)
 * @throws {@link RareEarthsError} (`invalid-argument`) for no applications, a missing or repeated
 *   name, an application with no demand to take, demand spans that do not overlap, an offset that
 *   does not cover the years or names an element the demand lacks, or substitution shares summing
 *   above 1
 * @example
 * ```ts
 * import { netPrimaryDemand, recyclingOffset, substitutionOffset } from 'rare-earths';
 *
 * const demand = { Nd: { start: 2030, values: [100, 100, 100] } };
 * const net = netPrimaryDemand({
 *   applications: [
 *     {
 *       name: 'EV motors',
 *       demand,
 *       substitution: substitutionOffset({ demand, option: { adoption: 0.1, intensityChange: -1 } }),
 *       recycling: recyclingOffset({
 *         sales: { start: 2030, values: [250, 250, 250] },
 *         initialStock: { byAge: [250, 250] },
 *         lifetime: { kind: 'fixed', mean: 2 },
 *         timing: 'end',
 *         content: { Nd: 0.4 },
 *         collection: 0.5,
 *         preprocessing: 1,
 *         processing: 1,
 *       }),
 *     },
 *   ],
 * });
 * net.total.Nd?.primary; // ≈ [40, 40, 40]
 * net.applications[0]?.elements.Nd?.recycled; // ≈ [50, 50, 50]
 * ```
 */
export function netPrimaryDemand(input: NetPrimaryDemandInput): NetPrimaryDemand {
  const fn = 'netPrimaryDemand';
  const applications = (input as { applications?: unknown } | null)?.applications;
  if (!Array.isArray(applications) || applications.length === 0) {
    return invalidArgument(fn, ['applications'], 'a non-empty array of applications', applications);
  }
  const names = new Set<string>();
  const prepared = (applications as readonly DemandApplication[]).map((app, i) => {
    const path = ['applications', i];
    if (typeof app !== 'object' || app === null) {
      return invalidArgument(
        fn,
        path,
        'an application { name, demand?, recycling?, substitution? }',
        app,
      );
    }
    if (typeof app.name !== 'string' || app.name === '' || names.has(app.name)) {
      invalidArgument(fn, [...path, 'name'], 'a unique, non-empty name', app.name);
    }
    names.add(app.name);
    const substitution =
      app.substitution === undefined
        ? []
        : Array.isArray(app.substitution)
          ? (app.substitution as readonly SubstitutionOffset[])
          : [app.substitution as SubstitutionOffset];
    substitution.forEach((s, k) => {
      checkResult(
        fn,
        [...path, 'substitution', ...(Array.isArray(app.substitution) ? [k] : [])],
        s,
      );
    });
    if (app.recycling !== undefined) checkResult(fn, [...path, 'recycling'], app.recycling);
    return { app, substitution, demand: demandOf(fn, path, app, substitution) };
  });
  // The years every application's demand covers.
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.POSITIVE_INFINITY;
  for (const { demand } of prepared) {
    for (const span of demand.values()) {
      from = Math.max(from, span.start);
      to = Math.min(to, span.start + span.values.length - 1);
    }
  }
  if (from > to) {
    invalidArgument(
      fn,
      ['applications'],
      'demand series sharing at least one year',
      `${from}–${to}`,
    );
  }
  const years = yearsFrom(from, to - from + 1);
  const total: { -readonly [E in ElementSymbol]?: DemandTerms } = {};
  const out = prepared.map(({ app, substitution, demand }, i) => {
    const path = ['applications', i];
    const elements: { -readonly [E in ElementSymbol]?: DemandTerms } = {};
    const own = [...demand.keys()];
    if (app.recycling !== undefined) {
      foreignElements(fn, [...path, 'recycling'], app.recycling, own);
    }
    substitution.forEach((s, k) => {
      const sPath = [...path, 'substitution', ...(Array.isArray(app.substitution) ? [k] : [])];
      foreignElements(fn, sPath, s, own);
      cover(fn, sPath, { start: s.years[0] as number, values: s.adoption }, from, to);
    });
    if (substitution.length > 1) {
      years.forEach((year) => {
        const sum = substitution.reduce(
          (acc, s) => acc + (s.adoption[year - (s.years[0] as number)] as number),
          0,
        );
        if (sum > 1 + 1e-9) {
          invalidArgument(
            fn,
            [...path, 'substitution'],
            `adoption shares summing to at most 1 (${year} included)`,
            sum,
          );
        }
      });
    }
    for (const [element, span] of demand) {
      // Every demand span covers the years: they are the intersection of the spans.
      const d = Array.prototype.slice.call(span.values, from - span.start) as number[];
      const recycled = app.recycling?.elements[element];
      const r =
        recycled === undefined
          ? undefined
          : cover(
              fn,
              [...path, 'recycling'],
              { start: app.recycling?.years[0] as number, values: recycled.secondary },
              from,
              to,
            );
      const terms: DemandTerms = { demand: [], recycled: [], substituted: [], primary: [] };
      years.forEach((_, k) => {
        const dk = d[k] as number;
        const rk = r === undefined ? 0 : (r[k] as number);
        let sk = 0;
        for (const s of substitution) {
          const avoided = s.elements[element]?.avoided;
          if (avoided !== undefined) sk += avoided[from - (s.years[0] as number) + k] as number;
        }
        terms.demand.push(dk);
        terms.recycled.push(rk);
        terms.substituted.push(sk);
        terms.primary.push(dk - rk - sk);
      });
      elements[element] = terms;
      const sum = total[element] ?? {
        demand: years.map(() => 0),
        recycled: years.map(() => 0),
        substituted: years.map(() => 0),
        primary: years.map(() => 0),
      };
      for (const key of ['demand', 'recycled', 'substituted', 'primary'] as const) {
        terms[key].forEach((v, k) => {
          sum[key][k] = (sum[key][k] as number) + v;
        });
      }
      total[element] = sum;
    }
    return { name: app.name, elements: sortByElement(elements) };
  });
  return { years, applications: out, total: sortByElement(total) };
}

function demandOf(
  fn: string,
  path: readonly (string | number)[],
  app: DemandApplication,
  substitution: readonly SubstitutionOffset[],
): Map<ElementSymbol, Span> {
  const out = new Map<ElementSymbol, Span>();
  if (app.demand !== undefined) {
    for (const element of elementKeys(fn, [...path, 'demand'], app.demand)) {
      out.set(element, readYearSeries(fn, [...path, 'demand', element], app.demand[element]));
    }
    return out;
  }
  const source = substitution[0] ?? app.recycling;
  if (source === undefined) {
    return invalidArgument(
      fn,
      [...path, 'demand'],
      'a demand, or a recycling or substitution result to take it from',
      undefined,
    );
  }
  for (const element of elementKeys(fn, [...path, 'demand'], source.elements)) {
    const terms = source.elements[element] as { demand: number[] };
    out.set(element, { start: source.years[0] as number, values: terms.demand });
  }
  return out;
}

function checkResult(
  fn: string,
  path: readonly (string | number)[],
  result: { years?: unknown; elements?: unknown } | undefined,
): void {
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray(result.years) ||
    result.years.length === 0 ||
    typeof result.elements !== 'object' ||
    result.elements === null
  ) {
    invalidArgument(fn, path, 'a result of recyclingOffset or substitutionOffset', result);
  }
}

function foreignElements(
  fn: string,
  path: readonly (string | number)[],
  result: RecyclingOffset | SubstitutionOffset,
  own: readonly ElementSymbol[],
): void {
  for (const element of Object.keys(result.elements)) {
    if (!own.includes(element as ElementSymbol)) {
      invalidArgument(
        fn,
        [...path, 'elements', element],
        `an element of the application's demand (${own.join(', ')})`,
        element,
      );
    }
  }
}

/** The values of a span for the years from … to, which it must cover. */
function cover(
  fn: string,
  path: readonly (string | number)[],
  span: Span,
  from: number,
  to: number,
): ArrayLike<number> {
  const offset = from - span.start;
  if (offset < 0 || span.start + span.values.length - 1 < to) {
    invalidArgument(
      fn,
      path,
      `years covering ${from}–${to}`,
      `${span.start}–${span.start + span.values.length - 1}`,
    );
  }
  return Array.prototype.slice.call(span.values, offset, offset + to - from + 1) as number[];
}

/** The record with its keys in order of atomic number. */
function sortByElement<T>(record: { [E in ElementSymbol]?: T }): ByElement<T> {
  const out: { [E in ElementSymbol]?: T } = {};
  for (const row of ELEMENT_ROWS) {
    const symbol = row.symbol as ElementSymbol;
    if (record[symbol] !== undefined) out[symbol] = record[symbol];
  }
  return out;
}
