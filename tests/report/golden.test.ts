// The charts shown in the README are golden files: regenerated from the baseline here and
// compared byte for byte. After a deliberate change, rewrite them with REGEN=1 npx vitest run tests/report.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bandCharts } from '../../src/cli/bands.js';
import { baseline, presets } from '../../src/data/index.js';
import { recyclingOffset } from '../../src/index.js';
import {
  stageReport,
  stageSankeyChart,
  stageSharesChart,
  timeSeriesChart,
} from '../../src/report/index.js';

const names: Record<string, string> = {};
for (const country of baseline.countries) names[country.code] = country.name;
for (const region of baseline.regions ?? []) names[region.code] = region.name;
const report = stageReport(baseline, { year: 2024 });
// The worked example of docs/recycling.md (illustrative inputs, as that page says).
const start = 2015;
const sales = Array.from({ length: 2050 - start + 1 }, (_, k) =>
  Math.round(60_000 / (1 + Math.exp(-(start + k - 2030) / 4))),
);
const motors = recyclingOffset({
  sales: { start, values: sales },
  lifetime: { kind: 'logNormal', mean: 15, sd: 5 },
  content: { Nd: 0.23 },
  collection: { kind: 'ramp', from: { year: 2025, value: 0.05 }, to: { year: 2040, value: 0.5 } },
  preprocessing: 0.8,
  processing: 0.95,
});
const nd = motors.elements.Nd;
const recycled = nd?.secondary ?? [];
const demand = nd?.demand ?? [];
const recyclingChart = timeSeriesChart(
  {
    years: motors.years,
    unit: 't Nd per year',
    series: [
      {
        name: 'primary Nd',
        values: demand.map((d, i) => d - (recycled[i] ?? 0)),
        color: '#c0392b',
      },
      { name: 'recycled Nd', values: [...recycled], color: '#009e73' },
      { name: 'EV-motor demand', values: [...demand], kind: 'line' },
    ],
  },
  { title: 'Nd in EV-motor magnets: recycled vs primary (illustrative inputs)' },
);

// docs/uncertainty.md's picture: what `charts --scenario china-export-controls-2025 --draws 500
// --seed 1` writes as scenario-balance-bands.svg.
const controls = presets.find((p) => p.id === 'china-export-controls-2025');
if (controls === undefined) throw new Error('the china-export-controls-2025 preset is missing');
const bands = new Map(
  bandCharts({ dataset: baseline, scenario: controls, set: [], draws: 500, seed: 1, names }),
);

const charts: [string, string][] = [
  ['docs/images/controls-balance-bands.svg', `${bands.get('scenario-balance-bands.svg')}\n`],
  ['docs/images/recycling-nd.svg', `${recyclingChart}\n`],
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
