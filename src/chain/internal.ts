/**
 * What the `chain` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export { checkDataset } from './dataset.js';
export { importSourcesWithRecords, sharesByExporter } from './sources.js';
export {
  buildTableWithRecords,
  publicationKey,
  publishedShareRows,
  readTableOptions,
} from './tables.js';
