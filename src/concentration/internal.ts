/**
 * What the `concentration` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export { SHARE_SUM_TOLERANCE } from './governance.js';
export { hhiBoundsOf } from './hhi.js';
export { looksResidual, supplyOf } from './input.js';
