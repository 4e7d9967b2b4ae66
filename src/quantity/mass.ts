import type { ElementSymbol } from '../elements/index.js';
import { isElementSymbol } from '../elements/index.js';
import { rowOf } from '../elements/internal.js';
import { describeValue, invalidArgument, RareEarthsError } from '../errors/index.js';
import type { Numeric } from '../numeric/index.js';
import { toDec } from '../numeric/internal.js';
import { BASES, makeMass, massAmount, qualifiersOf, UNITS } from './mass-core.js';

/**
 * A unit of mass: metric tonnes (`'t'`, 1,000 kg) or kilograms (`'kg'`).
 *
 * @category Quantities
 */
export type MassUnit = 't' | 'kg';

/**
 * What a mass counts.
 *
 * - `'REO'`: rare-earth oxide equivalent, the basis of USGS production and reserve figures; for
 *   one element, the mass of its usual oxide (Nd2O3, CeO2, Pr6O11, Tb4O7 …);
 * - `'metal'`: element content (the mass of the rare-earth element itself);
 * - `'product'`: gross mass of a named product (a magnet, a concentrate, an alloy).
 *
 * @category Quantities
 */
export type Basis = 'REO' | 'metal' | 'product';

/**
 * An exact, immutable mass with its unit and basis. The unit and basis are type parameters, so
 * adding tonnes of oxide to tonnes of metal, or tonnes to kilograms, does not compile.
 *
 * A mass is plain data and is its own JSON snapshot: `JSON.stringify(mass)` gives the amount as
 * an exact decimal string, and {@link massFromJSON} reads it back to an equal mass.
 *
 * @category Quantities
 * @typeParam U - the unit
 * @typeParam B - the basis
 */
export interface Mass<U extends MassUnit = MassUnit, B extends Basis = Basis> {
  /** The amount as an exact decimal string with no exponent, e.g. `'270000'` or `'0.5'`. */
  readonly amount: string;
  /** The unit of `amount`. */
  readonly unit: U;
  /** What the amount counts: oxide equivalent, element content or product mass. */
  readonly basis: B;
  /** For REO and metal masses of a single element, that element; absent for a mixed total (TREO). */
  readonly element?: ElementSymbol;
  /** For an REO mass of one element in an oxide other than its usual one, the oxide formula. */
  readonly oxide?: string;
  /** For product masses, the product's name (e.g. `'NdFeB magnet'`). */
  readonly product?: string;
}

/**
 * Options for {@link mass}.
 *
 * @category Quantities
 */
export interface MassOptions {
  /** The single element an REO or metal mass is of. Omit for a mixed total (TREO). */
  readonly element?: ElementSymbol;
  /** The oxide formula of a single-element REO mass when it is not the element's usual oxide. */
  readonly oxide?: string;
  /** The product a `'product'` mass is of. Required for that basis. */
  readonly product?: string;
}

const KG_PER_TONNE = '1000';

function checkQualifiers(
  fn: string,
  path: readonly (string | number)[],
  basis: Basis,
  options: MassOptions,
): Pick<Mass, 'element' | 'oxide' | 'product'> {
  const { element, oxide, product } = options;
  if (basis === 'product') {
    if (typeof product !== 'string' || product.trim() === '') {
      invalidArgument(fn, [...path, 'product'], "a product name for a 'product' mass", product);
    }
    if (element !== undefined) {
      invalidArgument(fn, [...path, 'element'], "no element for a 'product' mass", element);
    }
  } else if (product !== undefined) {
    invalidArgument(fn, [...path, 'product'], `no product name for a '${basis}' mass`, product);
  }
  if (element !== undefined && !isElementSymbol(element)) {
    invalidArgument(fn, [...path, 'element'], 'a rare-earth element symbol', element);
  }
  if (oxide !== undefined && (basis !== 'REO' || element === undefined)) {
    invalidArgument(fn, [...path, 'oxide'], 'an oxide only on a single-element REO mass', oxide);
  }
  // The oxide must be one of the element's; its usual oxide is the default and is not stored,
  // so that a mass stating it equals (and adds to) one that does not.
  let alternative: string | undefined;
  if (oxide !== undefined) {
    const { oxides } = rowOf(fn, [...path, 'element'], element);
    if (!oxides.some((candidate) => candidate.formula === oxide)) {
      const formulas = oxides.map((candidate) => candidate.formula).join(' or ');
      invalidArgument(fn, [...path, 'oxide'], `an oxide of ${element} (${formulas})`, oxide);
    }
    if (oxide !== oxides[0]?.formula) alternative = oxide;
  }
  const out: { -readonly [K in 'element' | 'oxide' | 'product']?: Mass[K] } = {};
  if (element !== undefined) out.element = element;
  if (alternative !== undefined) out.oxide = alternative;
  if (product !== undefined) out.product = product;
  return out;
}

