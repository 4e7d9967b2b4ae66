// Step 4, imports and stockpiles: each importer's import lines under the export restrictions (the
// share and tonnes withheld), what stockpiles release into them in years of shortfall, the balance
// (capacity additions + release − withheld), months of cover, and the stock levels.
import type { ExportRestriction, Stockpile } from '../../model/index.js';
import { type EvaluationInputs, type ImportLine, scopeLabel, tonnesOf } from '../context.js';
import type { ScenarioAssumption } from '../types.js';
import { scenarioVariables as V } from '../variables.js';
import type { LineCapacity } from './capacity.js';
import {
  type RestrictedSharePlan,
  restrictedShareOfPlan,
  restrictedSharePlan,
} from './restrictions.js';
import {
  byKind,
  inForce,
  type RowCollector,
  type RowKey,
  rowCollector,
  type StepInput,
  type StepResult,
  yearRanges,
} from './shared.js';

/** A stockpile over the years: its level (t, changing year by year) and the line it releases into. */
interface PileState {
  readonly pile: Stockpile;
  readonly index: number;
  readonly line: ImportLine | undefined;
  level: number;
}

/** The line a stockpile releases into: the holder's line of its elements, else its all-rare-earth line. */
function lineOfPile(inputs: EvaluationInputs, pile: Stockpile): ImportLine | undefined {
  const candidates = inputs.lines.filter(
    (line) =>
      line.importer === pile.holder &&
      (pile.stage === undefined || line.stages.includes(pile.stage)),
  );
  return (
    candidates.find((l) => l.scope === scopeLabel(pile.elements)) ??
    candidates.find((l) => l.elements === undefined)
  );
}

/** The scenario's stockpiles at their initial levels, each with its line, and where they go, stated. */
function stockpiles(input: StepInput): { piles: PileState[]; assumptions: ScenarioAssumption[] } {
  const { fn, inputs } = input;
  const assumptions: ScenarioAssumption[] = [];
  const piles = byKind(input.scenario.interventions, 'stockpile').map(
    ({ intervention: pile, index }) => {
      const level =
        pile.initial === undefined
          ? 0
          : tonnesOf(fn, ['scenario', 'interventions', index, 'initial'], pile.initial);
      return { pile, index, level, line: lineOfPile(inputs, pile) };
    },
  );
  for (const { pile, line } of piles) {
    if (line === undefined) {
      assumptions.push({
        id: `stockpile:${pile.id}`,
        kind: 'stockpile',
        text: `${pile.id}: no import line of ${pile.holder} matches its elements and stage, so it is never released and has no months of cover.`,
      });
    } else if (pile.elements !== undefined && line.elements === undefined) {
      assumptions.push({
        id: `stockpile:${pile.id}`,
        kind: 'stockpile',
        text: `${pile.id}: released into ${line.id} (no line of its own elements).`,
      });
    }
  }
  return { piles, assumptions };
}

/** What a line's stockpiles release in a year to cover `need` (t), taken off their levels in order. */
function release(fn: string, mine: readonly PileState[], need: number, year: number): number {
  let left = need;
  let released = 0;
  for (const state of mine) {
    const rule = state.pile.release;
    if (rule === undefined || !inForce(rule.from, rule.to, year) || left <= 0) continue;
    const most = tonnesOf(
      fn,
      ['scenario', 'interventions', state.index, 'release', 'maxPerYear'],
      rule.maxPerYear,
    );
    const out = Math.min(most, state.level, left);
    state.level -= out;
    left -= out;
    released += out;
  }
  return released;
}

/** How a line fared over the years: split by the composition, or not computable for want of one. */
interface LineState {
  readonly capacity: LineCapacity;
  /** The line's restricted-share plan in each year of the horizon. */
  readonly restricted: readonly RestrictedSharePlan[];
  readonly mine: readonly PileState[];
  readonly unknownYears: number[];
  composed: boolean;
}

/** One line's rows in one year (year index `k`): restricted share and tonnes, release, balance, cover. */
function lineYear(input: StepInput, state: LineState, k: number, put: RowCollector['put']): void {
  const { line, additions } = state.capacity;
  const year = input.years[k] as number;
  const { importer: region, stage, scope: element } = line;
  const restricted = restrictedShareOfPlan(line, state.restricted[k] as RestrictedSharePlan);
  if (restricted === undefined) state.unknownYears.push(year);
  else {
    state.composed ||= restricted.byComposition;
    put(V.restrictedShare, region, year, stage, element, restricted.value);
  }
  const added = additions[k] as number;
  const share = restricted?.value;
  const withheld =
    line.quantity === undefined || share === undefined ? undefined : line.quantity * share;
  const need = withheld === undefined ? 0 : Math.max(0, withheld - added);
  const released = release(input.fn, state.mine, need, year);
  put(V.stockRelease, region, year, stage, element, released);
  if (line.quantity === undefined) return;
  put(V.imports, region, year, stage, element, line.quantity);
  if (withheld !== undefined) {
    put(V.restricted, region, year, stage, element, withheld);
    put(V.balance, region, year, stage, element, added + released - withheld);
  }
  if (state.mine.length > 0 && line.quantity > 0) {
    const level = state.mine.reduce((sum, pile) => sum + pile.level, 0);
    put(V.monthsOfCover, region, year, stage, element, (12 * level) / line.quantity);
  }
}

