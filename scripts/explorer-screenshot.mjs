#!/usr/bin/env node
// Retakes the README's picture of the explorer (docs/images/explorer.png): the 2025 export-controls
// preset with its cut moved to 90%, the scenario section only. Builds the page, serves it on a
// local port and drives the Debian Chromium, as the explorer's browser test does.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const outDir = join(root, '.tmp/explorer-screenshot');
const target = join(root, 'docs/images/explorer.png');
/** @type {Record<string, string>} */
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

mkdirSync(outDir, { recursive: true });
await build({
  configFile: join(root, 'explorer/vite.config.ts'),
  logLevel: 'silent',
  build: { outDir, emptyOutDir: true },
});
const server = createServer((request, response) => {
  const url = (request.url ?? '/').split('?')[0] ?? '/';
  const path = join(outDir, url === '/' ? 'index.html' : url);
  if (!path.startsWith(outDir) || !existsSync(path)) return void response.writeHead(404).end();
  response
    .writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' })
    .end(readFileSync(path));
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(`http://127.0.0.1:${port}/#preset=china-export-controls-2025`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
  await page.waitForSelector('#attribution table', { timeout: 15_000 });
  const cut = page.locator('input[type="range"][data-control]').first();
  const max = Number(await cut.getAttribute('max'));
  await cut.fill(String(max * 0.9));
  await cut.dispatchEvent('change');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.waitForTimeout(500);
  const section = page.locator('section', { has: page.locator('#attribution') }).first();
  const box = await section.boundingBox();
  if (box === null) throw new Error('explorer-screenshot: the scenario section is not on the page');
  const pad = 16;
  await page.screenshot({
    path: target,
    fullPage: true,
    clip: {
      x: Math.max(0, box.x - pad),
      y: Math.max(0, box.y - pad),
      width: box.width + 2 * pad,
      height: Math.min(box.height, 1270) + pad,
    },
  });
  console.log(`wrote ${target}`);
} finally {
  await browser.close();
  server.close();
}
