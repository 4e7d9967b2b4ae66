// The baseline dataset: one object with every collection, assembled from the modules generated
// from the tables under data/ (src/data/generated/, by scripts/data-build.mjs). Plain data:
// nothing is parsed, frozen or computed when the module loads.
import type { Dataset } from '../model/index.js';
import { applications } from './generated/applications.js';
import { balances } from './generated/balances.js';
import { countries } from './generated/countries.js';
import { criticality } from './generated/criticality.js';
import { demand } from './generated/demand.js';
import { deposits } from './generated/deposits.js';
import { endUses } from './generated/end-uses.js';
import { exchangeRates } from './generated/exchange-rates.js';
import { facilities } from './generated/facilities.js';
import { hsCodes } from './generated/hs-codes.js';
import { prices } from './generated/prices.js';
import { regions } from './generated/regions.js';
import { reserves } from './generated/reserves.js';
import { stageOutputs } from './generated/stage-outputs.js';
import { tradeFlows } from './generated/trade-flows.js';
import { worldTotals } from './generated/world-totals.js';
import { sources } from './sources.js';

/**
 * The embedded baseline dataset: the rare-earth supply chain as published, from deposit to
 * magnet, with the source of every figure.
 *
 * It holds mine production by country for 2020–2025 in tonnes of rare-earth oxide (USGS Minerals
 * Yearbook 2022 for 2020–2022, Mineral Commodity Summaries 2025 and 2026 for 2023–2025, both MCS
 * editions where they overlap: select an edition by `provenance.source`, the newest is
 * `usgs-mcs-2026`); reserves; separation, metal and magnet shares as published (EU CRM 2023,
 * IEA), stored as shares; deposits and facilities with owners, status, capacity, resources and
 * grades; US import sources, EU sourcing and US imports by tariff line; US supply balances and net
 * import reliance; end-use shares, magnet demand and NdFeB composition; prices in US$/kg, with
 * the yuan per US dollar of 2020–2023 (Federal Reserve G.5A annual averages) to convert them; the
 * published EU criticality results; tariff codes; and World Bank governance indicators for the
 * countries named. World totals are not stored as a country: the rows' sum is one total, and
 * the published "World total (rounded)" of each MCS table is kept beside them in `worldTotals`
 * (they differ by rounding). Figures are exactly
 * as published (shares and rates as fractions); nothing is interpolated. `docs/data.md` lists
 * the coverage, the conventions and the known gaps.
 *
 * The object is shared and typed read-only; copy it before changing anything. Validate a dataset
 * of your own with `parseDataset` from `rare-earths`.
 *
 * @category Data
 * @example
 * ```ts
 * import { baseline } from 'rare-earths/data';
 *
 * const mining2024 = (baseline.stageOutputs ?? []).filter(
 *   (o) => o.stage === 'mining' && o.year === 2024 && o.provenance.source === 'usgs-mcs-2026',
 * );
 * const tonnes = (code: string) =>
 *   mining2024
 *     .filter((o) => o.country === code)
 *     .reduce((sum, o) => sum + Number(o.quantity?.amount ?? 0), 0);
 * const world = mining2024.reduce((sum, o) => sum + Number(o.quantity?.amount ?? 0), 0);
 * tonnes('CHN'); // => 270000
 * world; // => 384000
 * tonnes('CHN') / world; // ≈ 0.703
 * ```
 */
export const baseline: Dataset = {
  schemaVersion: 1,
  name: 'rare-earths baseline',
  description:
    'The rare-earth supply chain as published (USGS Mineral Commodity Summaries 2025 and 2026, USGS Minerals Yearbook 2022, EU CRM 2023, IEA, World Bank WGI 2024, company reports), with the source of every figure.',
  sources,
  countries,
  regions,
  stageOutputs,
  worldTotals,
  reserves,
  deposits,
  facilities,
  tradeFlows,
  balances,
  applications,
  demand,
  endUses,
  prices,
  exchangeRates,
  criticality,
  hsCodes,
};
