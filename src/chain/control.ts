import { hhi } from '../concentration/index.js';
import { invalidArgument } from '../errors/index.js';
import { readStage } from '../model/stages.js';
import type { Dataset, Facility, Stage, StageName } from '../model/types.js';
import { checkInteger } from '../numeric/numeric.js';
import { checkDataset } from './dataset.js';
import { facilityFigure } from './records.js';

/**
 * Options for {@link controlVsLocation}.
 *
 * @category Chain
 */
export interface ControlOptions {
  /** The stage; `'refining'` is read as `'separation'`. */
  readonly stage: StageName;
  /** The year: facility output in that year, or the latest capacity at or before it. */
  readonly year: number;
  /** Weigh facilities by `'output'` in the year or by `'capacity'`; default output where any facility has it, else capacity. */
  readonly measure?: 'output' | 'capacity';
}

/**
 * A facility as counted by {@link controlVsLocation}.
 *
 * @category Chain
 */
export interface ControlledFacility {
  /** The facility id. */
  readonly id: string;
  /** Where it is. */
  readonly country: string;
  /** Its weight: output or capacity, t per year, on its own basis. */
  readonly weight: number;
  /** Owners' home countries and stakes (fractions); the unowned remainder counts as `'unknown'`. */
  readonly owners: readonly {
    /** The owner's home country. */
    readonly homeCountry: string;
    /** The owner's stake (0–1). */
    readonly stake: number;
  }[];
}

/**
 * Shares of a stage by where the facilities are and by where their owners are headquartered.
 *
 * @category Chain
 */
export interface ControlVsLocation {
  /** The stage. */
  readonly stage: Stage;
  /** The year. */
  readonly year: number;
  /** What the weights are. */
  readonly measure: 'output' | 'capacity';
  /** Shares by location (country of the facility). */
  readonly byLocation: Readonly<Record<string, number>>;
  /** Shares by control (owners' home countries, stake-weighted); `'unknown'` for stakes the data does not assign. */
  readonly byControl: Readonly<Record<string, number>>;
  /** HHI by location (fraction). */
  readonly hhiLocation: number;
  /** HHI by control (fraction), the unknown remainder counted as many small owners. */
  readonly hhiControl: number;
  /** The facilities counted. */
  readonly facilities: readonly ControlledFacility[];
  /** What the figures cover and leave out. */
  readonly note: string;
}

function normalise(record: Record<string, number>): Record<string, number> {
  const total = Object.values(record).reduce((sum, value) => sum + value, 0);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(record).sort((a, b) => b[1] - a[1]))
    out[k] = total > 0 ? v / total : 0;
  return out;
}

/**
 * Control versus location: a stage's shares by the country where its facilities are, and by the
 * home countries of their owners, stake-weighted. Investment abroad makes the two differ (an
 * Australian-owned separation plant in Malaysia counts for Malaysia by location and for
 * Australia by control).
 *
 * Only facilities of the dataset with a weight count: their output in the year, or (with
 * `measure: 'capacity'`, or when no facility reports output) their latest capacity. Stakes the
 * data does not assign count as `'unknown'`. The figures describe those facilities, not the
 * whole stage: the note says how many were counted.
 *
 * @category Chain
 * @param dataset - a dataset, e.g. `baseline` from `rare-earths/data`
 * @param options - `stage`, `year`; optionally `measure`
 * @returns shares and HHI by location and by control, and the facilities counted
 * @throws {@link RareEarthsError} (`invalid-argument`) for bad options; (`not-found`) when no
 *   facility of the stage has a weight for the year
 * @example
 * ```ts
 * import { controlVsLocation } from 'rare-earths';
 * import { baseline } from 'rare-earths/data';
 *
 * // 2024 output: Lynas Malaysia (Australian-owned) and MP Materials' Mountain Pass separation
 * const separation = controlVsLocation(baseline, { stage: 'separation', year: 2024 });
 * separation.byLocation; // ≈ { MYS: 0.814, USA: 0.186 }
 * separation.byControl; // ≈ { AUS: 0.814, USA: 0.186 }
 * ```
 */
export function controlVsLocation(dataset: Dataset, options: ControlOptions): ControlVsLocation {
  const fn = 'controlVsLocation';
  checkDataset(fn, dataset, ['facilities']);
  if (typeof options !== 'object' || options === null) {
    return invalidArgument(fn, ['options'], 'an options object { stage, year }', options);
  }
  const stage = readStage(fn, ['options', 'stage'], options.stage);
  const year = checkInteger(fn, ['options', 'year'], options.year, 1900);
  if (
    options.measure !== undefined &&
    options.measure !== 'output' &&
    options.measure !== 'capacity'
  ) {
    invalidArgument(fn, ['options', 'measure'], "'output' or 'capacity'", options.measure);
  }
  const atStage = (dataset.facilities ?? []).filter((f) => f.stage === stage);
  const outputs = atStage.map((f) => facilityFigure(f.output, year, true));
  const measure = options.measure ?? (outputs.some((w) => w !== undefined) ? 'output' : 'capacity');
  const weighted: { facility: Facility; weight: number }[] = [];
  atStage.forEach((facility, i) => {
    const weight =
      measure === 'output' ? outputs[i] : facilityFigure(facility.capacity, year, false);
    if (weight !== undefined && weight > 0) weighted.push({ facility, weight });
  });
  if (weighted.length === 0) {
    return invalidArgument(
      fn,
      ['options'],
      `facilities of the ${stage} stage with ${measure} for ${year}`,
      options,
    );
  }
  const location: Record<string, number> = {};
  const control: Record<string, number> = {};
  const facilities: ControlledFacility[] = [];
  for (const { facility, weight } of weighted) {
    location[facility.country] = (location[facility.country] ?? 0) + weight;
    const owners = (facility.owners ?? []).map((o) => ({
      homeCountry: o.homeCountry,
      stake: o.stake,
    }));
    let assigned = 0;
    for (const owner of owners) {
      control[owner.homeCountry] = (control[owner.homeCountry] ?? 0) + weight * owner.stake;
      assigned += owner.stake;
    }
    if (assigned < 1 - 1e-9) control.unknown = (control.unknown ?? 0) + weight * (1 - assigned);
    facilities.push({ id: facility.id, country: facility.country, weight, owners });
  }
  const byLocation = normalise(location);
  const byControl = normalise(control);
  return {
    stage,
    year,
    measure,
    byLocation,
    byControl,
    hhiLocation: hhi(byLocation),
    hhiControl: byControl.unknown === undefined ? hhi(byControl) : hhiWithUnknown(byControl),
    facilities,
    note: `${weighted.length} of the dataset's ${atStage.length} ${stage} facilities have ${measure} for ${year}; shares describe those facilities, not the whole stage.`,
  };
}

function hhiWithUnknown(shares: Record<string, number>): number {
  let sum = 0;
  for (const [k, v] of Object.entries(shares)) if (k !== 'unknown') sum += v * v;
  return sum;
}
