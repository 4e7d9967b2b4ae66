// Scenario presets: the 2025 Chinese export controls, an allied build-out, a recycling scale-up and
// rare-earth-free EV motors, as written in data/presets.json and generated into
// ./generated/presets.ts by scripts/data-build.mjs. Facts come from the baseline's sources (each
// intervention names its source); every figure no source gives (how much a control withholds,
// ramps, recycling rates, adoption curves) is marked as an illustrative assumption in the
// intervention's label or note.

import type { Scenario } from '../model/index.js';
import { presetsById as byId, presets as table } from './generated/presets.js';

/**
 * Scenario presets, each built on the baseline dataset's sources, validated against it by the
 * test suite (`parseScenarios(presets, { dataset: baseline })`):
 *
 * - `china-export-controls-2025`: China's April 2025 export controls on Sm, Gd, Tb, Dy, Lu, Sc
 *   and Y (USGS MCS 2026), as a full stop of exports of separated and metal products from 2025;
 * - `china-export-controls-2025-extended`: its child, adding the October 2025 extension to Eu, Ho,
 *   Er, Tm and Yb from 2027, as if the one-year suspension of November 2025 lapsed;
 * - `allied-build-out-2025-2035`: capacity outside China from the dataset's facility and deposit
 *   sources (Lynas Malaysia, Solvay La Rochelle, MP Materials' 10X plant, Neo's Narva plant,
 *   Nolans, Browns Range, Serra Verde);
 * - `recycling-scale-up`: magnet recycling rising from 2026 (every rate illustrative);
 * - `ev-motor-substitution`: rare-earth-free EV traction motors taking a share of permanent-magnet
 *   demand (adoption illustrative).
 *
 * Figures no source gives are labelled illustrative in each intervention's `label` or `note`;
 * `docs/scenarios.md` lists the sources and what was left to the user. {@link presetsById} holds
 * the same scenarios keyed by {@link PresetId}. From the command line: `rare-earths run <id>`,
 * `rare-earths export presets`.
 *
 * @category Data
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline, presets } from 'rare-earths/data';
 *
 * presets.map((p) => p.id).length; // => 5
 * // Look a preset up by id without a cast with presetsById.
 * const controls = presets[0]!;
 * controls.id; // => 'china-export-controls-2025'
 * const result = evaluate(baseline, controls);
 * // China supplied all US terbium imports (2021–24): all of it is withheld.
 * const tb = result.rows.find((r) => r.variable === 'Imports|Restricted|Share' && r.element === 'Tb');
 * tb?.value; // => 1
 * ```
 */
export const presets: readonly Scenario[] = table;

/**
 * The id of a scenario preset: the keys of {@link presetsById}, the ids of {@link presets}.
 *
 * @category Data
 */
export type PresetId =
  | 'china-export-controls-2025'
  | 'china-export-controls-2025-extended'
  | 'allied-build-out-2025-2035'
  | 'recycling-scale-up'
  | 'ev-motor-substitution';

/**
 * The scenario presets by id: the same objects as {@link presets}, typed so that a lookup by a
 * known id is a `Scenario` (no cast, no `undefined`) and an unknown id does not compile. A preset
 * with a `parent` still needs the set to resolve it: pass `{ scenarios: presets }` to `evaluate`.
 *
 * @category Data
 * @example
 * ```ts
 * import { evaluate } from 'rare-earths';
 * import { baseline, presets, presetsById } from 'rare-earths/data';
 *
 * const controls = presetsById['china-export-controls-2025'];
 * controls.interventions[0]?.kind; // => 'exportRestriction'
 * // US yttrium imports, 70% from China (2021–24): 70% withheld under the controls.
 * const rows = evaluate(baseline, controls).rows;
 * const y = rows.find((r) => r.variable === 'Imports|Restricted|Share' && r.element === 'Y');
 * y?.value; // => 0.7
 * const extended = presetsById['china-export-controls-2025-extended'];
 * evaluate(baseline, extended, { scenarios: presets }).lineage; // => ['china-export-controls-2025-extended', 'china-export-controls-2025']
 * ```
 */
export const presetsById: { readonly [Id in PresetId]: Scenario } = byId;