/**
 * Create an exact mass.
 *
 * The amount may be a finite number or a plain decimal string; a string is exact (`'0.1'` is one
 * tenth), a number is as exact as the binary float it is. Amounts are stored as decimal strings
 * with up to 40 significant digits. Negative amounts are allowed (for differences).
 *
 * @category Quantities
 * @param amount - the amount, in `unit`
 * @param unit - `'t'` or `'kg'`
 * @param basis - `'REO'`, `'metal'` or `'product'`
 * @param options - the element (single-element REO or metal), an alternative oxide, or the product name
 * @returns a frozen mass
 * @throws {@link RareEarthsError} (`invalid-argument`) for a non-finite or malformed amount, an
 *   unknown unit, basis or element, a product mass without a product name, or an oxide on a
 *   mixed or non-REO mass or that is not an oxide of the element
 * @example
 * ```ts
 * import { mass } from 'rare-earths';
 *
 * const china2024 = mass('270000', 't', 'REO');
 * china2024.amount; // => '270000'
 * mass(1.5, 'kg', 'metal', { element: 'Dy' }).element; // => 'Dy'
 * JSON.stringify(mass('0.1', 't', 'product', { product: 'NdFeB magnet' })); // => '{"amount":"0.1","unit":"t","basis":"product","product":"NdFeB magnet"}'
 * ```
 */
export function mass<U extends MassUnit, B extends Basis>(
  amount: Numeric,
  unit: U,
  basis: B,
  options: MassOptions = {},
): Mass<U, B> {
  const value = toDec('mass', ['amount'], amount);
  if (!UNITS.includes(unit)) invalidArgument('mass', ['unit'], "'t' or 'kg'", unit);
  if (!BASES.includes(basis))
    invalidArgument('mass', ['basis'], "'REO', 'metal' or 'product'", basis);
  return makeMass(value, unit, basis, checkQualifiers('mass', ['options'], basis, options));
}

/**
 * Read a mass snapshot (the JSON form of a {@link Mass}) back into a mass, checking every field.
 *
 * @category Quantities
 * @param snapshot - parsed JSON, e.g. `{ "amount": "45000", "unit": "t", "basis": "REO" }`
 * @returns an equal mass
 * @throws {@link RareEarthsError} (`invalid-argument`) naming the field that is missing or wrong
 * @example
 * ```ts
 * import { mass, massEquals, massFromJSON } from 'rare-earths';
 *
 * const original = mass('45000.50', 't', 'REO', { element: 'Nd' });
 * const copy = massFromJSON(JSON.parse(JSON.stringify(original)));
 * massEquals(copy, original); // => true
 * copy.amount; // => '45000.5'
 * ```
 */
