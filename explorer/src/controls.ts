// The scenario panel's controls: which fields of a preset's interventions the reader may move,
// and the scenario that results. Pure functions: the preset is never changed.
import type { Intervention, Scenario } from 'rare-earths';

/** The unit a control is shown in: a share (shown in percent), a calendar year, or t/yr. */
export type ControlUnit = 'share' | 'year' | 'tonnes';

/** One labelled control of an intervention. */
export interface ControlSpec {
  /** `interventionId.field`: the control's key in the URL. */
  readonly key: string;
  /** The intervention it belongs to. */
  readonly interventionId: string;
  /** What the control sets. */
  readonly field:
    | 'cut'
    | 'from'
    | 'amount'
    | 'rampFrom'
    | 'rampTo'
    | 'collectionRate'
    | 'collectionYear'
    | 'share'
    | 'midpoint';
  /** The label, in words. */
  readonly label: string;
  /** The unit: shares are fractions in the model and the URL, percent on screen. */
  readonly unit: ControlUnit;
  /** Smallest value, in the model's unit. */
  readonly min: number;
  /** Largest value, in the model's unit. */
  readonly max: number;
  /** Step, in the model's unit. */
  readonly step: number;
  /** The preset's own value. */
  readonly preset: number;
}

/** The controls of a scenario's interventions (a resolved scenario: no parent), in its order. */
export function controlsFor(scenario: Scenario): ControlSpec[] {
  const { from, to } = scenario.horizon;
  const out: ControlSpec[] = [];
  const add = (
    intervention: Intervention,
    field: ControlSpec['field'],
    label: string,
    unit: ControlUnit,
    preset: number,
    range?: { min: number; max: number; step: number },
  ) => {
    const bounds =
      range ??
      (unit === 'share'
        ? { min: 0, max: 1, step: 0.05 }
        : unit === 'year'
          ? { min: from, max: to, step: 1 }
          : { min: 0, max: Math.max(1000, Math.ceil((preset * 3) / 1000) * 1000), step: 50 });
    out.push({
      key: `${intervention.id}.${field}`,
      interventionId: intervention.id,
      field,
      label,
      unit,
      preset,
      ...bounds,
    });
  };
  for (const intervention of scenario.interventions) {
    switch (intervention.kind) {
      case 'exportRestriction':
        add(intervention, 'cut', 'Cut: share of exports withheld', 'share', intervention.cut);
        add(intervention, 'from', 'In force from', 'year', intervention.from);
        break;
      case 'capacityChange': {
        const amount = Number(intervention.change.amount);
        add(
          intervention,
          'amount',
          `Capacity added (${intervention.change.unit}/yr ${intervention.change.basis})`,
          'tonnes',
          amount,
        );
        const years = { min: from - 5, max: to, step: 1 };
        add(intervention, 'rampFrom', 'Ramp starts after', 'year', intervention.ramp.from, years);
        add(intervention, 'rampTo', 'Full capacity from', 'year', intervention.ramp.to, years);
        break;
      }
      case 'recyclingPolicy': {
        const rate = intervention.collectionRate;
        if (typeof rate === 'number')
          add(intervention, 'collectionRate', 'Collection rate', 'share', rate);
        else if (rate?.kind === 'ramp') {
          add(intervention, 'collectionRate', 'Collection rate reached', 'share', rate.to.value);
          add(intervention, 'collectionYear', 'Reached in', 'year', rate.to.year, {
            min: rate.from.year + 1,
            max: Math.max(to, rate.to.year),
            step: 1,
          });
        }
        break;
      }
      case 'substitution': {
        const adoption = intervention.adoption;
        if (typeof adoption === 'object' && adoption.kind === 'logistic') {
          add(
            intervention,
            'share',
            'Substitution share (ceiling)',
            'share',
            adoption.ceiling ?? 1,
          );
          add(intervention, 'midpoint', 'Halfway in', 'year', adoption.midpoint);
        } else if (typeof adoption === 'number')
          add(intervention, 'share', 'Substitution share', 'share', adoption);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/**
 * Read a value given for a control (from the URL or an input): a finite number within the
 * control's range, else `undefined`, so that a bad link falls back to the preset and says so.
 */
export function readControlValue(spec: ControlSpec, text: string | null): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) return undefined;
  return spec.unit === 'year' ? Math.round(value) : value;
}

function set(intervention: Intervention, field: ControlSpec['field'], value: number): Intervention {
  switch (intervention.kind) {
    case 'exportRestriction':
      if (field === 'cut') return { ...intervention, cut: value };
      if (field === 'from') return { ...intervention, from: value };
      return intervention;
    case 'capacityChange':
      if (field === 'amount')
        return { ...intervention, change: { ...intervention.change, amount: value } };
      if (field === 'rampFrom')
        return { ...intervention, ramp: { ...intervention.ramp, from: value } };
      if (field === 'rampTo') return { ...intervention, ramp: { ...intervention.ramp, to: value } };
      return intervention;
    case 'recyclingPolicy': {
      const rate = intervention.collectionRate;
      if (typeof rate === 'number' && field === 'collectionRate')
        return { ...intervention, collectionRate: value };
      if (typeof rate === 'object' && rate.kind === 'ramp') {
        if (field === 'collectionRate')
          return { ...intervention, collectionRate: { ...rate, to: { ...rate.to, value } } };
        if (field === 'collectionYear')
          return { ...intervention, collectionRate: { ...rate, to: { ...rate.to, year: value } } };
      }
      return intervention;
    }
    case 'substitution': {
      const adoption = intervention.adoption;
      if (typeof adoption === 'number' && field === 'share')
        return { ...intervention, adoption: value };
      if (typeof adoption === 'object' && adoption.kind === 'logistic') {
        if (field === 'share')
          return { ...intervention, adoption: { ...adoption, ceiling: value } };
        if (field === 'midpoint')
          return { ...intervention, adoption: { ...adoption, midpoint: value } };
      }
      return intervention;
    }
    default:
      return intervention;
  }
}

/**
 * The scenario with the controls' values applied (keyed by control key; keys not given keep the
 * preset's value). The scenario given is not changed.
 */
export function withControls(
  scenario: Scenario,
  specs: readonly ControlSpec[],
  values: Readonly<Record<string, number>>,
): Scenario {
  const interventions = scenario.interventions.map((intervention) => {
    let out = intervention;
    for (const spec of specs) {
      const value = values[spec.key];
      if (spec.interventionId === intervention.id && value !== undefined)
        out = set(out, spec.field, value);
    }
    return out;
  });
  return { ...scenario, interventions };
}
