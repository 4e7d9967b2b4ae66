// generated from data/outlooks.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Provenance, StageOutlook } from '../../model/index.js';

const p1: Provenance = { source: "iea-gcmo-2024", tag: "reported", locator: "press summary (seaisi.org, 2024-06-03)" };

/** The baseline's `outlooks`, one record per row of data/outlooks.csv. @internal */
export const outlooks: readonly StageOutlook[] = [
  { stage: "mining", country: "CHN", year: 2030, case: "base case", measure: "production", share: 0.54, provenance: { source: "iea-gcmo-2024", tag: "reported", locator: "press summary (seaisi.org, 2024-06-03)", note: "IEA: China's share of rare-earth mining falls from 62% (2023) to 54% in 2030; the top three (China, Australia, Myanmar) from 85% to 81%. The summary does not name the case; the IEA's critical-minerals page labels its projected geographical distribution of refined production the base case." } },
  { stage: "mining", country: "AUS", year: 2030, case: "base case", measure: "production", share: 0.18, provenance: p1 },
  { stage: "mining", country: "MMR", year: 2030, case: "base case", measure: "production", share: 0.09, provenance: p1 },
  { stage: "separation", country: "CHN", year: 2030, case: "base case", measure: "production", share: 0.77, provenance: { source: "iea-gcmo-2024", tag: "reported", locator: "press summary (seaisi.org, 2024-06-03)", note: "IEA: refined rare-earth output, China 92% (2023) to 77% in 2030; China, Malaysia and Australia together 98% (2023) and 92% (2030). The summary does not name the case; the IEA's critical-minerals page labels its projected geographical distribution of refined production the base case." } },
  { stage: "separation", country: "MYS", year: 2030, case: "base case", measure: "production", share: 0.12, provenance: p1 },
  { stage: "separation", country: "AUS", year: 2030, case: "base case", measure: "production", share: 0.03, provenance: p1 },
];
