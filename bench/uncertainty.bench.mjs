// Monte Carlo of `evaluate`: draws of the baseline's uncertain figures through the export-controls
// preset extended to 2024–2050, against calling `evaluate` once per draw in the same run. The issue
// asks for ≥ 5× and 10,000 draws within 2 s; the ratio is measured here on 1,000 draws and the time
// of 10,000 extrapolated from it (linear in draws: each draw re-reads the drawn dataset).

import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Monte Carlo of a scenario',
  description:
    '`simulate` of the April 2025 export controls over 2024–2050 on the baseline (58 uncertain figures) against one `evaluate` per draw; heap growth with draws, quantiles exact and streaming.',
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
    const draws = 1000;
    const sim = measure(() => simulate(baseline, scenario, { draws, seed: 1 }), {
      warmup: 1,
      runs: 3,
    });
    const calls = measure(
      () => {
        for (let i = 0; i < draws; i++) evaluate(baseline, scenario);
      },
      { warmup: 1, runs: 3 },
    );
    const streaming = measure(
      () => simulate(baseline, scenario, { draws, seed: 1, quantileMethod: 'streaming' }),
      { warmup: 1, runs: 3 },
    );
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    simulate(baseline, scenario, { draws: 4000, seed: 2, quantileMethod: 'streaming' });
    const after = process.memoryUsage().heapUsed;
    return {
      rows: [
        {
          label: `simulate, ${draws} draws (exact quantiles)`,
          ms: sim.median,
          note: `${sim.runs} runs`,
        },
        {
          label: `simulate, ${draws} draws (streaming quantiles)`,
          ms: streaming.median,
          note: `${streaming.runs} runs`,
        },
        { label: `evaluate × ${draws}`, ms: calls.median, note: `${calls.runs} runs` },
      ],
      ratios: [
        {
          label: 'evaluate × N ÷ simulate of N draws (speed-up)',
          value: calls.median / sim.median,
          target: '≥ 5× (not met)',
        },
        {
          label: '10,000 draws, extrapolated (s)',
          value: (sim.median * 10) / 1000,
          target: '≤ 2 s (not met)',
        },
      ],
      notes: [
        `Heap after 4,000 streaming draws minus before: ${((after - before) / 1e6).toFixed(1)} MB (streaming keeps five markers per quantile and row; exact keeps one float64 per draw and row).`,
        'Each draw re-reads the drawn tables (stage tables, import lines) and runs the steps again; the demand paths and the demand step are kept when no drawn figure touches demand, and rows are matched to their band without sorting. The 5× target needs an evaluation that recomputes each row as arithmetic on the drawn figures, which is not built.',
      ],
    };
  },
};
