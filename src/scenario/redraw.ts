// A Monte Carlo draw's evaluation inputs, recomputed from the inputs of the dataset as is: only
// the stage tables and import lines whose records the draw changed, with the same arithmetic as
// the first read (the same helpers), so that a draw costs its changed numbers, not a re-read of
// the dataset (selecting tables, checking records, writing the assumptions' sentences).
import { publishedShareRows, sharesByExporter } from '../chain/internal.js';
import type { BalanceRecord, Dataset, MassValue, StageOutput, TradeFlow } from '../model/index.js';
import { Dec, decString, exactDecimalSum, toDec } from '../numeric/internal.js';
import {
  type EvaluationInputs,
  type ImportLine,
  importQuantity,
  ownTonnes,
  type StageReference,
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
  /**
   * For each line, for each of its flows (in `records.flows` order), the position of the flow's
   * exporter in the line's `shares`; `undefined` where the flows name an exporter the shares lack.
   */
  readonly exporters: readonly (readonly number[] | undefined)[];
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
export function redrawPlan(inputs: EvaluationInputs, dataset: Dataset): RedrawPlan {
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
  const flows = dataset.tradeFlows ?? [];
  const exporters = inputs.lines.map((line) => {
    const at = line.records.flows.map((i) =>
      line.shares.findIndex(([exporter]) => exporter === flows[i]?.exporter),
    );
    return at.some((k) => k < 0) ? undefined : at;
  });
  return { readers, mining: mining < 0 ? undefined : mining, exporters };
}

/**
 * The tonnes of a quantity table's records: their sum exactly as the table reader sums them (in
 * decimal, then read as tonnes; the rows share one unit, or the first read would have failed),
 * and each row's own tonnes (what the stage takes as its supply when its table sizes it).
 */
function tableTonnes(
  fn: string,
  stage: StageReference,
  records: readonly StageOutput[],
): { total: number; base: Map<string, number> } {
  const path = [stage.stage];
  const base = new Map<string, number>();
  const amounts: unknown[] = [];
  for (const record of records) {
    const quantity = record.quantity as MassValue;
    amounts.push(quantity.amount);
    base.set(record.country, tonnesOf(fn, path, quantity));
  }
  // Exact either way: BigInt where that is certain to equal the decimal.js sum, else decimal.js.
  const amount =
    exactDecimalSum(fn, path, amounts) ??
    decString(amounts.reduce<Dec>((sum, a) => sum.plus(toDec(fn, path, a)), new Dec(0)));
  const first = records[0]?.quantity as MassValue;
  const total = tonnesOf(fn, path, { ...first, amount });
  return { total, base };
}

/**
 * A record of the dataset at the draw: `dataset[collection][index]` with the draw's numbers in it.
 *
 * @internal
 */
export type DrawnRecord = (
  collection: 'stageOutputs' | 'balances' | 'tradeFlows',
  index: number,
) => unknown;

function redrawStage(
  fn: string,
  inputs: EvaluationInputs,
  plan: RedrawPlan,
  recordAt: DrawnRecord,
  position: number,
  tonnesAt: (position: number) => { total: number; base: Map<string, number> },
): StageReference | undefined {
  const stage = inputs.stages[position] as StageReference;
  if (ownTonnes(stage.table, stage.size)) {
    // The rows' own tonnes, as stageBase takes them for a stage its table sizes.
    const { total, base } = tonnesAt(position);
    // A country listed twice: the first read keeps the last row by share order, not followed here.
    if (base.size !== stage.records.length) return undefined;
    return { ...stage, throughput: total, base, size: { ...stage.size, throughput: total } };
  }
  if (stage.table.basis !== 'shares') return undefined;
  const records = stage.records.map((i) => recordAt('stageOutputs', i) as StageOutput);
  const { rows } = publishedShareRows(records);
  let throughput = stage.throughput;
  if (stage.size.sizedBy === 'mining') {
    const mining = plan.mining === undefined ? undefined : inputs.stages[plan.mining];
    if (mining?.table.basis !== 'quantities' || plan.mining === undefined) return undefined;
    throughput = tonnesAt(plan.mining).total;
  }
  return {
    ...stage,
    throughput,
    base: stageBase(fn, stage.stage, rows, throughput, false),
    size: { ...stage.size, throughput },
  };
}

function redrawLine(
  fn: string,
  line: ImportLine,
  recordAt: DrawnRecord,
  exporters: readonly number[] | undefined,
): ImportLine {
  const flows = line.records.flows.map((i) => recordAt('tradeFlows', i) as TradeFlow);
  let shares: ImportLine['shares'];
  if (exporters === undefined) shares = sortedShares(sharesByExporter(flows));
  else {
    // As sharesByExporter adds them (each exporter's flows in order), placed in the line's order
    // of exporters (sorted), which the draw does not change.
    const sums = line.shares.map(() => 0);
    flows.forEach((flow, j) => {
      const k = exporters[j] as number;
      sums[k] = (sums[k] as number) + (flow.share ?? 0);
    });
    shares = line.shares.map(([exporter], k) => [exporter, sums[k] as number] as const);
  }
  if (line.records.balances.length === 0) return { ...line, shares };
  const rows = line.records.balances.map((i) => recordAt('balances', i) as BalanceRecord);
  return { ...line, quantity: importQuantity(fn, rows, rows.keys()), shares };
}

/** The stages and lines (positions in the inputs) that a set of changed paths reaches. @internal */
export interface RedrawTargets {
  readonly stages: ReadonlySet<number>;
  readonly lines: ReadonlySet<number>;
}

/**
 * The stages and lines that read the records at `paths` (a draw changes the same paths every
 * time, so a caller finds them once); `undefined` when a path lies where the plan cannot follow it
 * (a demand record, a facility): such draws are read in full.
 *
 * @internal
 */
export function redrawTargets(
  plan: RedrawPlan,
  paths: readonly (readonly (string | number)[])[],
): RedrawTargets | undefined {
  const stages = new Set<number>();
  const lines = new Set<number>();
  for (const path of paths) {
    const collection = String(path[0]);
    if (NOT_READ.has(collection)) continue;
    if (collection !== 'stageOutputs' && collection !== 'balances' && collection !== 'tradeFlows')
      return undefined;
    const readers = plan.readers.get(`${collection}/${String(path[1])}`);
    if (readers === undefined) continue;
    for (const s of readers.stages) stages.add(s);
    for (const l of readers.lines) lines.add(l);
  }
  return { stages, lines };
}

/**
 * The inputs of a draw: `inputs` (read from the dataset as is) with the stages and lines of
 * `targets` (those that read a changed record) recomputed from the records at the draw
 * (`recordAt`). The numbers the steps read (each stage's supply by country and size, each line's
 * quantity and shares) are those a full read of the drawn dataset gives, bit for bit; the tables
 * and the assumptions' sentences are those of the dataset as is. `undefined` when a stage is one
 * the plan cannot recompute (a quantity table sized by a rule, a country listed twice): the
 * caller then reads the drawn dataset in full.
 *
 * @internal
 */
export function redrawInputs(
  fn: string,
  inputs: EvaluationInputs,
  plan: RedrawPlan,
  recordAt: DrawnRecord,
  targets: RedrawTargets,
): EvaluationInputs | undefined {
  const { stages, lines } = targets;
  if (stages.size === 0 && lines.size === 0) return inputs;
  const nextStages = inputs.stages.slice();
  // Each quantity table's tonnes once per draw (the mining table sizes other stages too).
  const tonnes = new Map<number, ReturnType<typeof tableTonnes>>();
  const tonnesAt = (position: number) => {
    let kept = tonnes.get(position);
    if (kept === undefined) {
      const stage = inputs.stages[position] as StageReference;
      const records = stage.records.map((i) => recordAt('stageOutputs', i) as StageOutput);
      kept = tableTonnes(fn, stage, records);
      tonnes.set(position, kept);
    }
    return kept;
  };
  for (const position of stages) {
    const next = redrawStage(fn, inputs, plan, recordAt, position, tonnesAt);
    if (next === undefined) return undefined;
    nextStages[position] = next;
  }
  const nextLines = inputs.lines.slice();
  for (const position of lines)
    nextLines[position] = redrawLine(
      fn,
      inputs.lines[position] as ImportLine,
      recordAt,
      plan.exporters[position],
    );
  return { ...inputs, stages: nextStages, lines: nextLines };
}