/**
 * A line's restricted-share plans in each year: computed, or taken from `input.memo` when a caller
 * that evaluates the same scenario again kept them for the same exporters.
 */
function linePlans(
  input: StepInput,
  position: number,
  line: ImportLine,
  restrictions: readonly ExportRestriction[],
): readonly RestrictedSharePlan[] {
  const id = `${line.id}|${line.shares.map(([exporter]) => exporter).join(' ')}`;
  const kept = input.memo?.restricted.get(position);
  if (kept !== undefined && kept.id === id) return kept.plans;
  const plans = input.years.map((year) =>
    restrictedSharePlan(input.inputs, line, restrictions, year),
  );
  input.memo?.restricted.set(position, { id, plans });
  return plans;
}

/** The statements of each line split by the composition, or left uncomputed for want of one. */
function lineAssumptions(states: readonly LineState[]): ScenarioAssumption[] {
  return states.flatMap(({ capacity: { line }, unknownYears, composed }) => [
    ...(composed
      ? [
          {
            id: `composition:${line.id}`,
            kind: 'composition' as const,
            text: `${line.id}: the part of the line that restrictions or capacity changes on some of its elements touch is split by options.composition (mass shares).`,
          },
        ]
      : []),
    ...(unknownYears.length === 0
      ? []
      : [
          {
            id: `composition-unknown:${line.id}`,
            kind: 'composition-unknown' as const,
            text: `${line.id}: composition unknown in ${yearRanges(unknownYears)}: restrictions name some but not all of the line's elements (${line.scope ?? 'all rare earths'}), and the dataset has no composition by mass of the traded products, so the restricted share, the restricted tonnes and the balance are not computed (no rows) rather than counted by number of elements or left at 0; give options.composition.`,
          },
        ]),
  ]);
}

/** Stock levels at the end of each year (t), summed by holder, stage and elements. */
function stockLevelRows(
  input: StepInput,
  piles: readonly PileState[],
  levels: readonly (readonly number[])[],
  add: (key: RowKey, value: number) => void,
): void {
  const grouped = new Map<string, { pile: Stockpile; values: number[] }>();
  piles.forEach((state, i) => {
    const key = [state.pile.holder, state.pile.stage ?? '', scopeLabel(state.pile.elements) ?? ''];
    const id = key.join('|');
    const entry = grouped.get(id) ?? { pile: state.pile, values: input.years.map(() => 0) };
    (levels[i] as readonly number[]).forEach((v, k) => {
      entry.values[k] = (entry.values[k] as number) + v;
    });
    grouped.set(id, entry);
  });
  for (const { pile, values } of grouped.values()) {
    const where = { region: pile.holder, stage: pile.stage, element: scopeLabel(pile.elements) };
    input.years.forEach((year, k) => {
      add({ variable: V.stockLevel, ...where, year }, values[k] as number);
    });
  }
}

/**
 * The imports step, year by year: stockpiles build, then each import line loses what the
 * restrictions withhold, its stockpiles release what capacity additions leave short, and the
 * balance and months of cover follow; then the stock levels.
 *
 * @internal
 */
export function importsStep(
  input: StepInput,
  restrictions: readonly ExportRestriction[],
  capacity: readonly LineCapacity[],
): StepResult {
  const { fn, years } = input;
  const { rows, add, put } = rowCollector(input);
  const { piles, assumptions } = stockpiles(input);
  const states: LineState[] = capacity.map((c, position) => ({
    capacity: c,
    restricted: linePlans(input, position, c.line, restrictions),
    mine: piles.filter((p) => p.line === c.line),
    unknownYears: [],
    composed: c.composed,
  }));
  const levels = piles.map(() => years.map(() => 0));
  years.forEach((year, k) => {
    for (const state of piles) {
      const { build } = state.pile;
      if (build !== undefined && year >= build.from && year <= build.to) {
        const path = ['scenario', 'interventions', state.index, 'build', 'perYear'];
        state.level += tonnesOf(fn, path, build.perYear);
      }
    }
    for (const state of states) lineYear(input, state, k, put);
    piles.forEach((state, i) => {
      (levels[i] as number[])[k] = state.level;
    });
  });
  stockLevelRows(input, piles, levels, add);
  return { rows, assumptions: [...assumptions, ...lineAssumptions(states)] };
}
