// The inflow-driven dynamic stock model: 1,000 series of 200 years, each with its own normal
// lifetime, timing 'end' (ODYM's convention), computing the full year × cohort stock and outflow
// matrices and their totals. Three variants compute the same numbers:
//
// - rare-earths: `inflowDrivenStock` once per series (validation, compensated totals, result
//   objects included);
// - bare Float64Array loop: the survival curve from the library's `survival`, then the matrices and
//   totals in plain loops over preallocated-per-series typed arrays, no checks, plain sums;
// - numpy, ODYM-style (bench/dsm_numpy.py): per series, the survival matrix built one cohort at a
//   time with scipy.stats.norm.sf, then einsum and numpy differences, as ODYM's DynamicStockModel
//   does; timed inside Python, so process start and data transfer are excluded.
//
// The numpy stocks are compared with ours (must agree to 1e-9 relative), so the variants are known
// to compute the same thing.

import { generator } from './random.mjs';

const YEARS = 200;
const SERIES = 1000;

function data() {
  const random = generator(20240607);
  return Array.from({ length: SERIES }, () => {
    const mean = 5 + 25 * random();
    return {
      inflow: Array.from(
        { length: YEARS },
        (_, t) => Math.round((50 + t + 100 * random()) * 1000) / 1000,
      ),
      mean,
      sd: 0.3 * mean,
    };
  });
}

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Inflow-driven dynamic stock model',
  description: `${SERIES.toLocaleString('en')} series × ${YEARS} years, normal lifetimes (mean 5–30 years, sd 30% of the mean), timing 'end'; full year × cohort matrices and totals.`,
  run({ measure, python, library }) {
    const { inflowDrivenStock, survival } = library;
    const series = data();
    const ages = Array.from({ length: YEARS }, (_, k) => k);

    function ours() {
      let check = 0;
      for (const s of series) {
        const model = inflowDrivenStock({
          inflow: s.inflow,
          lifetime: { kind: 'normal', mean: s.mean, sd: s.sd },
          timing: 'end',
        });
        check += model.stock[YEARS - 1] ?? 0;
      }
      return check;
    }

    function bare() {
      let check = 0;
      const n = YEARS;
      for (const s of series) {
        const curve = Float64Array.from(
          survival({ kind: 'normal', mean: s.mean, sd: s.sd }, ages, { timing: 'end' }),
        );
        const inflow = Float64Array.from(s.inflow);
        const stockByCohort = new Float64Array(n * n);
        const outflowByCohort = new Float64Array(n * n);
        const stock = new Float64Array(n);
        const outflow = new Float64Array(n);
        for (let t = 0; t < n; t++) {
          const row = t * n;
          const prev = row - n;
          let st = 0;
          let ot = 0;
          for (let c = 0; c < t; c++) {
            const v = /** @type {number} */ (inflow[c]) * /** @type {number} */ (curve[t - c]);
            const o = /** @type {number} */ (stockByCohort[prev + c]) - v;
            stockByCohort[row + c] = v;
            outflowByCohort[row + c] = o;
            st += v;
            ot += o;
          }
          const it = /** @type {number} */ (inflow[t]);
          const v = it * /** @type {number} */ (curve[0]);
          stockByCohort[row + t] = v;
          outflowByCohort[row + t] = it - v;
          stock[t] = st + v;
          outflow[t] = ot + it - v;
        }
        check += stock[n - 1] ?? 0;
      }
      return check;
    }

    const a = ours();
    const b = bare();
    if (Math.abs(a - b) > 1e-9 * Math.abs(a))
      throw new Error(`the variants disagree: ${a} vs ${b}`);
    const oursTime = measure(ours, { warmup: 3, runs: 15 });
    const bareTime = measure(bare, { warmup: 3, runs: 15 });
    /** @type {import('./run.mjs').Row[]} */
    const rows = [
      {
        label: 'rare-earths inflowDrivenStock',
        ms: oursTime.median,
        note: `${oursTime.runs} runs`,
      },
      { label: 'bare Float64Array loop', ms: bareTime.median, note: `${bareTime.runs} runs` },
    ];
    /** @type {import('./run.mjs').Ratio[]} */
    const ratios = [];
    const notes = [];
    const numpy = /** @type {{ seconds: number[], stock: number[][] } | null} */ (
      python('dsm_numpy.py', { years: YEARS, series, repeats: 3 })
    );
    if (numpy === null) {
      notes.push('numpy baseline skipped: python3 with numpy and scipy is not available.');
    } else {
      let worst = 0;
      series.forEach((s, i) => {
        const model = inflowDrivenStock({
          inflow: s.inflow,
          lifetime: { kind: 'normal', mean: s.mean, sd: s.sd },
          timing: 'end',
        });
        model.stock.forEach((v, t) => {
          const w = /** @type {number} */ (numpy.stock[i]?.[t]);
          worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
        });
      });
      if (!(worst <= 1e-9)) throw new Error(`numpy and rare-earths disagree: ${worst}`);
      const sorted = [...numpy.seconds].sort((x, y) => x - y);
      const numpyMs = /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]) * 1000;
      rows.push({
        label: 'numpy + scipy, ODYM-style',
        ms: numpyMs,
        note: `${sorted.length} runs; stocks agree with ours to ${worst.toExponential(1)}`,
      });
      ratios.push({
        label: 'numpy ODYM-style ÷ rare-earths (speed-up)',
        value: numpyMs / oursTime.median,
        target: '≥ 10×',
      });
    }
    ratios.push({
      label: 'rare-earths ÷ bare loop (overhead)',
      value: oursTime.median / bareTime.median,
      target: '≤ 2×',
    });
    notes.push(
      'The library evaluates the survival curve once per distinct lifetime (n values) and reads it by age; ODYM evaluates it once per cohort (n calls into scipy).',
    );
    return { rows, ratios, notes };
  },
};
