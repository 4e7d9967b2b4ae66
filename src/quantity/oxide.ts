import type { ElementSymbol } from '../elements/index.js';
import { isElementSymbol } from '../elements/index.js';
import { oxideMasses } from '../elements/internal.js';
import { invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Numeric } from '../numeric/index.js';
import { Dec, toDec } from '../numeric/internal.js';
import type { Mass, MassUnit } from './mass.js';
import { makeMass, massAmount } from './mass-core.js';

/**
 * How a mixed mass divides among elements: the fraction of the total attributable to each
 * element (for an REO mass, of the oxide total, as deposit assays report "% of TREO"; for a metal
 * mass, of the metal total). Fractions must sum to 1.
 *
 * @category Quantities
 */
export type ElementSplit = Readonly<Partial<Record<ElementSymbol, Numeric>>>;

/**
 * Options for {@link toMetal}.
 *
 * @category Quantities
 */
export interface ToMetalOptions {
  /** For a mixed REO total (TREO): its split by element, fractions of the oxide total summing to 1. */
  readonly split?: ElementSplit;
}

/**
 * Options for {@link toOxide}.
 *
 * @category Quantities
 */
export interface ToOxideOptions {
  /** The oxide to express the mass as; default the element's usual oxide. */
  readonly oxide?: string;
  /** For a mixed metal total: its split by element, fractions of the metal total summing to 1. */
  readonly split?: ElementSplit;
}

// Float input such as 0.1 + 0.2 + 0.7 sums to 1 ± 1e-16; anything further off is a real gap.
const SPLIT_TOLERANCE = '1e-9';

function checkSplit(fn: string, path: readonly string[], split: unknown): [ElementSymbol, Dec][] {
  if (typeof split !== 'object' || split === null || Array.isArray(split)) {
    return invalidArgument(fn, path, 'an object of element fractions', split);
  }
  const entries: [ElementSymbol, Dec][] = [];
  let total = new Dec(0);
  for (const [key, value] of Object.entries(split)) {
    if (!isElementSymbol(key))
      invalidArgument(fn, [...path, key], 'a rare-earth element symbol as key', key);
    const share = toDec(fn, [...path, key], value);
    if (share.isNegative() || share.greaterThan(1)) {
      invalidArgument(fn, [...path, key], 'a fraction between 0 and 1', value);
    }
    entries.push([key, share]);
    total = total.plus(share);
  }
  if (total.minus(1).abs().greaterThan(SPLIT_TOLERANCE)) {
    throw new RareEarthsError(fn, 'invalid-argument', [
      { path, message: `expected fractions summing to 1, got a sum of ${total.toFixed()}` },
    ]);
  }
  return entries;
}

/**
 * Convert a rare-earth-oxide (REO) mass to element content (metal basis), exactly.
 *
 * For a single-element mass: metal = oxide × m·A / (m·A + n·O), from standard atomic weights (see
 * {@link oxideToMetal}). For a mixed total (TREO) the split by element is required, because the
 * factor differs by element (0.8141 for CeO2, 0.8713 for Dy2O3): metal = Σ TREO · sᵢ · fᵢ.
 * Converting a mixed total without a split is refused rather than guessed.
 *
 * @category Quantities
 * @param m - an REO mass
 * @param options - `split` for a mixed total
 * @returns a metal mass in the same unit (of the element, or mixed)
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-REO mass, a mixed total without a
 *   split, or a split whose fractions are not element fractions summing to 1
 * @example
 * ```ts
 * import { mass, massToNumber, toMetal } from 'rare-earths';
 *
 * massToNumber(toMetal(mass('1000', 't', 'REO', { element: 'Nd' }))); // ≈ 857.356
 * // An illustrative split of a mixed total
 * const treo = mass('100', 't', 'REO');
 * massToNumber(toMetal(treo, { split: { Ce: '0.5', La: '0.3', Nd: '0.15', Pr: '0.05' } })); // ≈ 83.284
 * ```
 */
export function toMetal<U extends MassUnit>(
  m: Mass<U, 'REO'>,
  options: ToMetalOptions = {},
): Mass<U, 'metal'> {
  const amount = massAmount('toMetal', ['m'], m);
  if (m.basis !== 'REO') invalidArgument('toMetal', ['m', 'basis'], "'REO'", m.basis);
  if (m.element !== undefined) {
    const masses = oxideMasses('toMetal', m.element, m.oxide);
    return makeMass(amount.times(masses.metal).dividedBy(masses.oxide), m.unit, 'metal', {
      element: m.element,
    });
  }
  if (options.split === undefined) {
    throw new RareEarthsError('toMetal', 'invalid-argument', [
      {
        path: ['options', 'split'],
        message:
          'expected an element split for a mixed REO total (the oxide-to-metal factor differs by element), got none',
      },
    ]);
  }
  let metal = new Dec(0);
  for (const [symbol, share] of checkSplit('toMetal', ['options', 'split'], options.split)) {
    const masses = oxideMasses('toMetal', symbol, undefined);
    metal = metal.plus(amount.times(share).times(masses.metal).dividedBy(masses.oxide));
  }
  return makeMass(metal, m.unit, 'metal', {});
}

