/**
 * What the `elements` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export { rowOf } from './lookup.js';
export { oxideMasses } from './masses.js';
export { ELEMENT_ROWS } from './table.js';
