// generated from data/reserves.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Provenance, Reserve } from '../../model/index.js';

const p1: Provenance = { source: "usgs-mcs-2025", tag: "reported", locator: "p. 145, World Mine Production and Reserves, reserves column" };
const p2: Provenance = { source: "usgs-mcs-2026", tag: "reported", locator: "p. 153, World Mine Production and Reserves, reserves column (v1.3)" };

/** The baseline's `reserves`, one record per row of data/reserves.csv. @internal */
export const reserves: readonly Reserve[] = [
  { country: "USA", year: 2024, quantity: { amount: 1900000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "AUS", year: 2024, quantity: { amount: 5700000, unit: "t", basis: "REO" }, provenance: { source: "usgs-mcs-2025", tag: "reported", locator: "p. 145, World Mine Production and Reserves, reserves column", note: "Joint Ore Reserves Committee-compliant reserves were 3.3 million t." } },
  { country: "BRA", year: 2024, quantity: { amount: 21000000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "CAN", year: 2024, quantity: { amount: 830000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "CHN", year: 2024, quantity: { amount: 44000000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "GRL", year: 2024, quantity: { amount: 1500000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "IND", year: 2024, quantity: { amount: 6900000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "RUS", year: 2024, quantity: { amount: 3800000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "ZAF", year: 2024, quantity: { amount: 860000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "TZA", year: 2024, quantity: { amount: 890000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "THA", year: 2024, quantity: { amount: 4500, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "VNM", year: 2024, quantity: { amount: 3500000, unit: "t", basis: "REO" }, provenance: p1 },
  { country: "USA", year: 2025, quantity: { amount: 1900000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "AUS", year: 2025, quantity: { amount: 6300000, unit: "t", basis: "REO" }, provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 153, World Mine Production and Reserves, reserves column (v1.3)", note: "Joint Ore Reserves Committee-compliant or equivalent reserves were 3.3 million t (footnote 13)." } },
  { country: "BRA", year: 2025, quantity: { amount: 11000000, unit: "t", basis: "REO" }, provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 153, World Mine Production and Reserves, reserves column (v1.3)", note: "v1.3 value (reposted 2026-05-27); v1.0–1.2 and the data-release CSV give 21,000,000." } },
  { country: "CAN", year: 2025, quantity: { amount: 830000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "CHN", year: 2025, quantity: { amount: 44000000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "GRL", year: 2025, quantity: { amount: 1500000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "MYS", year: 2025, quantity: { amount: 710000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "RUS", year: 2025, quantity: { amount: 3800000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "ZAF", year: 2025, quantity: { amount: 860000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "TZA", year: 2025, quantity: { amount: 890000, unit: "t", basis: "REO" }, provenance: p2 },
  { country: "VNM", year: 2025, quantity: { amount: 3500000, unit: "t", basis: "REO" }, provenance: p2 },
];
