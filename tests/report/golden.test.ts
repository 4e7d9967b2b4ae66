// The charts shown in the README are golden files: regenerated from the baseline here and
// compared byte for byte. After a deliberate change, rewrite them with REGEN=1 npx vitest run tests/report.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { stageReport, stageSankeyChart, stageSharesChart } from '../../src/report/index.js';

const names: Record<string, string> = {};
for (const country of baseline.countries) names[country.code] = country.name;
for (const region of baseline.regions ?? []) names[region.code] = region.name;
const report = stageReport(baseline, { year: 2024 });
const charts: [string, string][] = [
  ['docs/images/stage-shares.svg', `${stageSharesChart(report, { names })}\n`],
  ['docs/images/stage-sankey.svg', `${stageSankeyChart(report, { names })}\n`],
];

describe('golden charts', () => {
  for (const [path, svg] of charts) {
    test(path, () => {
      const file = resolve(__dirname, '../..', path);
      if (process.env.REGEN === '1') writeFileSync(file, svg);
      expect(readFileSync(file, 'utf8')).toBe(svg);
    });
  }
});
