/**
 * Exact oxide and metal masses per formula unit, kept apart from the public element functions so
 * that no decimal type reaches a public declaration file.
 *
 * @internal
 * @packageDocumentation
 */
import { invalidArgument } from '../errors/index.js';
import { Dec } from '../numeric/internal.js';
import { rowOf } from './lookup.js';
import { OXYGEN_ATOMIC_WEIGHT } from './table.js';

/**
 * Exact masses of one formula unit of an oxide: the metal (m·A) and the whole oxide
 * (m·A + n·O), in g/mol.
 *
 * @internal
 */
export function oxideMasses(
  fn: string,
  symbol: unknown,
  oxideFormula: unknown,
): { readonly metal: Dec; readonly oxide: Dec; readonly formula: string } {
  const row = rowOf(fn, ['symbol'], symbol);
  const chosen =
    oxideFormula === undefined
      ? row.oxides[0]
      : row.oxides.find((candidate) => candidate.formula === oxideFormula);
  if (chosen === undefined) {
    const formulas = row.oxides.map((candidate) => candidate.formula).join(' or ');
    return invalidArgument(
      fn,
      ['options', 'oxide'],
      `an oxide of ${row.symbol} (${formulas})`,
      oxideFormula,
    );
  }
  const metal = new Dec(row.atomicWeight).times(chosen.metalAtoms);
  const oxygen = new Dec(OXYGEN_ATOMIC_WEIGHT).times(chosen.oxygenAtoms);
  return { metal, oxide: metal.plus(oxygen), formula: chosen.formula };
}
