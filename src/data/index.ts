/**
 * The embedded baseline data of `rare-earths`, importable as `rare-earths/data`: the sourced
 * baseline dataset, its sources and the element table. It is kept out of the main entry so that
 * importing an analysis function does not pull the dataset into a bundle.
 *
 * @packageDocumentation
 */
import { element, elementSymbols, type RareEarthElement } from '../elements/index.js';

export { baseline } from './baseline.js';
export { type PresetId, presets, presetsById } from './scenarios.js';
export { sources } from './sources.js';

/**
 * The 17 rare-earth elements with their atomic weights, usual oxides and groups, in order of
 * atomic number: the element table every dataset record refers to.
 *
 * @category Data
 * @returns fresh records (changing them does not change the library's table)
 * @example
 * ```ts
 * import { elementTable } from 'rare-earths/data';
 *
 * elementTable().length; // => 17
 * elementTable()[5]?.symbol; // => 'Nd'
 * ```
 */
export function elementTable(): RareEarthElement[] {
  return elementSymbols().map((symbol) => element(symbol));
}
