import type { ElementSymbol } from '../elements/index.js';
import { invalidArgument } from '../errors/index.js';
import type { AdoptionCurve } from '../model/index.js';
import {
  checkFinite,
  checkFraction,
  checkInteger,
  type Schedule,
  scheduleValueAt,
} from '../numeric/internal.js';
import {
  type ByElement,
  elementKeys,
  readYearSeries,
  type YearSeries,
  yearsFrom,
} from './series.js';

/**
 * The share of demand that has taken up a substitute in a year.
 *
 * @category Offsets
 * @param curve - a logistic curve or a {@link Schedule} of fractions
 * @param year - a calendar year (integer)
 * @returns the adopted share, a fraction (0–1)
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-positive rate, a ceiling or floor
 *   outside 0–1, a floor above the ceiling, a schedule value outside 0–1, or a non-integer year
 * @example
 * ```ts
 * import { adoptionShare } from 'rare-earths';
 *
 * const ferrite = { kind: 'logistic', midpoint: 2032, rate: 0.5, ceiling: 0.3 } as const;
 * adoptionShare(ferrite, 2032); // => 0.15
 * adoptionShare(ferrite, 2040); // ≈ 0.2946
 * adoptionShare({ kind: 'table', values: { '2030': 0.1, '2035': 0.25 } }, 2033); // => 0.1
 * ```
 */
export function adoptionShare(curve: AdoptionCurve, year: number): number {
  return adoptionAt('adoptionShare', ['curve'], curve, year);
}

function adoptionAt(
  fn: string,
  path: readonly (string | number)[],
  curve: AdoptionCurve,
  year: number,
): number {
  checkInteger(fn, ['year'], year, Number.MIN_SAFE_INTEGER);
  if (typeof curve === 'object' && curve?.kind === 'logistic') {
    const midpoint = checkFinite(fn, [...path, 'midpoint'], curve.midpoint);
    const rate = curve.rate;
    if (typeof rate !== 'number' || !(rate > 0) || rate === Number.POSITIVE_INFINITY) {
      invalidArgument(fn, [...path, 'rate'], 'a positive growth rate per year', rate);
    }
    const ceiling = checkFraction(fn, [...path, 'ceiling'], curve.ceiling ?? 1);
    const floor = checkFraction(fn, [...path, 'floor'], curve.floor ?? 0);
    if (floor > ceiling) {
      invalidArgument(fn, [...path, 'floor'], `a floor at most the ceiling ${ceiling}`, floor);
    }
    return floor + (ceiling - floor) / (1 + Math.exp(-rate * (year - midpoint)));
  }
  const value = scheduleValueAt(fn, path, curve, year);
  if (!(value >= 0 && value <= 1)) {
    invalidArgument(fn, path, `a share between 0 and 1 in every year (${year} included)`, value);
  }
  return value;
}

/**
 * A substitution option for an application: who adopts it, and what it does to the element
 * intensity of the products that adopt it.
 *
 * @category Offsets
 */
export interface SubstitutionUptake {
  /** A label for charts and reports, e.g. `'ferrite motors'`. */
  readonly name?: string;
  /** The share of the application's demand that switches, by year. */
  readonly adoption: AdoptionCurve;
  /**
   * The relative change in element intensity in products that switch (≥ −1): −1 removes the
   * element (a rare-earth-free motor), −0.4 cuts it by 40% (grain-boundary diffusion for
   * dysprosium, say), a positive value adds to it. One value for every element of the demand, or
   * one per element (elements left out are unchanged); each may itself change over the years.
   */
  readonly intensityChange: Schedule | ByElement<Schedule>;
}

/**
 * Input of {@link substitutionOffset}.
 *
 * @category Offsets
 */
export interface SubstitutionOffsetInput {
  /**
   * The application's demand for each element without substitution (t/yr); every series covers
   * the same years.
   */
  readonly demand: ByElement<YearSeries>;
  /** The substitution option. */
  readonly option: SubstitutionUptake;
}

/**
 * The result of {@link substitutionOffset}.
 *
 * @category Offsets
 */
export interface SubstitutionOffset {
  /** The option's name, or `'substitution'`. */
  readonly name: string;
  /** Calendar years; every series below is aligned to them. */
  readonly years: number[];
  /** The adopted share in each year (fraction). */
  readonly adoption: number[];
  /** For each element of the demand: the demand given, the primary demand avoided and what remains (t/yr). */
  readonly elements: ByElement<{
    /** The demand without substitution. */
    readonly demand: number[];
    /** Demand avoided: demand × adoption × (−intensity change); negative if the substitute uses more. */
    readonly avoided: number[];
    /** Demand after substitution: demand − avoided. */
    readonly remaining: number[];
  }>;
}