export function massFromJSON(snapshot: unknown): Mass {
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot)) {
    return invalidArgument(
      'massFromJSON',
      [],
      'a mass object with amount, unit and basis',
      snapshot,
    );
  }
  const record = snapshot as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!['amount', 'unit', 'basis', 'element', 'oxide', 'product'].includes(key)) {
      invalidArgument(
        'massFromJSON',
        [key],
        'no other field than amount, unit, basis, element, oxide, product',
        record[key],
      );
    }
  }
  const { amount, unit, basis } = record;
  if (typeof amount !== 'string' && typeof amount !== 'number') {
    invalidArgument('massFromJSON', ['amount'], 'a decimal string or a finite number', amount);
  }
  const value = toDec('massFromJSON', ['amount'], amount);
  if (!UNITS.includes(unit as MassUnit))
    invalidArgument('massFromJSON', ['unit'], "'t' or 'kg'", unit);
  if (!BASES.includes(basis as Basis)) {
    invalidArgument('massFromJSON', ['basis'], "'REO', 'metal' or 'product'", basis);
  }
  const qualifiers = checkQualifiers('massFromJSON', [], basis as Basis, record as MassOptions);
  return makeMass(value, unit as MassUnit, basis as Basis, qualifiers);
}

function mismatch(fn: string, what: string, a: unknown, b: unknown): never {
  throw new RareEarthsError(fn, 'unit-mismatch', [
    {
      path: ['b', what],
      message: `expected ${describeValue(a)} like the first mass, got ${describeValue(b)}`,
    },
  ]);
}

/** The qualifiers of a sum or difference of two compatible masses. */
function combine(fn: string, a: Mass, b: Mass): Pick<Mass, 'element' | 'oxide' | 'product'> {
  if (a.unit !== b.unit) mismatch(fn, 'unit', a.unit, b.unit);
  if (a.basis !== b.basis) mismatch(fn, 'basis', a.basis, b.basis);
  if (a.basis === 'product') {
    if (a.product !== b.product) mismatch(fn, 'product', a.product, b.product);
    return { product: a.product as string };
  }
  if (a.element !== undefined && a.element === b.element) {
    if (a.oxide !== b.oxide)
      mismatch(fn, 'oxide', a.oxide ?? 'usual oxide', b.oxide ?? 'usual oxide');
    return a.oxide === undefined ? { element: a.element } : { element: a.element, oxide: a.oxide };
  }
  // Different elements (or a mixed total) add up to a mixed total of the same basis.
  return {};
}

/**
 * Add two masses of the same unit and basis, exactly. Masses of two different elements add up to
 * a mixed total (no `element`); product masses must be of the same product.
 *
 * @category Quantities
 * @param a - a mass
 * @param b - a mass of the same unit and basis (a mismatch does not compile)
 * @returns the exact sum
 * @throws {@link RareEarthsError} (`unit-mismatch`) when units, bases, products or oxides differ
 *   (possible from untyped JavaScript); (`invalid-argument`) when an argument is not a mass
 * @example
 * ```ts
 * import { addMass, mass } from 'rare-earths';
 *
 * addMass(mass('0.1', 't', 'REO'), mass('0.2', 't', 'REO')).amount; // => '0.3'
 * const ndpr = addMass(mass(1, 't', 'metal', { element: 'Nd' }), mass(0.3, 't', 'metal', { element: 'Pr' }));
 * ndpr.element; // => undefined
 * ```
 */
export function addMass<U extends MassUnit, B extends Basis>(
  a: Mass<U, B>,
  b: Mass<NoInfer<U>, NoInfer<B>>,
): Mass<U, B> {
  const x = massAmount('addMass', ['a'], a);
  const y = massAmount('addMass', ['b'], b);
  return makeMass(x.plus(y), a.unit, a.basis, combine('addMass', a, b));
}

/**
 * Subtract one mass from another of the same unit and basis, exactly. The result may be negative.
 *
 * @category Quantities
 * @param a - the mass to subtract from
 * @param b - the mass to subtract, of the same unit and basis
 * @returns `a − b`, exact
 * @throws {@link RareEarthsError} (`unit-mismatch`) when units, bases, products or oxides differ
 * @example
 * ```ts
 * import { mass, subtractMass } from 'rare-earths';
 *
 * // USGS MCS 2026 revised world mine production for 2024 from 390,000 t to 380,000 t REO
 * subtractMass(mass(380_000, 't', 'REO'), mass(390_000, 't', 'REO')).amount; // => '-10000'
 * ```
 */
