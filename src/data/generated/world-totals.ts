// generated from data/world-totals.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { Provenance, WorldTotal } from '../../model/index.js';

const p1: Provenance = { source: "usgs-myb-2022", tag: "reported", locator: "Table 8, World mine production, by country or locality, world total" };

/** The baseline's `worldTotals`, one record per row of data/world-totals.csv. @internal */
export const worldTotals: readonly WorldTotal[] = [
  { stage: "mining", year: 2020, measure: "production", quantity: { amount: 250000, unit: "t", basis: "REO" }, rounded: true, provenance: p1 },
  { stage: "mining", year: 2021, measure: "production", quantity: { amount: 290000, unit: "t", basis: "REO" }, rounded: true, provenance: { source: "usgs-myb-2022", tag: "reported", locator: "Table 8, World mine production, by country or locality, world total", note: "Revised (r)." } },
  { stage: "mining", year: 2022, measure: "production", quantity: { amount: 297000, unit: "t", basis: "REO" }, rounded: true, provenance: p1 },
  { stage: "mining", year: 2023, measure: "production", quantity: { amount: 376000, unit: "t", basis: "REO" }, rounded: true, provenance: { source: "usgs-mcs-2025", tag: "reported", locator: "p. 145, World Mine Production and Reserves, World total (rounded)" } },
  { stage: "mining", year: 2024, measure: "production", quantity: { amount: 390000, unit: "t", basis: "REO" }, rounded: true, provenance: { source: "usgs-mcs-2025", tag: "estimate", locator: "p. 145, World Mine Production and Reserves, World total (rounded)", estimatedBy: "U.S. Geological Survey (marked e in the source)", note: "Estimated (2024e)." } },
  { stage: "mining", year: 2024, measure: "production", quantity: { amount: 380000, unit: "t", basis: "REO" }, rounded: true, provenance: { source: "usgs-mcs-2026", tag: "reported", locator: "p. 153, World Mine Production and Reserves, World total (rounded)", note: "Revised from 390,000 t in MCS 2025." } },
  { stage: "mining", year: 2025, measure: "production", quantity: { amount: 390000, unit: "t", basis: "REO" }, rounded: true, provenance: { source: "usgs-mcs-2026", tag: "estimate", locator: "p. 153, World Mine Production and Reserves, World total (rounded)", estimatedBy: "U.S. Geological Survey (marked e in the source)", note: "Estimated (e), as all mine production in the table." } },
];
