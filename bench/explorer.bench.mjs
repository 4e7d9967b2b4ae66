// The explorer in the browser: how soon the first chart is drawn after the page starts loading,
// and how long a re-evaluation takes after a control moves (evaluate, diff and redraw of the
// scenario panel, the attribution excluded: it is drawn just after). Headless Chromium (Debian's,
// driven by playwright-core) on the built page served from localhost. The page marks its own
// timings with the User Timing API: `explorer:first-chart` and one `explorer:update` measure per
// redraw (see explorer/src/main.ts).

import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOADS = 7;
const MOVES = 21;

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ i) => sorted[i] ?? 0;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** @param {string} outDir */
async function serve(outDir) {
  const server = createServer((request, response) => {
    const url = (request.url ?? '/').split('?')[0] ?? '/';
    const path = join(outDir, url === '/' ? 'index.html' : url);
    if (!path.startsWith(outDir) || !existsSync(path)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
      .end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}/` };
}

/**
 * Move one control back and forth with the keyboard and collect the redraw times.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {string} control the control's key, e.g. 'china-controls-2025-04.cut'
 */
async function moves(browser, url, control) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#attribution table');
  const before = await page.evaluate(() => performance.getEntriesByName('explorer:update').length);
  await page.focus(`[data-control="${control}"]`);
  for (let i = 0; i < MOVES; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForFunction(
      `performance.getEntriesByName('explorer:update').length >= ${before + i + 1}`,
    );
    await page.waitForSelector('#attribution table');
  }
  const updates = await page.evaluate(() =>
    performance.getEntriesByName('explorer:update').map((e) => e.duration),
  );
  const attributions = await page.evaluate(() =>
    performance.getEntriesByName('explorer:attribution').map((e) => e.duration),
  );
  await page.close();
  return { update: median(updates.slice(before)), attribution: median(attributions.slice(1)) };
}

/** @type {import('./run.mjs').Benchmark} */
export default {
  name: 'The explorer in a browser',
  description: `explorer/ built with Vite and loaded from localhost in headless Chromium on ${cpus().length} cores: time from navigation to the first chart (median of ${LOADS} loads, each in a fresh page), and the redraw after a control moves (median of ${MOVES} key presses on one control).`,
  async run() {
    if (!existsSync(CHROMIUM))
      return {
        rows: [],
        ratios: [],
        notes: [`Skipped: no Chromium at ${CHROMIUM} (scripts/ensure-chromium.sh installs it).`],
      };
    const outDir = join(tmpdir(), `rare-earths-explorer-bench-${process.pid}`);
    await build({
      configFile: resolve(here, '../explorer/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const { server, origin } = await serve(outDir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
      const firsts = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(origin);
        await page.waitForSelector('body[data-ready="true"]');
        firsts.push(
          await page.evaluate(
            () => performance.getEntriesByName('explorer:first-chart')[0]?.startTime ?? NaN,
          ),
        );
        await page.close();
      }
      const first = median(firsts);
      const controls = await moves(
        browser,
        `${origin}#preset=china-export-controls-2025`,
        'china-controls-2025-04.cut',
      );
      const allied = await moves(
        browser,
        `${origin}#preset=allied-build-out-2025-2035`,
        'nolans.amount',
      );
      const recycling = await moves(
        browser,
        `${origin}#preset=recycling-scale-up`,
        'magnet-recycling.collectionRate',
      );
      return {
        rows: [
          { label: 'first chart drawn, from navigation', ms: first, note: `${LOADS} loads` },
          {
            label: 'redraw after a control moves: export controls (cut)',
            ms: controls.update,
            note: `then the attribution, ${controls.attribution.toFixed(0)} ms (2 evaluations)`,
          },
          {
            label: 'redraw after a control moves: allied build-out (Nolans capacity)',
            ms: allied.update,
            note: `then the attribution, ${allied.attribution.toFixed(0)} ms (2^7 = 128 evaluations)`,
          },
          {
            label: 'redraw after a control moves: recycling (collection rate)',
            ms: recycling.update,
            note: `then the attribution, ${recycling.attribution.toFixed(0)} ms (a dynamic stock model per evaluation)`,
          },
        ],
        ratios: [
          { label: 'first chart ÷ 1,000 ms', value: first / 1000, target: '≤ 1×' },
          {
            label: 'slowest redraw median ÷ 100 ms',
            value: Math.max(controls.update, allied.update, recycling.update) / 100,
            target: '≤ 1×',
          },
        ],
        notes: [
          "The redraw covers evaluating the scenario (createEvaluator, the dataset read once), diffing it against no interventions and redrawing the panel with the library's SVG charts; the attribution (Shapley values, 2^k evaluations) follows in the next task so that the controls stay responsive, and its time is in the notes column.",
        ],
      };
    } finally {
      await browser.close();
      server.close();
    }
  },
};
