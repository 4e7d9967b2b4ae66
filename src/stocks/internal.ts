/**
 * What the `stocks` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export type { DynamicStock, InitialStock, NegativeInflow } from './dsm.js';
export { runInflowDriven, runStockDriven } from './dsm.js';
export { erfc } from './erfc.js';
