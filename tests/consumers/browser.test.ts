// The package in a browser: a Vite build of tests/consumers/browser against the packed tarball,
// served on localhost and loaded in headless Chromium (Debian's, driven by playwright-core).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from '../support/chromium.js';

const app = inject('consumerDir');
const artifacts = resolve(__dirname, '../../.tmp/browser');
let server: Server;
let browser: Browser;
let origin = '';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

beforeAll(async () => {
  const outDir = join(app, 'browser-dist');
  await build({
    root: join(app, 'browser'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  server = createServer((request, response) => {
    const path = join(
      outDir,
      (request.url ?? '/').split('?')[0] === '/'
        ? 'index.html'
        : ((request.url ?? '').split('?')[0] ?? ''),
    );
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
  origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Count the pixels of a PNG that differ from white, by decoding it in the browser itself. */
async function inkedPixels(png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        let count = 0;
        for (let i = 0; i < data.length; i += 4)
          if ((data[i] ?? 255) < 240 || (data[i + 1] ?? 255) < 240 || (data[i + 2] ?? 255) < 240)
            count += 1;
        return count;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  } finally {
    await page.close();
  }
}

describe('a browser app built with Vite', () => {
  test('computes a stage report from rare-earths/data and renders its charts', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 2000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(origin);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    expect(errors).toEqual([]);
    // USGS MCS 2026: China 270,000 of 384,000 t REO in 2024; IEA: magnets are the most concentrated stage.
    expect(await page.textContent('[data-testid="china-mining"]')).toBe('70.3%');
    expect(await page.textContent('[data-testid="chokepoint"]')).toBe('magnet');
    expect(await page.textContent('[data-testid="nd-metal"]')).toBe('857.36');
    expect(await page.textContent('[data-testid="element-count"]')).toBe('17');
    expect(await page.textContent('[data-testid="nd-z"]')).toBe('60');
    expect(Number(await page.textContent('[data-testid="scenario-rows"]'))).toBeGreaterThan(100);
    // rare-earths/trade in the browser: (23² + 4.5²) / 27.5² = 0.726281 (tests/trade/import.test.ts).
    await page.waitForSelector('body[data-trade="true"]', { timeout: 15_000 });
    expect(errors).toEqual([]);
    expect(await page.textContent('[data-testid="trade-total"]')).toBe('27500000');
    expect(await page.textContent('[data-testid="trade-hhi"]')).toBe('0.726281');
    expect(await page.textContent('[data-testid="trade-name"]')).toBe('China, mainland');
    expect(await page.textContent('[data-testid="trade-stream"]')).toBe('2');
    expect(await page.textContent('[data-testid="trade-tonnes"]')).toBe('1250');
    mkdirSync(artifacts, { recursive: true });
    const whole = await page.screenshot({ fullPage: true });
    writeFileSync(join(artifacts, 'app.png'), whole);
    for (const id of ['shares', 'sankey', 'demand']) {
      const chart = page.locator(`#${id} svg`);
      const box = await chart.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(500);
      const shot = await chart.screenshot();
      writeFileSync(join(artifacts, `${id}.png`), shot);
      // Not blank: a rendered chart inks thousands of pixels.
      expect(await inkedPixels(shot)).toBeGreaterThan(5_000);
    }
    await page.close();
  });
});
