import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import {
  applyScenario,
  evaluate,
  parseDataset,
  type Scenario,
  stageConcentration,
  stageShares,
  supplyWithout,
} from '../../src/index.js';
import { stageReport } from '../../src/report/index.js';
import { clone, deepFreeze, empty, pick, small } from './fixtures.js';
import { scenario as scenarioArb } from './properties.js';

const build: Scenario = {
  ...empty('build'),
  interventions: [
    {
      kind: 'capacityChange',
      id: 'my',
      country: 'MYS',
      stage: 'separation',
      change: { amount: 400, unit: 't', basis: 'REO' },
      ramp: { from: 2024, to: 2028 },
    },
  ],
};

describe('applyScenario', () => {
  test("the scenario's world in a year, readable by every analysis", () => {
    const world = applyScenario(small, build, { year: 2026 });
    const result = evaluate(small, build);
    // Separation 2026: CHN 900, MYS 100 + 200 = 300, of 1,200.
    expect(stageShares(world, { stage: 'separation', year: 2026 })).toEqual({
      CHN: 900 / 1200,
      MYS: 300 / 1200,
    });
    const picture = stageConcentration(world, { year: 2026 });
    for (const stage of picture.stages) {
      expect(stage.hhiPoints).toBeCloseTo(
        pick(result, 'Concentration|HHI', 2026, { stage: stage.stage }) as number,
        9,
      );
    }
    expect(supplyWithout(world, { excluded: ['CHN'], year: 2026 }).limiting).toEqual({
      stage: 'magnet',
      shareOutside: expect.closeTo(0.1, 12),
    });
    // A valid dataset, every new row derived with its derivation.
    expect(() => parseDataset(world)).not.toThrow();
    const rows = (world.stageOutputs ?? []).filter((o) => o.year === 2026);
    expect(rows.every((o) => o.provenance.tag === 'derived')).toBe(true);
    expect(rows.find((o) => o.country === 'MYS')?.provenance).toEqual({
      source: 'projection.separation.2026',
      tag: 'derived',
      derivation:
        'Scenario "build" in 2026: the separation shares of 2024 (shares) × a world throughput of 1000 t/yr sized by the world mine production of 2024 (usgs-mcs-2026), and the interventions my (rare-earths applyScenario).',
    });
  });

  test('the year defaults to the end of the horizon; other tables of the year are replaced', () => {
    const world = applyScenario(small, build);
    expect(stageShares(world, { stage: 'separation', year: 2030 }).MYS).toBeCloseTo(500 / 1400, 12);
    const again = applyScenario(world, empty('none', { from: 2024, to: 2030 }), { year: 2030 });
    expect(
      (again.stageOutputs ?? []).filter((o) => o.year === 2030 && o.stage === 'separation'),
    ).toHaveLength(2);
  });

  test('never mutates its inputs (property, deep-frozen)', () => {
    fc.assert(
      fc.property(scenarioArb('a'), fc.integer({ min: 2024, max: 2030 }), (a, year) => {
        const frozen = deepFreeze(clone(small));
        const world = applyScenario(frozen, deepFreeze(clone(a)), { year });
        expect(world).toEqual(applyScenario(small, a, { year }));
        // The scenario's supply, as evaluate computes it.
        const result = evaluate(small, a);
        expect(stageShares(world, { stage: 'mining', year }).CHN).toBeCloseTo(
          (pick(result, 'Supply', year, { region: 'CHN', stage: 'mining' }) as number) /
            (pick(result, 'Supply|Total', year, { stage: 'mining' }) as number),
          12,
        );
      }),
      { numRuns: 20 },
    );
  });

  test('never mutates its inputs (deep-frozen), and shares what it does not change', () => {
    const frozen = deepFreeze(clone(small));
    const world = applyScenario(frozen, deepFreeze(clone(build)), { year: 2026 });
    expect(world.countries).toBe(frozen.countries);
    expect(world).toEqual(applyScenario(small, build, { year: 2026 }));
  });

  test('the allied build-out preset on the baseline, in 2035', () => {
    const buildOut = presets.find((p) => p.id === 'allied-build-out-2025-2035') as Scenario;
    const world = applyScenario(baseline, buildOut);
    const mining = stageShares(world, { stage: 'mining', year: 2035 });
    // Australia: 29,000 + Nolans 13,343 + Browns Range 4,350, of 389,310 + 22,693 t.
    expect(mining.AUS).toBeCloseTo((29000 + 13343 + 4350) / (389310 + 13343 + 4350 + 5000), 12);
    expect(() => parseDataset(world)).not.toThrow();
  });

  test('a projected year cites what its figures rest on, not a 2025 commentary (issue 15, 10a)', () => {
    const buildOut = presets.find((p) => p.id === 'allied-build-out-2025-2035') as Scenario;
    const report = stageReport(applyScenario(baseline, buildOut), { year: 2035 });
    const magnet = report.stages.find((s) => s.stage === 'magnet');
    // a05b628: 'iea-commentary-2025-10', the source of the 2024 shares, for a 2035 figure.
    expect(magnet?.source).toBe('projection.magnet.2035');
    const cited = report.sources.find((s) => s.id === 'projection.magnet.2035');
    expect(cited?.title).toBe(
      'Projection of the magnet stage for 2035 under scenario "Allied build-out, 2025–2035" (allied-build-out-2025-2035), resting on the magnet shares of 2024 (iea-commentary-2025-10) × a world throughput of 103857.14285714286 t/yr sized by the demand of permanent-magnets in 2025 (iea-gcmo-2024), and the interventions mp-10x-magnets (mp-dod-2025), neo-narva-phase-1 (neo-narva-2023)',
    );
    expect(report.stages.every((s) => s.source.startsWith('projection.'))).toBe(true);
  });
});
