// Golden files of the scenario reports: the Markdown summary of every preset's evaluation on the
// baseline, a diff and an attribution in Markdown, and the demand chart of the recycling preset,
// compared byte for byte. They were written before the reports read their variable names from the
// registry, so that the change of where the names come from changes no output. After a deliberate
// change, rewrite them with REGEN=1 npx vitest run tests/report/scenario-golden.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import { attribute, diffScenarios, evaluate, type Scenario } from '../../src/index.js';
import {
  renderAttribution,
  renderDiff,
  renderEvaluation,
  scenarioDemandChart,
} from '../../src/report/index.js';

function golden(name: string, text: string): void {
  const file = resolve(__dirname, 'scenario-golden', name);
  if (process.env.REGEN === '1') writeFileSync(file, text);
  expect(readFileSync(file, 'utf8')).toBe(text);
}

const byId = (id: string) => presets.find((p) => p.id === id) as Scenario;
const set = { scenarios: presets };
const names: Record<string, string> = {};
for (const country of baseline.countries) names[country.code] = country.name;

describe('golden scenario reports', () => {
  for (const preset of presets) {
    test(`renderEvaluation: ${preset.id}`, () =>
      golden(`${preset.id}.md`, renderEvaluation(evaluate(baseline, preset, set), { names })));
  }
  const controls = byId('china-export-controls-2025');
  const none: Scenario = { ...controls, id: 'none', interventions: [] };
  test('renderDiff: no interventions → the 2025 controls', () =>
    golden(
      'diff-none-controls.md',
      renderDiff(diffScenarios(evaluate(baseline, none), evaluate(baseline, controls)), { names }),
    ));
  test('renderAttribution: the US yttrium balance in 2030', () => {
    const metric = { variable: 'Balance', region: 'USA', element: 'Y', year: 2030 };
    const why = attribute(baseline, none, byId('china-export-controls-2025-extended'), {
      metric,
      ...set,
    });
    golden('attribute-balance.md', renderAttribution(why, { base: 'none', scenario: 'extended' }));
  });
  test('scenarioDemandChart: recycling-scale-up', () =>
    golden(
      'demand-recycling-scale-up.svg',
      `${scenarioDemandChart(evaluate(baseline, byId('recycling-scale-up')))}\n`,
    ));
});
