// Scenario evaluation: `evaluate` of the baseline over 2024–2050, a 1,000-run parameter sweep, and
// how the cost grows when the horizon doubles and when the number of countries doubles (synthetic
// countries). The evaluation model is linear in years × (countries + import lines + applications),
// so both ratios should be about 2. The machine may be shared: each pair is measured in turns,
// several times, and the median ratio is reported.

import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? 0;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** Three-letter codes that are not real ISO codes: Q + two letters. @param {number} n */
function codes(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `Q${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}`,
    );
  }
  return out;
}

/**
 * A synthetic dataset with `n` producing countries at every stage and as US import sources.
 * @param {number} n
 * @returns {import('../src/index.js').Dataset}
 */
function synthetic(n) {
  const countries = codes(n);
  const provenance = { source: 'synthetic', tag: 'reported' };
  const weight = (/** @type {number} */ i) => 1 / (i + 1);
  const total = countries.reduce((sum, _, i) => sum + weight(i), 0);
  return /** @type {import('../src/index.js').Dataset} */ ({
    schemaVersion: 1,
    name: `synthetic, ${n} countries`,
    sources: [{ id: 'synthetic', title: 'Synthetic', publisher: 'bench', year: 2026 }],
    countries: [...countries, 'USA'].map((code) => ({ code, name: code })),
    stageOutputs: countries.flatMap((country, i) => [
      {
        stage: 'mining',
        country,
        year: 2024,
        measure: 'production',
        quantity: { amount: Math.round(100000 * weight(i)), unit: 't', basis: 'REO' },
        provenance,
      },
      ...['separation', 'magnet'].map((stage) => ({
        stage,
        country,
        year: 2024,
        measure: 'production',
        share: weight(i) / total,
        provenance,
      })),
    ]),
    tradeFlows: countries.map((exporter, i) => ({
      period: { from: 2021, to: 2024 },
      exporter,
      importer: 'USA',
      commodity: { description: 'rare-earth compounds and metals' },
      share: weight(i) / total,
      provenance,
    })),
    balances: [
      {
        country: 'USA',
        year: 2024,
        commodity: { description: 'compounds and metals' },
        item: 'imports',
        quantity: { amount: 10000, unit: 't', basis: 'REO' },
        provenance,
      },
    ],
  });
}

/**
 * The same kind of scenario on any dataset: a restriction by the first country, capacity added
 * by the next few at each stage.
 * @param {string[]} countries @param {number} from @param {number} to
 * @returns {import('../src/index.js').Scenario}
 */