/**
 * Primary demand avoided per year and element when part of an application switches to a
 * substitute: `avoided = demand × adoption(year) × (−intensityChange(year))`.
 *
 * The demand given is what the application would need without the substitute; adoption is the
 * share of it that switches; the intensity change is relative, per element. Effects on future
 * scrap (fewer magnets reaching end of life) are not modelled here: lower the `content` of
 * {@link recyclingOffset} for that. Float64.
 *
 * @category Offsets
 * @param input - `demand` by element (t/yr) and the substitution `option`
 * @returns years, the adopted share and, per element, demand, avoided and remaining (t/yr)
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown element, demand series over
 *   different years or with negative values, an adoption outside 0–1, or an intensity change below −1
 * @example
 * ```ts
 * import { substitutionOffset } from 'rare-earths';
 *
 * const offset = substitutionOffset({
 *   demand: { Nd: { start: 2030, values: [1000, 1100, 1200] }, Dy: { start: 2030, values: [60, 66, 72] } },
 *   option: {
 *     name: 'rare-earth-free motors',
 *     adoption: { kind: 'table', values: { '2030': 0.1, '2031': 0.2, '2032': 0.25 } },
 *     intensityChange: -1,
 *   },
 * });
 * offset.elements.Nd?.avoided; // ≈ [100, 220, 300]
 * offset.elements.Dy?.remaining; // ≈ [54, 52.8, 54]
 * ```
 */
export function substitutionOffset(input: SubstitutionOffsetInput): SubstitutionOffset {
  const fn = 'substitutionOffset';
  if (typeof input !== 'object' || input === null) {
    return invalidArgument(fn, [], 'an object { demand, option }', input);
  }
  const elements = elementKeys(fn, ['demand'], input.demand);
  const series = elements.map((element) =>
    readYearSeries(fn, ['demand', element], input.demand[element]),
  );
  const first = series[0] as (typeof series)[number];
  const { start } = first;
  const n = first.values.length;
  series.forEach((s, i) => {
    if (s.start !== start || s.values.length !== n) {
      invalidArgument(
        fn,
        ['demand', elements[i] as ElementSymbol],
        `a series over the same years as ${elements[0]} (${start}–${start + n - 1})`,
        `${s.start}–${s.start + s.values.length - 1}`,
      );
    }
  });
  const option = input.option;
  if (typeof option !== 'object' || option === null) {
    return invalidArgument(
      fn,
      ['option'],
      'a substitution option { adoption, intensityChange }',
      option,
    );
  }
  const adoption = yearsFrom(start, n).map((year) =>
    adoptionAt(fn, ['option', 'adoption'], option.adoption, year),
  );
  const change = option.intensityChange;
  const perElement = typeof change === 'object' && change !== null && !('kind' in change);
  if (perElement) elementKeys(fn, ['option', 'intensityChange'], change);
  const out: {
    -readonly [E in ElementSymbol]?: { demand: number[]; avoided: number[]; remaining: number[] };
  } = {};
  elements.forEach((element, i) => {
    const schedule = perElement ? (change as ByElement<Schedule>)[element] : (change as Schedule);
    const path = perElement
      ? ['option', 'intensityChange', element]
      : ['option', 'intensityChange'];
    const values = (series[i] as (typeof series)[number]).values;
    const demand = Array.from(values);
    const avoided = demand.map((d, k) => {
      if (schedule === undefined) return 0;
      const delta = scheduleValueAt(fn, path, schedule, start + k);
      if (delta < -1) {
        invalidArgument(
          fn,
          path,
          `a relative change of at least −1 in every year (${start + k} included)`,
          delta,
        );
      }
      return d * (adoption[k] as number) * (0 - delta);
    });
    out[element] = { demand, avoided, remaining: demand.map((d, k) => d - (avoided[k] as number)) };
  });
  return {
    name: typeof option.name === 'string' ? option.name : 'substitution',
    years: yearsFrom(start, n),
    adoption,
    elements: out,
  };
}

/**
 * A substitute for one use of a material, scored as in the EU criticality method.
 *
 * @category Offsets
 */
export interface SubstituteScore {
  /** Share of the use that this substitute can take (fraction). */
  readonly subShare: number;
  /** Cost and performance score SCP (fraction; 1 means no real substitute, lower is better). */
  readonly costPerformance: number;
  /** Substitute production score SP (fraction). */
  readonly production: number;
  /** Substitute criticality score SCr (fraction; 1 for a critical substitute). */
  readonly criticality: number;
}

