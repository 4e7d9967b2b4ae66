// Cold import time: a fresh `node` process that imports the built main entry (dist/index.js) or
// `rare-earths/data` (dist/data/index.js) and exits, against a process that imports nothing. Each
// variant is spawned many times, interleaved so that a busy moment of the machine hits every
// variant alike, and the median wall time (spawn to exit) is reported. The import's own cost is
// the difference from the empty process.

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 31;

/** @param {readonly number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return /** @type {number} */ (sorted[Math.floor(sorted.length / 2)]);
}

/**
 * Wall time of one fresh process running an ES module snippet.
 * @param {string} code
 */
function spawnTime(code) {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`the child process failed: ${child.stderr}`);
  return ms;
}

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'Cold import time',
  description: `A fresh \`node\` process per run (${RUNS} runs of each, interleaved): importing nothing, the main entry \`rare-earths\` (dist/index.js), \`rare-earths/data\` (dist/data/index.js), and both. Wall time from spawn to exit.`,
  run() {
    const main = pathToFileURL(resolve(here, '../dist/index.js')).href;
    const data = pathToFileURL(resolve(here, '../dist/data/index.js')).href;
    const variants = [
      { label: 'node, importing nothing', code: '' },
      { label: "import 'rare-earths'", code: `await import(${JSON.stringify(main)});` },
      { label: "import 'rare-earths/data'", code: `await import(${JSON.stringify(data)});` },
      {
        label: 'both',
        code: `await import(${JSON.stringify(main)}); await import(${JSON.stringify(data)});`,
      },
    ];
    /** @type {number[][]} */
    const times = variants.map(() => []);
    for (const variant of variants) spawnTime(variant.code); // warm the file cache
    for (let run = 0; run < RUNS; run++) {
      variants.forEach((variant, i) => {
        /** @type {number[]} */ (times[i]).push(spawnTime(variant.code));
      });
    }
    const medians = times.map(median);
    const [empty, mainMs, dataMs, bothMs] = /** @type {[number, number, number, number]} */ (
      medians
    );
    return {
      rows: variants.map((variant, i) => ({
        label: variant.label,
        ms: /** @type {number} */ (medians[i]),
        note:
          i === 0
            ? `${RUNS} runs`
            : `${RUNS} runs; the import itself ≈ ${(/** @type {number} */ (medians[i]) - empty).toFixed(1)} ms`,
      })),
      ratios: [
        { label: "import 'rare-earths' ÷ empty process", value: mainMs / empty },
        { label: "import 'rare-earths/data' ÷ empty process", value: dataMs / empty },
        { label: 'both ÷ empty process', value: bothMs / empty },
      ],
      notes: [
        'Nothing is computed at module scope, so an import costs the parsing and linking of the modules it reaches: the main entry reaches every analysis module and zod (through the schemas), the data entry the baseline tables only.',
      ],
    };
  },
};
