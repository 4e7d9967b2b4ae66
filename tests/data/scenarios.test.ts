// The scenario presets: valid against the baseline, sourced where they say, labelled illustrative
// where no source gives the figure, and evaluable on the baseline alone.
import { describe, expect, test } from 'vitest';
import { baseline, type PresetId, presets, presetsById } from '../../src/data/index.js';
import { createEvaluator, parseScenarios, type Scenario } from '../../src/index.js';

describe('presets', () => {
  test('validate with parseScenarios against the baseline', () => {
    const json = JSON.parse(JSON.stringify(presets)) as unknown;
    expect(parseScenarios(json, { dataset: baseline })).toEqual(json);
    expect(presets.map((p) => p.id)).toEqual([
      'china-export-controls-2025',
      'china-export-controls-2025-extended',
      'allied-build-out-2025-2035',
      'recycling-scale-up',
      'ev-motor-substitution',
    ]);
  });

  test('every intervention says what is sourced and what is illustrative', () => {
    const sources = new Set(baseline.sources.map((s) => s.id));
    for (const preset of presets) {
      expect(preset.description).toMatch(/illustrative/);
      for (const intervention of preset.interventions) {
        expect(`${intervention.label} ${intervention.note}`).toMatch(/illustrative/i);
        if (intervention.provenance !== undefined)
          expect(sources.has(intervention.provenance.source)).toBe(true);
      }
      // The sources named in the description are sources of the dataset.
      for (const id of preset.description?.match(/[a-z]+(?:-[a-z0-9]+)+/g) ?? []) {
        if (id.startsWith('usgs-') || id.startsWith('iea-') || id.endsWith('-web'))
          expect(sources.has(id)).toBe(true);
      }
    }
  });

  test('each evaluates on the baseline alone', () => {
    const run = createEvaluator(baseline, { scenarios: presets });
    const at = (scenario: Scenario, variable: string, where: Record<string, string | undefined>) =>
      run(scenario).rows.find(
        (r) =>
          r.variable === variable &&
          r.year === scenario.horizon.to &&
          r.region === (where.region ?? 'World') &&
          r.stage === where.stage &&
          r.element === where.element,
      )?.value;
    const [april, extended, buildOut, recycling, substitution] = presets as Scenario[];
    // US yttrium: 300 t imported in 2025 (MCS 2026), 70% from China (2021–24): 210 t short.
    expect(at(april as Scenario, 'Balance', { region: 'USA', element: 'Y' })).toBe(-210);
    expect(
      at(april as Scenario, 'Imports|Restricted|Share', { region: 'USA', element: 'Ho' }),
    ).toBe(0);
    expect(
      at(extended as Scenario, 'Imports|Restricted|Share', { region: 'USA', element: 'Ho' }),
    ).toBe(1);
    // EU processing of Y and Yb: China 61%; April controls Y (part of the line: the make-up of
    // the line by mass is not sourced, so no share), the extension Yb (all of it: 61%).
    const euYYb = { region: 'EU27', stage: 'separation', element: 'Y+Yb' };
    expect(at(april as Scenario, 'Imports|Restricted|Share', euYYb)).toBe(undefined);
    expect(at(extended as Scenario, 'Imports|Restricted|Share', euYYb)).toBeCloseTo(0.61, 12);
    expect(at(buildOut as Scenario, 'Supply', { region: 'FRA', stage: 'separation' })).toBe(4500);
    expect(at(buildOut as Scenario, 'Concentration|HHI', { stage: 'separation' })).toBeLessThan(
      at(april as Scenario, 'Concentration|HHI', { stage: 'separation' }) as number,
    );
    expect(at(recycling as Scenario, 'Recycling', {})).toBeGreaterThan(0);
    expect(at(substitution as Scenario, 'Substitution', {})).toBeGreaterThan(0);
  });
});

describe('presetsById', () => {
  test('holds the same scenarios as presets, keyed by their ids', () => {
    expect(Object.keys(presetsById)).toEqual(presets.map((p) => p.id));
    for (const preset of presets) expect(presetsById[preset.id as PresetId]).toBe(preset);
  });
});