export function subtractMass<U extends MassUnit, B extends Basis>(
  a: Mass<U, B>,
  b: Mass<NoInfer<U>, NoInfer<B>>,
): Mass<U, B> {
  const x = massAmount('subtractMass', ['a'], a);
  const y = massAmount('subtractMass', ['b'], b);
  return makeMass(x.minus(y), a.unit, a.basis, combine('subtractMass', a, b));
}

/**
 * Multiply a mass by a dimensionless factor, exactly (to 40 significant digits).
 *
 * @category Quantities
 * @param m - a mass
 * @param factor - a finite number or decimal string, e.g. a share `'0.69'` or a growth factor
 * @returns the scaled mass, same unit, basis and qualifiers
 * @throws {@link RareEarthsError} (`invalid-argument`) for a malformed factor or a non-mass
 * @example
 * ```ts
 * import { mass, scaleMass } from 'rare-earths';
 *
 * scaleMass(mass('390000', 't', 'REO'), '0.692').amount; // => '269880'
 * ```
 */
export function scaleMass<U extends MassUnit, B extends Basis>(
  m: Mass<U, B>,
  factor: Numeric,
): Mass<U, B> {
  const x = massAmount('scaleMass', ['m'], m);
  const f = toDec('scaleMass', ['factor'], factor);
  return makeMass(x.times(f), m.unit, m.basis, qualifiersOf(m));
}

/**
 * Sum a non-empty list of masses of the same unit and basis, exactly.
 *
 * @category Quantities
 * @param masses - at least one mass; all of the first one's unit and basis
 * @returns the exact total
 * @throws {@link RareEarthsError} (`invalid-argument`) for an empty list; (`unit-mismatch`) naming
 *   the first mass whose unit, basis or product differs
 * @example
 * ```ts
 * import { mass, sumMasses } from 'rare-earths';
 *
 * // USGS MCS 2026, mine production 2025e: China, United States, Australia (t REO)
 * sumMasses([mass(270_000, 't', 'REO'), mass(51_000, 't', 'REO'), mass(29_000, 't', 'REO')]).amount; // => '350000'
 * ```
 */
export function sumMasses<U extends MassUnit, B extends Basis>(
  masses: readonly Mass<U, B>[],
): Mass<U, B> {
  if (!Array.isArray(masses) || masses.length === 0) {
    return invalidArgument('sumMasses', ['masses'], 'a non-empty array of masses', masses);
  }
  const first = masses[0] as Mass<U, B>;
  let total = massAmount('sumMasses', ['masses', 0], first);
  let qualifiers = qualifiersOf(first);
  for (let i = 1; i < masses.length; i++) {
    const next = masses[i] as Mass<U, B>;
    const amount = massAmount('sumMasses', ['masses', i], next);
    try {
      qualifiers = combine('sumMasses', { ...first, ...qualifiers } as Mass, next);
    } catch (error) {
      const issue = (error as RareEarthsError).issues[0];
      throw new RareEarthsError('sumMasses', 'unit-mismatch', [
        { path: ['masses', i, ...(issue?.path.slice(1) ?? [])], message: issue?.message ?? '' },
      ]);
    }
    total = total.plus(amount);
  }
  return makeMass(total, first.unit, first.basis, qualifiers);
}

/**
 * Convert a mass to another unit, exactly (1 t = 1,000 kg).
 *
 * @category Quantities
 * @param m - a mass
 * @param unit - the target unit
 * @returns the same mass in `unit`
 * @throws {@link RareEarthsError} (`invalid-argument`) for an unknown unit or a non-mass
 * @example
 * ```ts
 * import { convertMass, mass } from 'rare-earths';
 *
 * convertMass(mass('1.25', 't', 'metal', { element: 'Tb' }), 'kg').amount; // => '1250'
 * ```
 */