function scenario(countries, from, to) {
  return /** @type {import('../src/index.js').Scenario} */ ({
    id: `s-${countries.length}-${to - from + 1}`,
    name: 'bench',
    horizon: { from, to },
    interventions: [
      { kind: 'exportRestriction', id: 'r', country: countries[0], cut: 0.5, from: from + 1 },
      ...['mining', 'separation', 'magnet'].flatMap((stage) =>
        countries.slice(1, 4).map((country) => ({
          kind: 'capacityChange',
          id: `${stage}-${country}`,
          country,
          stage,
          change: { amount: 1000, unit: 't', basis: 'REO' },
          ramp: { from, to: from + 5 },
        })),
      ),
    ],
  });
}

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Scenario evaluation',
  description:
    '`evaluate` of the baseline over 2024–2050; a 1,000-run sweep of the April 2025 controls (cut) and the allied build-out (scale); and the cost ratios when the horizon or the number of countries doubles.',
  async run({ measure, library }) {
    const { evaluate, createEvaluator } = library;
    const { baseline, presets } = await import(
      pathToFileURL(resolve(here, '../dist/data/index.js')).href
    );
    const empty = {
      id: 'baseline',
      name: 'Baseline',
      horizon: { from: 2024, to: 2050 },
      interventions: [],
    };
    const rows = [];
    const ratios = [];
    const notes = [];

    const single = measure(() => evaluate(baseline, empty), { warmup: 3, runs: 21 });
    const evaluator = createEvaluator(baseline);
    const prepared = measure(() => evaluator(empty), { warmup: 3, runs: 21 });
    rows.push(
      {
        label: 'evaluate(baseline), 2024–2050, no interventions',
        ms: single.median,
        note: `${single.runs} runs; ${evaluate(baseline, empty).rows.length} rows`,
      },
      {
        label: 'the same with createEvaluator (dataset read once)',
        ms: prepared.median,
        note: `${prepared.runs} runs`,
      },
    );

    // The sweep: 1,000 scenarios (40 cuts × 25 build-out scales), 2025–2035, one evaluator.
    /** @type {import('../src/index.js').Scenario[]} */
    const all = presets;
    const controls = /** @type {import('../src/index.js').Scenario} */ (
      all.find((p) => p.id === 'china-export-controls-2025')
    );
    const buildOut = /** @type {import('../src/index.js').Scenario} */ (
      all.find((p) => p.id === 'allied-build-out-2025-2035')
    );
    /** @type {import('../src/index.js').Scenario[]} */
    const sweepScenarios = [];
    for (let i = 0; i < 40; i++) {
      for (let j = 0; j < 25; j++) {
        const cut = i / 39;
        const scale = j / 12;
        sweepScenarios.push({
          id: `sweep-${i}-${j}`,
          name: 'sweep',
          horizon: { from: 2025, to: 2035 },
          interventions: [
            .../** @type {import('../src/index.js').ExportRestriction[]} */ (
              controls.interventions
            ).map((r) => ({ ...r, cut })),
            ...buildOut.interventions.map((c) =>
              c.kind === 'capacityChange'
                ? { ...c, change: { ...c.change, amount: Number(c.change.amount) * scale } }
                : c,
            ),
          ],
        });
      }
    }
    let checksum = 0;
    const sweep = measure(
      () => {
        const run = createEvaluator(baseline);
        for (const s of sweepScenarios) checksum += run(s).rows.length;
      },
      { warmup: 1, runs: 5 },
    );
    rows.push({
      label: 'sweep: 1,000 scenarios, 2025–2035, one createEvaluator',
      ms: sweep.median,
      note: `${sweep.runs} runs; ${(sweep.median / 1000).toFixed(2)} ms a scenario`,
    });
    if (checksum === 0) throw new Error('the sweep produced no rows');

    // Doubling the horizon: the same interventions over 27 and 54 years, on the baseline.
    const countries = ['CHN', 'AUS', 'USA', 'MYS'];
    const shortRun = scenario(countries, 2024, 2050);
    const longRun = scenario(countries, 2024, 2077);
    /** @type {{ evaluator: number[], evaluate: number[] }} */
    const horizonRatios = { evaluator: [], evaluate: [] };
    let last = { short: 0, long: 0, shortFull: 0, longFull: 0 };
    for (let round = 0; round < 7; round++) {
      const run = createEvaluator(baseline);
      const short = measure(() => run(shortRun), { warmup: 3, runs: 15 }).median;
      const long = measure(() => run(longRun), { warmup: 3, runs: 15 }).median;
      const shortFull = measure(() => evaluate(baseline, shortRun), { warmup: 1, runs: 7 }).median;
      const longFull = measure(() => evaluate(baseline, longRun), { warmup: 1, runs: 7 }).median;
      horizonRatios.evaluator.push(long / short);
      horizonRatios.evaluate.push(longFull / shortFull);
      last = { short, long, shortFull, longFull };
    }
    rows.push(
      { label: 'baseline + 10 interventions, 27 years (evaluator)', ms: last.short },
      { label: 'baseline + 10 interventions, 54 years (evaluator)', ms: last.long },
    );
    ratios.push(
      {
        label: 'horizon ×2, evaluation only (median of 7 rounds)',
        value: median(horizonRatios.evaluator),
        target: 'about 2',
      },
      {
        label: 'horizon ×2, evaluate() with reading the dataset',
        value: median(horizonRatios.evaluate),
        target: 'at most 2',
      },
    );

    // Doubling the countries: synthetic datasets with 128 and 256 producers at every stage and
    // as US import sources, 2024–2050.
    const small = synthetic(128);
    const large = synthetic(256);
    const smallRun = scenario(codes(128), 2024, 2050);
    const largeRun = scenario(codes(256), 2024, 2050);
    /** @type {{ evaluator: number[], evaluate: number[] }} */
    const countryRatios = { evaluator: [], evaluate: [] };
    let lastCountries = { small: 0, large: 0 };
    for (let round = 0; round < 7; round++) {
      const a = createEvaluator(small);
      const b = createEvaluator(large);
      const smallTime = measure(() => a(smallRun), { warmup: 3, runs: 15 }).median;
      const largeTime = measure(() => b(largeRun), { warmup: 3, runs: 15 }).median;
      const smallFull = measure(() => evaluate(small, smallRun), { warmup: 1, runs: 5 }).median;
      const largeFull = measure(() => evaluate(large, largeRun), { warmup: 1, runs: 5 }).median;
      countryRatios.evaluator.push(largeTime / smallTime);
      countryRatios.evaluate.push(largeFull / smallFull);
      lastCountries = { small: smallTime, large: largeTime };
    }
    rows.push(
      { label: '128 synthetic countries, 27 years (evaluator)', ms: lastCountries.small },
      { label: '256 synthetic countries, 27 years (evaluator)', ms: lastCountries.large },
    );
    ratios.push(
      {
        label: 'countries ×2, evaluation only (median of 7 rounds)',
        value: median(countryRatios.evaluator),
        target: 'about 2',
      },
      {
        label: 'countries ×2, evaluate() with reading the dataset',
        value: median(countryRatios.evaluate),
        target: 'about 2',
      },
    );
    notes.push(
      `Horizon ratios per round (evaluation only): ${horizonRatios.evaluator.map((r) => r.toFixed(2)).join(', ')}; countries: ${countryRatios.evaluator.map((r) => r.toFixed(2)).join(', ')}.`,
      'A recycling policy adds a dynamic stock model whose cost grows with the square of the years it covers (the horizon plus `historyYears`); the scenarios measured here have none, as the baseline has no recycling parameters.',
    );
    return { rows, ratios, notes };
  },
};
