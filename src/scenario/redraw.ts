// A Monte Carlo draw's evaluation inputs, recomputed from the inputs of the dataset as is: only
// the stage tables and import lines whose records the draw changed, with the same arithmetic as
// the first read (the same helpers), so that a draw costs its changed numbers, not a re-read of
// the dataset (selecting tables, checking records, writing the assumptions' sentences).
import type { StageRow } from '../chain/index.js';
import { publishedShareRows } from '../chain/internal.js';
import type { Dataset, MassValue, StageOutput } from '../model/index.js';
import { type Mass, massFromJSON, sumMasses } from '../quantity/index.js';
import {
  type EvaluationInputs,
  type ImportLine,
  importQuantity,
  ownTonnes,
  type StageReference,
  sharesByExporter,
  sortedShares,
  stageBase,
  tonnesOf,
} from './context.js';

/** Where a dataset's records enter the inputs: for each record path, the stages and lines that read it. @internal */
export interface RedrawPlan {
  /** `stageOutputs/i`, `balances/i`, `tradeFlows/i` → the positions in `inputs.stages` and `inputs.lines` that read the record. */
  readonly readers: ReadonlyMap<
    string,
    { readonly stages: readonly number[]; readonly lines: readonly number[] }
  >;
  /** The position of the mining stage, whose table sizes the stages sized by the rule 'mining'. */
  readonly mining: number | undefined;
}

/** Collections whose numbers an evaluation never reads beyond the records the plan lists. */
const NOT_READ = new Set(['worldTotals']);

/**
 * Which stages and lines of `inputs` read each record: a draw that changes other records of
 * `stageOutputs`, `balances` or `tradeFlows` (tables not chosen, import rows of other years) or a
 * world total (read for the denominator's note only) leaves the inputs as they are.
 *
 * @internal
 */
export function redrawPlan(inputs: EvaluationInputs): RedrawPlan {
  const readers = new Map<string, { stages: number[]; lines: number[] }>();
  const at = (key: string) => {
    const entry = readers.get(key) ?? { stages: [], lines: [] };
    readers.set(key, entry);
    return entry;
  };
  const mining = inputs.stages.findIndex((s) => s.stage === 'mining');
  inputs.stages.forEach((stage, position) => {
    for (const index of stage.records) at(`stageOutputs/${index}`).stages.push(position);
  });
  // A stage sized by the mining rule reads the mining table's total too.
  inputs.stages.forEach((stage, position) => {
    if (stage.size.sizedBy !== 'mining' || mining < 0) return;
    for (const index of (inputs.stages[mining] as StageReference).records)
      at(`stageOutputs/${index}`).stages.push(position);
  });
  inputs.lines.forEach((line, position) => {
    for (const index of line.records.balances) at(`balances/${index}`).lines.push(position);
    for (const index of line.records.flows) at(`tradeFlows/${index}`).lines.push(position);
  });
  return { readers, mining: mining < 0 ? undefined : mining };
}

/** The tonnes of a quantity table's records, summed exactly as the table reader sums them, and its rows. */
function tableTonnes(
  fn: string,
  stage: StageReference,
  records: readonly StageOutput[],
): { total: number; rows: StageRow[] } {
  const masses = records.map((r) => massFromJSON(r.quantity as MassValue));
  const total = tonnesOf(fn, [stage.stage], sumMasses(masses));
  // The shares are not needed: a stage sized by its own table takes the rows' tonnes as they are.
  const rows = records.map((r, i) => ({
    country: r.country,
    share: 0,
    quantity: masses[i] as Mass,
  }));
  return { total, rows };
}

function redrawStage(
  fn: string,
  inputs: EvaluationInputs,
  plan: RedrawPlan,
  drawn: Dataset,
  position: number,
): StageReference | undefined {
  const stage = inputs.stages[position] as StageReference;
  const outputs = drawn.stageOutputs ?? [];
  const records = stage.records.map((i) => outputs[i] as StageOutput);
  if (ownTonnes(stage.table, stage.size)) {
    const { total, rows } = tableTonnes(fn, stage, records);
    return {
      ...stage,
      throughput: total,
      base: stageBase(fn, stage.stage, rows, total, true),
      size: { ...stage.size, throughput: total },
    };
  }
  if (stage.table.basis !== 'shares') return undefined;
  const { rows } = publishedShareRows(records);
  let throughput = stage.throughput;
  if (stage.size.sizedBy === 'mining') {
    const mining = plan.mining === undefined ? undefined : inputs.stages[plan.mining];
    if (mining?.table.basis !== 'quantities') return undefined;
    throughput = tableTonnes(
      fn,
      mining,
      mining.records.map((i) => outputs[i] as StageOutput),
    ).total;
  }
  return {
    ...stage,
    throughput,
    base: stageBase(fn, stage.stage, rows, throughput, false),
    size: { ...stage.size, throughput },
  };
}

function redrawLine(line: ImportLine, drawn: Dataset, fn: string): ImportLine {
  const flows = drawn.tradeFlows ?? [];
  const shares = sortedShares(
    sharesByExporter(line.records.flows.map((i) => flows[i] as (typeof flows)[number])),
  );
  if (line.records.balances.length === 0) return { ...line, shares };
  return {
    ...line,
    quantity: importQuantity(fn, drawn.balances ?? [], line.records.balances),
    shares,
  };
}

/**
 * The inputs of a draw: `inputs` (read from the dataset as is) with the stages and lines that
 * read a changed record recomputed from `drawn`, the dataset at the draw. The numbers the steps
 * read (each stage's supply by country and size, each line's quantity and shares) are those a
 * full read of `drawn` gives, bit for bit; the tables and the assumptions' sentences are those of
 * the dataset as is. `undefined` when a change lies where the plan cannot follow it (a demand
 * record, a facility, a quantity table sized by a rule): the caller then reads `drawn` in full.
 *
 * @internal
 */
export function redrawInputs(
  fn: string,
  inputs: EvaluationInputs,
  plan: RedrawPlan,
  drawn: Dataset,
  changes: readonly { readonly path: readonly (string | number)[] }[],
): EvaluationInputs | undefined {
  const stages = new Set<number>();
  const lines = new Set<number>();
  for (const { path } of changes) {
    const collection = String(path[0]);
    if (NOT_READ.has(collection)) continue;
    if (collection !== 'stageOutputs' && collection !== 'balances' && collection !== 'tradeFlows')
      return undefined;
    const readers = plan.readers.get(`${collection}/${String(path[1])}`);
    if (readers === undefined) continue;
    for (const s of readers.stages) stages.add(s);
    for (const l of readers.lines) lines.add(l);
  }
  if (stages.size === 0 && lines.size === 0) return inputs;
  const nextStages = inputs.stages.slice();
  for (const position of stages) {
    const next = redrawStage(fn, inputs, plan, drawn, position);
    if (next === undefined) return undefined;
    nextStages[position] = next;
  }
  const nextLines = inputs.lines.slice();
  for (const position of lines)
    nextLines[position] = redrawLine(inputs.lines[position] as ImportLine, drawn, fn);
  return { ...inputs, stages: nextStages, lines: nextLines };
}
