// generated from data/regions.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Region } from '../../model/index.js';

/** The baseline's `regions`, one record per row of data/regions.csv. @internal */
export const regions: readonly Region[] = [
  { code: "EU27", name: "European Union (27 member states)", members: ["AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP", "SWE"] },
];
