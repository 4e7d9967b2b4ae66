// generated from data/exchange-rates.csv by scripts/data-build.mjs; do not edit.
// Change the table and run `npm run data:build` (see docs/data.md).
import type { ExchangeRateRecord } from '../../model/index.js';

/** The baseline's `exchangeRates`, one record per row of data/exchange-rates.csv. @internal */
export const exchangeRates: readonly ExchangeRateRecord[] = [
  { from: "USD", to: "CNY", year: 2020, rate: "6.9042", provenance: { source: "frb-g5a-2024", tag: "reported", locator: "table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar, 2020" } },
  { from: "USD", to: "CNY", year: 2021, rate: "6.4508", provenance: { source: "frb-g5a-2024", tag: "reported", locator: "table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar, 2021" } },
  { from: "USD", to: "CNY", year: 2022, rate: "6.7290", provenance: { source: "frb-g5a-2024", tag: "reported", locator: "table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar, 2022" } },
  { from: "USD", to: "CNY", year: 2023, rate: "7.0809", provenance: { source: "frb-g5a-2024", tag: "reported", locator: "table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar, 2023" } },
];
