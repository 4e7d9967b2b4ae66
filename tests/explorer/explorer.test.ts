// The explorer in a browser: a Vite build of explorer/ served on localhost and loaded in headless
// Chromium (Debian's, driven by playwright-core). The figures the page shows are checked against
// the library's own functions called here in Node on the same data.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseline, presetsById } from '../../src/data/index.js';
import { evaluate, type Scenario, stageShares } from '../../src/index.js';
import { launchChromium } from '../support/chromium.js';

const root = resolve(__dirname, '../..');
// The test's output: the built page and the screenshots.
const output = join(root, '.tmp/explorer');
const outDir = join(output, 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
let server: Server;
let browser: Browser;
let origin = '';

beforeAll(async () => {
  mkdirSync(output, { recursive: true });
  await build({
    configFile: join(root, 'explorer/vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  server = createServer((request, response) => {
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
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Open the page at a hash, fail on any page error or request off localhost, wait until drawn. */
async function open(hash: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('blob:'))
      errors.push(`request off the local server: ${request.url()}`);
  });
  await page.goto(`${origin}${hash}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  await page.waitForSelector('#attribution table', { timeout: 15_000 });
  return { page, errors };
}

async function shownValue(page: Page, testid: string): Promise<number> {
  return Number(await page.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
}

/** axe-core on the page as it stands: the serious and critical violations. */
async function seriousViolations(page: Page): Promise<{ id: string; nodes: number }[]> {
  await page.addScriptTag({ path: join(root, 'node_modules/axe-core/axe.min.js') });
  const { passes, violations } = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            passes: unknown[];
            violations: { id: string; impact: string | null; nodes: unknown[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.length,
      })),
    };
  });
  // axe ran its rules: a page it could not check would pass none.
  expect(passes).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, nodes }) => ({ id, nodes }));
}

describe('the explorer', () => {
  test('shows the 2024 stage shares that stageShares computes, with HHI, band, chokepoint and sources', async () => {
    const { page, errors } = await open('#year=2024');
    for (const stage of ['mining', 'separation', 'magnet'] as const) {
      const expected = stageShares(baseline, { stage, year: 2024 });
      const shown = await page.$$eval(`[data-testid^="share-${stage}-"]`, (nodes) =>
        nodes.map((n) => [
          (n as HTMLElement).dataset.testid ?? '',
          Number((n as HTMLElement).dataset.value),
        ]),
      );
      expect(shown.length).toBe(Object.keys(expected).length);
      for (const [code, share] of Object.entries(expected))
        expect(await shownValue(page, `share-${stage}-${code}`)).toBe(share);
    }
    // USGS MCS 2026: China 270,000 of 384,000 t REO mined in 2024.
    expect(await page.textContent('[data-testid="share-mining-CHN"]')).toBe('70.3%');
    expect(await page.textContent('[data-testid="chokepoint"]')).toBe('Magnets');
    expect(await shownValue(page, 'hhi-magnet')).toBeCloseTo(8836, 6);
    // Each figure names its source; the USGS one links to the publication.
    expect(await page.getAttribute('#stage-body a[href*="mcs2026-rare-earths.pdf"]', 'href')).toBe(
      'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-rare-earths.pdf',
    );
    expect(await page.locator('#stage-shares svg').count()).toBe(1);
    expect(await page.locator('#stage-sankey svg rect').count()).toBeGreaterThan(5);
    // A download is the chart shown.
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="stage-shares-svg"]'),
    ]);
    const saved = readFileSync((await svg.path()) ?? '', 'utf8');
    expect(saved.startsWith('<svg')).toBe(true);
    const [table] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-download="stage-shares-csv"]'),
    ]);
    const lines = readFileSync((await table.path()) ?? '', 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('stage,year,country,share,source');
    expect(lines).toContain('mining,2024,CHN,0.703125,usgs-mcs-2026');
    writeFileSync(join(output, 'stages.png'), await page.screenshot({ fullPage: true }));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('moving a control of the export-controls preset shows the shortfall evaluate gives', async () => {
    const { page, errors } = await open('#preset=china-export-controls-2025');
    const cut = page.getByLabel('Cut: share of exports withheld');
    expect(await cut.getAttribute('data-control')).toBe('china-controls-2025-04.cut');
    // USGS MCS 2026: 300 t of US yttrium imports, 70% from China: a full cut withholds 210 t.
    expect(await shownValue(page, 'shortfall')).toBeCloseTo(210, 9);
    // By keyboard: two steps of 5 points down, to 90%.
    await cut.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => location.hash.includes('c.china-controls-2025-04.cut=0.9'));
    await page.waitForSelector('#attribution table');
    const controls = presetsById['china-export-controls-2025'];
    const moved: Scenario = {
      ...controls,
      interventions: controls.interventions.map((i) =>
        i.kind === 'exportRestriction' ? { ...i, cut: 0.9 } : i,
      ),
    };
    const expected = evaluate(baseline, moved).rows.find(
      (r) => r.variable === 'Balance' && r.region === 'USA' && r.element === 'Y' && r.year === 2030,
    )?.value;
    expect(expected).toBeCloseTo(-189, 9);
    expect(await shownValue(page, 'metric-value')).toBe(expected);
    expect(await shownValue(page, 'shortfall')).toBe(-(expected ?? 0));
    // One intervention explains all of it.
    expect(await shownValue(page, 'contribution-china-controls-2025-04')).toBeCloseTo(
      expected ?? 0,
      9,
    );
    expect(await page.locator('#balance-series svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a shared link reproduces the view', async () => {
    const { page } = await open(
      '#year=2023&element=Dy&preset=allied-build-out-2025-2035&importer=EU27&trace=separation',
    );
    const amount = page.locator('[data-control="nolans.amount"]');
    await amount.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.includes('c.nolans.amount='));
    await page.selectOption('#at', '2033');
    await page.waitForSelector('#attribution table');
    const url = page.url();
    const text = await page.locator('main').innerText();
    const shared = await open(url.slice(origin.length), 1280);
    expect(shared.page.url()).toBe(url);
    expect(await shared.page.locator('main').innerText()).toBe(text);
    expect(await shared.page.inputValue('#element')).toBe('Dy');
    expect(await shared.page.inputValue('#importer')).toBe('EU27');
    expect(await shared.page.inputValue('[data-control="nolans.amount"]')).toBe(
      await amount.inputValue(),
    );
    expect(shared.errors).toEqual([]);
    await page.close();
    await shared.page.close();
  });

  test('reads at phone width and has no serious accessibility violations', async () => {
    for (const [name, width, hash] of [
      ['desktop', 1280, '#preset=china-export-controls-2025'],
      ['phone', 375, '#preset=recycling-scale-up&importer=USA&trace=separation'],
    ] as const) {
      const { page, errors } = await open(hash, width);
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing wider than the screen: charts are drawn to the page's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      writeFileSync(join(output, `${name}.png`), await page.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