export function convertMass<B extends Basis, V extends MassUnit>(
  m: Mass<MassUnit, B>,
  unit: V,
): Mass<V, B> {
  const x = massAmount('convertMass', ['m'], m);
  if (!UNITS.includes(unit)) invalidArgument('convertMass', ['unit'], "'t' or 'kg'", unit);
  let amount = x;
  if (m.unit === 't' && unit === 'kg') amount = x.times(KG_PER_TONNE);
  if (m.unit === 'kg' && unit === 't') amount = x.dividedBy(KG_PER_TONNE);
  return makeMass(amount, unit, m.basis, qualifiersOf(m));
}

/**
 * Compare two masses of the same unit and basis: −1, 0 or 1.
 *
 * @category Quantities
 * @param a - a mass
 * @param b - a mass of the same unit and basis
 * @returns −1 if `a < b`, 0 if equal, 1 if `a > b`
 * @throws {@link RareEarthsError} (`unit-mismatch`) when units or bases differ
 * @example
 * ```ts
 * import { compareMass, mass } from 'rare-earths';
 *
 * compareMass(mass('45000', 't', 'REO'), mass('45000.0', 't', 'REO')); // => 0
 * compareMass(mass(29_000, 't', 'REO'), mass(13_000, 't', 'REO')); // => 1
 * ```
 */
export function compareMass<U extends MassUnit, B extends Basis>(
  a: Mass<U, B>,
  b: Mass<NoInfer<U>, NoInfer<B>>,
): -1 | 0 | 1 {
  const x = massAmount('compareMass', ['a'], a);
  const y = massAmount('compareMass', ['b'], b);
  if (a.unit !== b.unit) mismatch('compareMass', 'unit', a.unit, b.unit);
  if (a.basis !== b.basis) mismatch('compareMass', 'basis', a.basis, b.basis);
  return x.cmp(y) as -1 | 0 | 1;
}

/**
 * Whether two masses are equal: same unit, basis and qualifiers, and the same exact amount
 * (`'1.0'` equals `'1'`).
 *
 * @category Quantities
 * @param a - a mass
 * @param b - another mass (of any unit or basis; different ones are simply not equal)
 * @returns `true` when they denote the same quantity of the same thing
 * @throws {@link RareEarthsError} (`invalid-argument`) when an argument is not a mass
 * @example
 * ```ts
 * import { mass, massEquals } from 'rare-earths';
 *
 * massEquals(mass('1.50', 't', 'REO'), mass(1.5, 't', 'REO')); // => true
 * massEquals(mass(1, 't', 'REO'), mass(1000, 'kg', 'REO')); // => false
 * ```
 */
export function massEquals(a: Mass, b: Mass): boolean {
  const x = massAmount('massEquals', ['a'], a);
  const y = massAmount('massEquals', ['b'], b);
  return (
    a.unit === b.unit &&
    a.basis === b.basis &&
    a.element === b.element &&
    a.oxide === b.oxide &&
    a.product === b.product &&
    x.eq(y)
  );
}

/**
 * A mass as a float64 number in its unit, for charts and float kernels. Exact for amounts up to
 * 2^53 with no fractional part; otherwise the nearest float.
 *
 * @category Quantities
 * @param m - a mass
 * @returns the amount as a number, in `m.unit`
 * @throws {@link RareEarthsError} (`invalid-argument`) when the argument is not a mass
 * @example
 * ```ts
 * import { mass, massToNumber } from 'rare-earths';
 *
 * massToNumber(mass('390000', 't', 'REO')); // => 390000
 * ```
 */
export function massToNumber(m: Mass): number {
  return massAmount('massToNumber', ['m'], m).toNumber();
}
