/**
 * What the `report` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export { csvTable, markdownTable } from './format.js';
export { rowsCsv } from './scenario.js';
