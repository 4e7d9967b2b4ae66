// Monte Carlo of `evaluate`: 10,000 draws of the baseline's uncertain figures through the
// export-controls preset extended to 2024–2050, against calling `evaluate` 10,000 times in the same
// run (the target: at least 5× faster, and within 2 s on 2 cores); heap growth with the
// number of draws, exact and streaming quantiles.

import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Monte Carlo of a scenario',
  description:
    '`simulate` of the April 2025 export controls over 2024–2050 on the baseline (58 uncertain figures), 10,000 draws, against 10,000 calls of `evaluate`; heap growth with draws, quantiles exact and streaming.',
  async run({ measure, library }) {
    const { evaluate } = library;
    const { baseline, presets } = await import(
      pathToFileURL(resolve(here, '../dist/data/index.js')).href
    );
    const { simulate } = await import(
      pathToFileURL(resolve(here, '../dist/uncertainty/index.js')).href
    );
    const base = presets.find(
      (/** @type {{ id: string }} */ p) => p.id === 'china-export-controls-2025',
    );
    const scenario = { ...base, horizon: { from: 2024, to: 2050 } };
    const draws = 10_000;
    const sim = measure(() => simulate(baseline, scenario, { draws, seed: 1 }), {
      warmup: 1,
      runs: 3,
    });
    // The baseline: the same 10,000 evaluations one call at a time (about 20 s, so run once).
    const calls = measure(
      () => {
        for (let i = 0; i < draws; i++) evaluate(baseline, scenario);
      },
      { warmup: 0, runs: 1 },
    );
    const streaming = measure(
      () => simulate(baseline, scenario, { draws, seed: 1, quantileMethod: 'streaming' }),
      { warmup: 0, runs: 1 },
    );
    // Live memory (heap and typed-array buffers) at four points of a run, each after a
    // collection: what a simulation keeps as it goes, not the garbage between collections.
    const live = (/** @type {number} */ n, /** @type {'exact' | 'streaming'} */ method) => {
      const used = () => {
        const m = process.memoryUsage();
        return m.heapUsed + m.arrayBuffers;
      };
      globalThis.gc?.();
      const before = used();
      let peak = 0;
      const result = simulate(baseline, scenario, {
        draws: n,
        seed: 2,
        quantileMethod: method,
        onProgress: (/** @type {number} */ d) => {
          if (d % (n / 4) !== 0) return;
          globalThis.gc?.();
          peak = Math.max(peak, used() - before);
        },
      });
      const moving = result.rows.filter(
        (/** @type {{ band: { min: number, max: number } }} */ r) => r.band.max > r.band.min,
      ).length;
      return { mb: peak / 1e6, moving };
    };
    const memory = {
      streaming: [live(1000, 'streaming'), live(10_000, 'streaming')],
      exact: [live(1000, 'exact'), live(10_000, 'exact')],
    };
    const gc = typeof globalThis.gc === 'function';
    return {
      rows: [
        {
          label: `simulate, ${draws.toLocaleString('en-US')} draws (exact quantiles)`,
          ms: sim.median,
          note: `${sim.runs} runs`,
        },
        {
          label: `simulate, ${draws.toLocaleString('en-US')} draws (streaming quantiles)`,
          ms: streaming.median,
          note: `${streaming.runs} run`,
        },
        {
          label: `evaluate × ${draws.toLocaleString('en-US')}`,
          ms: calls.median,
          note: `${calls.runs} run`,
        },
      ],
      ratios: [
        {
          label: 'evaluate × N ÷ simulate of N draws (speed-up)',
          value: calls.median / sim.median,
          target: '≥ 5×',
        },
        {
          label: 'simulate of 10,000 draws ÷ 2 s (the time budget)',
          value: sim.median / 2000,
          target: '≤ 1',
        },
      ],
      notes: [
        `Live memory during a run${gc ? '' : ' (without --expose-gc, so garbage not yet collected is counted)'}: streaming quantiles ${memory.streaming[0]?.mb.toFixed(1)} MB for 1,000 draws and ${memory.streaming[1]?.mb.toFixed(1)} MB for 10,000 (five markers per quantile and row, flat in the number of draws); exact quantiles ${memory.exact[0]?.mb.toFixed(1)} MB and ${memory.exact[1]?.mb.toFixed(1)} MB (${memory.exact[1]?.moving} rows move; one float64 per draw for each set of them that drew different values, as rows that drew the same values share one accumulator).`,
        'A draw recomputes only the stage tables and import lines whose records it changed, keeps the steps’ scenario-only plans, the capacity step and the demand step (no drawn figure touches demand), and writes the rows’ values in the template’s order; rows that have drawn the same values share one accumulator until they part. A test asks every draw for the numbers of evaluate on the drawn dataset, bit for bit.',
      ],
    };
  },
};
