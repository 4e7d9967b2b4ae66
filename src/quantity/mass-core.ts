/**
 * The decimal core of masses, kept out of the public module so that no decimal type reaches a
 * public declaration file.
 *
 * @internal
 * @packageDocumentation
 */
import { invalidArgument } from '../errors/index.js';
import { type Dec, decString, toDec } from '../numeric/internal.js';
import type { Basis, Mass, MassUnit } from './mass.js';

/** @internal */
export const UNITS: readonly MassUnit[] = ['t', 'kg'];
/** @internal */
export const BASES: readonly Basis[] = ['REO', 'metal', 'product'];

/** Build a mass from a checked decimal, copying only the qualifiers that apply. @internal */
export function makeMass<U extends MassUnit, B extends Basis>(
  amount: Dec,
  unit: U,
  basis: B,
  qualifiers: Pick<Mass, 'element' | 'oxide' | 'product'>,
): Mass<U, B> {
  const out: { -readonly [K in keyof Mass<U, B>]: Mass<U, B>[K] } = {
    amount: decString(amount),
    unit,
    basis,
  };
  if (qualifiers.element !== undefined) out.element = qualifiers.element;
  if (qualifiers.oxide !== undefined) out.oxide = qualifiers.oxide;
  if (qualifiers.product !== undefined) out.product = qualifiers.product;
  return Object.freeze(out);
}

/** Check that a value is a mass and return its decimal amount. @internal */
export function massAmount(fn: string, path: readonly (string | number)[], value: unknown): Dec {
  const candidate = value as Partial<Mass> | null;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.amount !== 'string' ||
    !UNITS.includes(candidate.unit as MassUnit) ||
    !BASES.includes(candidate.basis as Basis)
  ) {
    return invalidArgument(fn, path, 'a mass (see mass())', value);
  }
  return toDec(fn, [...path, 'amount'], candidate.amount);
}

/** The qualifiers of a mass. @internal */
export function qualifiersOf(m: Mass): Pick<Mass, 'element' | 'oxide' | 'product'> {
  const out: { -readonly [K in 'element' | 'oxide' | 'product']?: Mass[K] } = {};
  if (m.element !== undefined) out.element = m.element;
  if (m.oxide !== undefined) out.oxide = m.oxide;
  if (m.product !== undefined) out.product = m.product;
  return out;
}
