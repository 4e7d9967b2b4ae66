import { SHARE_SUM_TOLERANCE } from '../concentration/internal.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import { checkFraction, checkNonNegative, neumaierSum } from '../numeric/internal.js';

/**
 * One end use of a material: its share of the material's use, and the value added of the
 * manufacturing sector it belongs to.
 *
 * @category Criticality
 */
export interface EndUse {
  /** The application, e.g. `'Magnets'` (a label for the trace; not used in the arithmetic). */
  readonly application?: string;
  /** The NACE Rev.2 two-digit sector, e.g. `'C25'` (a label; not used in the arithmetic). */
  readonly sector?: string;
  /** A_s: the share of the material's end use in this application, a fraction (0–1). */
  readonly share: number;
  /**
   * Q_s: the value added of the sector, in any currency unit shared with `maxValueAdded`
   * (EU 2023 uses € million, e.g. C25 163 568).
   */
  readonly valueAdded: number;
}

/**
 * The inputs of the EU economic-importance formula; see {@link economicImportance}.
 *
 * @category Criticality
 */
export interface EconomicImportanceInput {
  /**
   * The end uses with their shares and sector value added. Uses without a sector (EU 2023 lists
   * europium's "other 90 %" that way) are left out; their shares then add nothing.
   */
  readonly uses: readonly EndUse[];
  /**
   * The value added of the largest manufacturing sector, the scale's denominator, in the unit of
   * `valueAdded` (EU 2023: C28 "machinery and equipment n.e.c.", € 204 200 million).
   */
  readonly maxValueAdded: number;
  /** The substitution index for economic importance SI_EI, 0–1 (1: no substitute). */
  readonly substitutionIndex: number;
}

/**
 * One end use's term A_s·Q_s, with the use it came from.
 *
 * @category Criticality
 */
export interface EndUseTerm extends EndUse {
  /** A_s·Q_s, in the unit of the value added. */
  readonly contribution: number;
}

/**
 * Validated EI parts: the terms, their sum, and EI itself.
 *
 * @internal
 */
export interface EconomicImportanceParts {
  readonly terms: readonly EndUseTerm[];
  readonly sum: number;
  readonly value: number;
}

/**
 * Check EI inputs (uses under `path`) and compute EI with its terms.
 *
 * @internal
 */
export function economicImportanceParts(
  fn: string,
  path: readonly (string | number)[],
  uses: unknown,
  maxValueAdded: unknown,
  substitutionIndex: number,
  siPath: readonly (string | number)[],
): EconomicImportanceParts {
  if (!Array.isArray(uses) || uses.length === 0) {
    invalidArgument(fn, [...path, 'uses'], 'at least one end use', uses);
  }
  const max = checkNonNegative(fn, [...path, 'maxValueAdded'], maxValueAdded);
  if (max === 0) invalidArgument(fn, [...path, 'maxValueAdded'], 'a positive value added', max);
  const si = checkFraction(fn, siPath, substitutionIndex);
  const terms: EndUseTerm[] = (uses as readonly unknown[]).map((raw, i) => {
    const at = [...path, 'uses', i];
    if (typeof raw !== 'object' || raw === null) invalidArgument(fn, at, 'an end use', raw);
    const use = raw as EndUse;
    const share = checkFraction(fn, [...at, 'share'], use.share);
    const valueAdded = checkNonNegative(fn, [...at, 'valueAdded'], use.valueAdded);
    if (valueAdded > max) {
      invalidArgument(fn, [...at, 'valueAdded'], `at most maxValueAdded (${max})`, valueAdded);
    }
    for (const label of ['application', 'sector'] as const) {
      if (use[label] !== undefined && typeof use[label] !== 'string') {
        invalidArgument(fn, [...at, label], 'a string', use[label]);
      }
    }
    const term: EndUseTerm = { share, valueAdded, contribution: share * valueAdded };
    if (use.application !== undefined) Object.assign(term, { application: use.application });
    if (use.sector !== undefined) Object.assign(term, { sector: use.sector });
    return term;
  });
  const shareSum = neumaierSum(terms.map((term) => term.share));
  if (shareSum > 1 + SHARE_SUM_TOLERANCE) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      {
        path: [...path, 'uses'],
        message: `expected end-use shares summing to at most ${1 + SHARE_SUM_TOLERANCE}, got ${shareSum}`,
      },
    ]);
  }
  const sum = neumaierSum(terms.map((term) => term.contribution));
  return { terms, sum, value: (sum / max) * 10 * si };
}

/**
 * Economic importance (EI) by the EU criticality method (2017 guidelines, used for the 2017,
 * 2020 and 2023 lists):
 *
 * EI = Σ_s (A_s · Q_s) / max_s(Q_s) · 10 · SI_EI
 *
 * where A_s is the share of the material's end use in NACE Rev.2 two-digit manufacturing sector
 * s, Q_s that sector's value added, and max Q the largest manufacturing sector's value added, so
 * that EI lies on a 0–10 scale. A material is critical when EI ≥ 2.8 and SR ≥ 1 (see
 * {@link supplyRisk} and {@link criticalityAssessment}). Float64 with Neumaier summation.
 *
 * Sources: JRC RMIS, "JRC revised methodology: Economic Importance"; the scaling reproduces the
 * EU 2023 published EI for Nd, Tb and Dy from the EU 2023 Appendix 6 use shares and sector
 * values (notes: methods §3.6).
 *
 * @category Criticality
 * @param input - the end uses (share and sector value added), the largest sector's value added
 *   and SI_EI
 * @returns EI, dimensionless, 0–10
 * @throws {@link RareEarthsError} (`invalid-argument`) when there is no end use, a share or SI_EI is
 *   outside 0–1, the shares sum above 1.02, a value added is negative, NaN, infinite or above
 *   `maxValueAdded`, or `maxValueAdded` is not positive
 * @example
 * ```ts
 * import { economicImportance } from 'rare-earths';
 *
 * // EU 2023, terbium: magnets 90 % (C25), lighting 10 % (C27); SI_EI 0.84.
 * const terbium = economicImportance({
 *   uses: [
 *     { application: 'Magnets', sector: 'C25', share: 0.9, valueAdded: 163_568 },
 *     { application: 'Lighting', sector: 'C27', share: 0.1, valueAdded: 89_422 },
 *   ],
 *   maxValueAdded: 204_200,
 *   substitutionIndex: 0.84,
 * });
 * terbium; // ≈ 6.424
 * ```
 */
export function economicImportance(input: EconomicImportanceInput): number {
  const fn = 'economicImportance';
  if (typeof input !== 'object' || input === null) {
    invalidArgument(
      fn,
      ['input'],
      'an object with uses, maxValueAdded and substitutionIndex',
      input,
    );
  }
  return economicImportanceParts(
    fn,
    ['input'],
    input.uses,
    input.maxValueAdded,
    input.substitutionIndex,
    ['input', 'substitutionIndex'],
  ).value;
}