/**
 * Convert an element-content (metal basis) mass to its oxide equivalent (REO), exactly: the
 * inverse of {@link toMetal}. A mixed metal total needs its split by element.
 *
 * @category Quantities
 * @param m - a metal mass
 * @param options - an alternative `oxide` for a single element, or `split` for a mixed total
 * @returns an REO mass in the same unit
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-metal mass, an unknown oxide, a
 *   mixed total without a split, or a bad split
 * @example
 * ```ts
 * import { mass, massToNumber, toOxide } from 'rare-earths';
 *
 * massToNumber(toOxide(mass('100', 't', 'metal', { element: 'Pr' }))); // ≈ 120.816
 * toOxide(mass('100', 't', 'metal', { element: 'Ce' }), { oxide: 'Ce2O3' }).oxide; // => 'Ce2O3'
 * ```
 */
export function toOxide<U extends MassUnit>(
  m: Mass<U, 'metal'>,
  options: ToOxideOptions = {},
): Mass<U, 'REO'> {
  const amount = massAmount('toOxide', ['m'], m);
  if (m.basis !== 'metal') invalidArgument('toOxide', ['m', 'basis'], "'metal'", m.basis);
  if (m.element !== undefined) {
    const masses = oxideMasses('toOxide', m.element, options.oxide);
    const usual = oxideMasses('toOxide', m.element, undefined).formula;
    const qualifiers =
      masses.formula === usual
        ? { element: m.element }
        : { element: m.element, oxide: masses.formula };
    return makeMass(amount.times(masses.oxide).dividedBy(masses.metal), m.unit, 'REO', qualifiers);
  }
  if (options.split === undefined) {
    throw new RareEarthsError('toOxide', 'invalid-argument', [
      {
        path: ['options', 'split'],
        message:
          'expected an element split for a mixed metal total (the factor differs by element), got none',
      },
    ]);
  }
  let oxide = new Dec(0);
  for (const [symbol, share] of checkSplit('toOxide', ['options', 'split'], options.split)) {
    const masses = oxideMasses('toOxide', symbol, undefined);
    oxide = oxide.plus(amount.times(share).times(masses.oxide).dividedBy(masses.metal));
  }
  return makeMass(oxide, m.unit, 'REO', {});
}

/**
 * Divide a mixed REO or metal total among elements by a split, exactly: each element's mass is
 * total × its fraction. The parts sum back to the total.
 *
 * @category Quantities
 * @param m - a mixed REO or metal mass (no `element`)
 * @param split - fractions of the total by element, summing to 1
 * @returns one mass per element of the split, same unit and basis
 * @throws {@link RareEarthsError} (`invalid-argument`) for a product mass, a single-element mass,
 *   or a bad split
 * @example
 * ```ts
 * import { mass, splitByElement } from 'rare-earths';
 *
 * // An illustrative split of 1,000 t TREO
 * const parts = splitByElement(mass('1000', 't', 'REO'), { Ce: '0.5', La: '0.3', Nd: '0.15', Pr: '0.05' });
 * parts.Nd?.amount; // => '150'
 * ```
 */
export function splitByElement<U extends MassUnit, B extends 'REO' | 'metal'>(
  m: Mass<U, B>,
  split: ElementSplit,
): Partial<Record<ElementSymbol, Mass<U, B>>> {
  const amount = massAmount('splitByElement', ['m'], m);
  if (m.basis !== 'REO' && m.basis !== 'metal') {
    invalidArgument('splitByElement', ['m', 'basis'], "'REO' or 'metal'", m.basis);
  }
  if (m.element !== undefined) {
    invalidArgument('splitByElement', ['m', 'element'], 'a mixed total (no element)', m.element);
  }
  const out: Partial<Record<ElementSymbol, Mass<U, B>>> = {};
  for (const [symbol, share] of checkSplit('splitByElement', ['split'], split)) {
    out[symbol] = makeMass(amount.times(share), m.unit, m.basis, { element: symbol });
  }
  return out;
}
