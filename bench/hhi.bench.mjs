// Concentration over a large trade table: 1,000,000 synthetic trade flows, grouped by
// (commodity, year, importer), and the HHI of each importer's suppliers (the exporters' shares of
// the group's value). Every variant computes the same 20,000 HHIs, and they are compared before
// anything is timed.
//
// - rare-earths `hhiByGroup`, end to end: the group number of each flow computed from the three
//   columns (as the floor does), then one call with all its validation;
// - the same with the exporter column, so that rows of one exporter are added up first (here
//   every exporter appears once per group, so the answers are the same; the work is not);
// - rare-earths `hhi` per group, grouped the way a user without `hhiByGroup` would: a Map from
//   the group number to a plain array, then `hhi(values)` per group;
// - bare typed-array loop, end to end (the floor): a counting sort of the flows by group into one
//   Float64Array, then per group the compensated total and the compensated Σ (v/total)², no checks.
//
// The flows are held in columns (typed arrays), as a large trade table would be, and shuffled so
// that grouping is real work. Each group has 50 distinct exporters; the values are lognormal-ish,
// so the shares are unequal (no equal-shares shortcut).

import { generator } from './random.mjs';

const COMMODITIES = 10;
const YEARS = 25;
const IMPORTERS = 80;
const EXPORTERS = 120;
const PER_GROUP = 50;
const GROUPS = COMMODITIES * YEARS * IMPORTERS; // 20,000
const FLOWS = GROUPS * PER_GROUP; // 1,000,000

function data() {
  const random = generator(1_000_003);
  const commodity = new Int32Array(FLOWS);
  const year = new Int32Array(FLOWS);
  const importer = new Int32Array(FLOWS);
  const exporter = new Int32Array(FLOWS);
  const value = new Float64Array(FLOWS);
  const pool = Int32Array.from({ length: EXPORTERS }, (_, i) => i);
  let row = 0;
  for (let c = 0; c < COMMODITIES; c++) {
    for (let y = 0; y < YEARS; y++) {
      for (let m = 0; m < IMPORTERS; m++) {
        // PER_GROUP distinct exporters: a partial Fisher–Yates shuffle of the pool.
        for (let k = 0; k < PER_GROUP; k++) {
          const j = k + Math.floor(random() * (EXPORTERS - k));
          const swap = /** @type {number} */ (pool[k]);
          pool[k] = /** @type {number} */ (pool[j]);
          pool[j] = swap;
          commodity[row] = c;
          year[row] = 2000 + y;
          importer[row] = m;
          exporter[row] = /** @type {number} */ (pool[k]);
          value[row] = Math.round(Math.exp(12 * random()) * 100) / 100;
          row++;
        }
      }
    }
  }
  // Shuffle the rows, so that no variant profits from the order they were made in.
  for (let i = FLOWS - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    for (const column of [commodity, year, importer, exporter, value]) {
      const swap = /** @type {number} */ (column[i]);
      column[i] = /** @type {number} */ (column[j]);
      column[j] = swap;
    }
  }
  return { commodity, year, importer, exporter, value };
}

/**
 * The group of a flow: (commodity, year, importer) as one integer.
 * @param {number} c @param {number} y @param {number} m
 */
function groupKey(c, y, m) {
  return (c * YEARS + (y - 2000)) * IMPORTERS + m;
}

/**
 * Neumaier-compensated Σ (v/total)² of values[from, to), the arithmetic `hhi` does.
 * @param {ArrayLike<number>} values @param {number} from @param {number} to
 */