/**
 * Input of {@link substitutionIndices}: the material's end uses and their substitutes.
 *
 * @category Offsets
 */
export interface SubstitutionIndexInput {
  /** End uses of the material. */
  readonly uses: readonly {
    /** Share of the material's end use (normalised over all uses, so tonnes work too). */
    readonly share: number;
    /** Substitutes for this use; their sub-shares sum to at most 1; the rest scores 1. */
    readonly substitutes?: readonly SubstituteScore[];
  }[];
}

/**
 * The result of {@link substitutionIndices}: fractions, 1 meaning no substitution is possible.
 *
 * @category Offsets
 */
export interface SubstitutionIndices {
  /** SI_EI, the substitution index used in economic importance. */
  readonly economicImportance: number;
  /** SI_SR, the substitution index used in supply risk. */
  readonly supplyRisk: number;
}

/**
 * The EU substitution indices of a material, SI_EI (for economic importance) and SI_SR (for supply
 * risk), from its end uses, the sub-shares its substitutes can take and their scores.
 *
 * Definition (EU criticality methodology, 2017 guidelines, as reconstructed in the project's
 * methods notes §3.5; **the scoring grid was not checked against the primary guidelines**):
 * SI_EI = Σ_a share_a · [Σ_i subShare_i,a · SCP_i,a + (1 − Σ_i subShare_i,a)] and
 * SI_SR = Σ_a share_a · [Σ_i subShare_i,a · (SCP_i,a · SP_i · SCr_i)^(1/3) + (1 − Σ_i subShare_i,a)],
 * the part of a use without substitutes scoring 1 (no substitution). Both lie in 0–1; 1 means no
 * substitution is possible. Float64.
 *
 * @category Offsets
 * @param input - the uses with their shares and substitutes
 * @returns `{ economicImportance, supplyRisk }`: SI_EI and SI_SR, fractions
 * @throws {@link RareEarthsError} (`invalid-argument`) for no uses, negative or all-zero shares, a
 *   score outside 0–1, or sub-shares of one use summing above 1
 * @example
 * ```ts
 * import { substitutionIndices } from 'rare-earths';
 *
 * const indices = substitutionIndices({
 *   uses: [
 *     { share: 0.6, substitutes: [{ subShare: 0.5, costPerformance: 0.8, production: 1, criticality: 1 }] },
 *     { share: 0.4 },
 *   ],
 * });
 * indices.economicImportance; // ≈ 0.94
 * indices.supplyRisk; // ≈ 0.9785
 * ```
 */
export function substitutionIndices(input: SubstitutionIndexInput): SubstitutionIndices {
  const fn = 'substitutionIndices';
  const uses = (input as { uses?: unknown } | null)?.uses;
  if (!Array.isArray(uses) || uses.length === 0) {
    return invalidArgument(fn, ['uses'], 'a non-empty array of uses { share, substitutes? }', uses);
  }
  let total = 0;
  let ei = 0;
  let sr = 0;
  (uses as SubstitutionIndexInput['uses']).forEach((use, a) => {
    const share = use?.share;
    if (typeof share !== 'number' || !Number.isFinite(share) || share < 0) {
      invalidArgument(fn, ['uses', a, 'share'], 'a finite non-negative share', share);
    }
    let covered = 0;
    let useEi = 0;
    let useSr = 0;
    (use.substitutes ?? []).forEach((s, i) => {
      const path = ['uses', a, 'substitutes', i];
      const sub = checkFraction(fn, [...path, 'subShare'], s?.subShare);
      const scp = checkFraction(fn, [...path, 'costPerformance'], s.costPerformance);
      const sp = checkFraction(fn, [...path, 'production'], s.production);
      const scr = checkFraction(fn, [...path, 'criticality'], s.criticality);
      covered += sub;
      useEi += sub * scp;
      useSr += sub * Math.cbrt(scp * sp * scr);
    });
    if (covered > 1 + 1e-9) {
      invalidArgument(fn, ['uses', a, 'substitutes'], 'sub-shares summing to at most 1', covered);
    }
    const rest = Math.max(0, 1 - covered);
    total += share;
    ei += share * (useEi + rest);
    sr += share * (useSr + rest);
  });
  if (total === 0) invalidArgument(fn, ['uses'], 'at least one positive share', 0);
  return { economicImportance: ei / total, supplyRisk: sr / total };
}
