// The publications and data releases the baseline dataset cites, each listed once: the rows of
// data/sources.csv, generated into ./generated/sources.ts by scripts/data-build.mjs.

import type { Source } from '../model/index.js';
import { sources as table } from './generated/sources.js';

/**
 * The sources of the baseline dataset, each listed once: title, publisher, year, edition and
 * version, publication date, URL or DOI, and which copy was read (the primary document or a named
 * secondary copy). Every record of {@link baseline} names one of them in its `provenance.source`,
 * and every source listed is cited by at least one record. The same array as `baseline.sources`.
 *
 * @category Data
 * @example
 * ```ts
 * import { sources } from 'rare-earths/data';
 *
 * sources.find((source) => source.id === 'usgs-mcs-2026')?.version; // => 'v1.3 (reposted 2026-05-27)'
 * ```
 */
export const sources: readonly Source[] = table;