function bareHhi(values, from, to) {
  let sum = 0;
  let comp = 0;
  for (let i = from; i < to; i++) {
    const v = /** @type {number} */ (values[i]);
    const next = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
    sum = next;
  }
  const total = sum + comp;
  sum = 0;
  comp = 0;
  for (let i = from; i < to; i++) {
    const s = /** @type {number} */ (values[i]) / total;
    const v = s * s;
    const next = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
    sum = next;
  }
  return sum + comp;
}

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Grouped HHI over a large trade table',
  description: `${FLOWS.toLocaleString('en')} synthetic flows (columns in typed arrays, shuffled) grouped by (commodity, year, importer) into ${GROUPS.toLocaleString('en')} groups of ${PER_GROUP} exporters; the HHI of each group's exporter shares.`,
  run({ measure, library }) {
    const { hhi } = library;
    const flows = data();

    /** Group the flows the way a library user would: a Map of plain arrays. */
    function groupWithMap() {
      /** @type {Map<number, number[]>} */
      const groups = new Map();
      for (let i = 0; i < FLOWS; i++) {
        const key = groupKey(
          /** @type {number} */ (flows.commodity[i]),
          /** @type {number} */ (flows.year[i]),
          /** @type {number} */ (flows.importer[i]),
        );
        let values = groups.get(key);
        if (values === undefined) {
          values = [];
          groups.set(key, values);
        }
        values.push(/** @type {number} */ (flows.value[i]));
      }
      return groups;
    }

    /** @param {Map<number, number[]>} groups */
    function hhiPerGroup(groups) {
      const out = new Float64Array(GROUPS);
      for (const [key, values] of groups) out[key] = hhi(values);
      return out;
    }

    /** @param {Map<number, number[]>} groups */
    function barePerGroup(groups) {
      const out = new Float64Array(GROUPS);
      for (const [key, values] of groups) out[key] = bareHhi(values, 0, values.length);
      return out;
    }

    function byGroup() {
      const group = new Int32Array(FLOWS);
      for (let i = 0; i < FLOWS; i++)
        group[i] = groupKey(
          /** @type {number} */ (flows.commodity[i]),
          /** @type {number} */ (flows.year[i]),
          /** @type {number} */ (flows.importer[i]),
        );
      return library.hhiByGroup({ group, value: flows.value }, { groups: GROUPS }).hhi;
    }

    function byGroupAndSupplier() {
      const group = new Int32Array(FLOWS);
      for (let i = 0; i < FLOWS; i++)
        group[i] = groupKey(
          /** @type {number} */ (flows.commodity[i]),
          /** @type {number} */ (flows.year[i]),
          /** @type {number} */ (flows.importer[i]),
        );
      return library.hhiByGroup(
        { group, value: flows.value, supplier: flows.exporter },
        { groups: GROUPS },
      ).hhi;
    }

    function withMap() {
      return hhiPerGroup(groupWithMap());
    }

    function bare() {
      const keys = new Int32Array(FLOWS);
      const start = new Int32Array(GROUPS + 1);
      for (let i = 0; i < FLOWS; i++) {
        const key = groupKey(
          /** @type {number} */ (flows.commodity[i]),
          /** @type {number} */ (flows.year[i]),
          /** @type {number} */ (flows.importer[i]),
        );
        keys[i] = key;
        start[key + 1] = /** @type {number} */ (start[key + 1]) + 1;
      }
      for (let g = 0; g < GROUPS; g++)
        start[g + 1] = /** @type {number} */ (start[g + 1]) + /** @type {number} */ (start[g]);
      const fill = start.slice(0, GROUPS);
      const sorted = new Float64Array(FLOWS);
      for (let i = 0; i < FLOWS; i++) {
        const key = /** @type {number} */ (keys[i]);
        const at = /** @type {number} */ (fill[key]);
        sorted[at] = /** @type {number} */ (flows.value[i]);
        fill[key] = at + 1;
      }
      const out = new Float64Array(GROUPS);
      for (let g = 0; g < GROUPS; g++)
        out[g] = bareHhi(
          sorted,
          /** @type {number} */ (start[g]),
          /** @type {number} */ (start[g + 1]),
        );
      return out;
    }

    // Same answers from every variant, before anything is timed. The counting sort keeps each
    // group's values in input order, as the Map does, so the sums are the same operations.
    const grouped = groupWithMap();
    const floor = bare();
    const answers = [byGroup(), byGroupAndSupplier(), withMap(), barePerGroup(grouped)];
    let worst = 0;
    for (const answer of answers)
      for (let g = 0; g < GROUPS; g++)
        worst = Math.max(
          worst,
          Math.abs(/** @type {number} */ (answer[g]) - /** @type {number} */ (floor[g])),
        );
    if (!(worst <= 1e-15)) throw new Error(`the variants disagree by ${worst}`);

    const options = { warmup: 3, runs: 15 };
    const byGroupTime = measure(byGroup, options);
    const supplierTime = measure(byGroupAndSupplier, options);
    const mapTime = measure(withMap, options);
    const bareTime = measure(bare, options);
    const hhiTime = measure(() => hhiPerGroup(grouped), options);
    const hhiBareTime = measure(() => barePerGroup(grouped), options);

    return {
      rows: [
        {
          label: 'rare-earths: hhiByGroup',
          ms: byGroupTime.median,
          note: `${byGroupTime.runs} runs`,
        },
        {
          label: 'rare-earths: hhiByGroup, adding up rows by exporter',
          ms: supplierTime.median,
          note: `${supplierTime.runs} runs`,
        },
        {
          label: 'rare-earths: Map of arrays + hhi per group',
          ms: mapTime.median,
          note: `${mapTime.runs} runs`,
        },
        {
          label: 'bare typed-array loop (counting sort + Σ s²)',
          ms: bareTime.median,
          note: `${bareTime.runs} runs; largest difference from any variant ${worst.toExponential(1)}`,
        },
        {
          label: 'hhi per group alone, on arrays already grouped',
          ms: hhiTime.median,
          note: `${hhiTime.runs} runs`,
        },
        {
          label: 'bare Σ s² per group alone, on the same arrays',
          ms: hhiBareTime.median,
          note: `${hhiBareTime.runs} runs`,
        },
      ],
      ratios: [
        {
          label: 'hhiByGroup ÷ bare loop, end to end',
          value: byGroupTime.median / bareTime.median,
          target: '≤ 2×',
        },
        {
          label: 'hhiByGroup with the exporter column ÷ bare loop',
          value: supplierTime.median / bareTime.median,
        },
        {
          label: 'Map of arrays + hhi per group ÷ bare loop',
          value: mapTime.median / bareTime.median,
        },
        {
          label: 'hhi ÷ bare Σ s², per group on grouped arrays',
          value: hhiTime.median / hhiBareTime.median,
        },
      ],
      notes: [
        '`hhiByGroup` validates every row (finite, non-negative values; integer group numbers), sorts the rows by group with a counting sort and computes each group with the same Neumaier-compensated sums as the floor, so the HHIs agree to the bit. Grouping into a Map of arrays, as a user of `hhi` alone would, costs most of the time of that variant; `hhi` per group pays for validating and reading each small array.',
      ],
    };
  },
};
