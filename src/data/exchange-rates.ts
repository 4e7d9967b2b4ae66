// Exchange rates, yuan per US dollar, annual averages (Federal Reserve G.5A).
//
// Part of the baseline dataset (`rare-earths/data`); see docs/data.md for coverage, conventions and
// gaps. Every record carries its provenance: a source id from ./sources.ts, a tag (reported,
// derived with the derivation, or estimate with who estimated it) and where in the source it is.
// Plain data only: nothing is computed when the module loads.

import type { ExchangeRateRecord } from '../model/index.js';

const LOCATOR = 'table, row CHINA, P.R. (YUAN), rates in currency units per U.S. dollar';

/**
 * Yuan per US dollar, 2020–2023: the years of the release read. 2024 and 2025 are left out: no
 * published annual average for them was found to cite (docs/data.md, known gaps).
 *
 * @internal
 */
export const exchangeRates: readonly ExchangeRateRecord[] = [
  {
    from: 'USD',
    to: 'CNY',
    year: 2020,
    rate: '6.9042',
    provenance: { source: 'frb-g5a-2024', tag: 'reported', locator: `${LOCATOR}, 2020` },
  },
  {
    from: 'USD',
    to: 'CNY',
    year: 2021,
    rate: '6.4508',
    provenance: { source: 'frb-g5a-2024', tag: 'reported', locator: `${LOCATOR}, 2021` },
  },
  {
    from: 'USD',
    to: 'CNY',
    year: 2022,
    rate: '6.7290',
    provenance: { source: 'frb-g5a-2024', tag: 'reported', locator: `${LOCATOR}, 2022` },
  },
  {
    from: 'USD',
    to: 'CNY',
    year: 2023,
    rate: '7.0809',
    provenance: { source: 'frb-g5a-2024', tag: 'reported', locator: `${LOCATOR}, 2023` },
  },
];
