// Reproduction of the EU 2023 criticality assessment for the rare earths.
//
// Inputs (tests/fixtures/eu2023-ree.json, written by tests/criticality/generate_eu2023.py, which
// cites each figure):
// - supply shares and t: EU 2023 Appendix 7, p.78 (erikemilsson transcription, t = 1 for every
//   REE row);
// - end-use shares and sector value added: EU 2023 Appendix 6, p.64 (same transcription;
//   denominator C28 = EUR 204 200 million);
// - SI_SR, SI_EI, import reliance, EoL-RIR and the published SR/EI: meyerdata/CritMAT
//   eureport_results.csv (transcription of EU 2023 Annex results);
// - scaled WGI: World Bank WGI, September 2022 release, mean of 2016-2020
//   (tests/fixtures/wgi-2022-release.csv). EU 2023 does not publish the WGI it used; this
//   vintage and window is our reconstruction and is what reproduces the China-only results.
//
// Published values are rounded to one decimal, so "reproduced" means within 0.1.
import { describe, expect, test } from 'vitest';
import {
  type CriticalityInput,
  criticalityAssessment,
  scaledGovernance,
  supplyRisk,
} from '../../src/index.js';
import fixture from '../fixtures/eu2023-ree.json' with { type: 'json' };

interface Entry {
  readonly name: string;
  readonly input: CriticalityInput;
  readonly published: {
    readonly supplyRisk: number;
    readonly economicImportance: number;
    readonly bottleneck: string;
    readonly supplyRiskExtraction: number;
    readonly supplyRiskProcessing: number;
  };
  readonly computed: {
    readonly supplyRisk: number;
    readonly economicImportance: number;
    readonly supplyRiskExtraction: number;
    readonly supplyRiskProcessing: number;
  };
  readonly eolAsTranscribed?: number;
}

const materials = fixture.materials as unknown as Record<'Nd' | 'Dy' | 'Tb' | 'Gd', Entry>;
const wgi = fixture.wgi.countries as Record<string, { meanEstimate: number; scaled: number }>;
const china = wgi.CHN?.scaled as number;

function assess(symbol: keyof typeof materials) {
  return criticalityAssessment(materials[symbol].input);
}

describe('scaled WGI (World Bank WGI 2022 release, 2016-2020 mean)', () => {
  test('scaledGovernance reproduces the generator for every supplier country', () => {
    for (const [country, { meanEstimate, scaled }] of Object.entries(wgi)) {
      expect(scaledGovernance(meanEstimate), country).toBeCloseTo(scaled, 12);
    }
  });

  test("China's value lies in the window that every China-only EU 2023 result allows", () => {
    // Dy, Er, Eu, Ho, Lu, Tm, Yb processing (5.6) and Gd (3.3) pin it to [5.663, 5.707).
    expect(china).toBeGreaterThanOrEqual(5.663);
    expect(china).toBeLessThan(5.707);
  });

  test('the other China-only results follow: Er, Eu, Ho, Lu, Tm, Yb at 5.6 (SI_SR 1, EoL 1 %)', () => {
    const sr = supplyRisk({
      hhiGlobal: china,
      importReliance: 1,
      eolRecyclingInputRate: 0.01,
      substitutionIndex: 1,
    });
    expect(Math.abs(sr - 5.6)).toBeLessThanOrEqual(0.05);
  });
});

describe('EU 2023 published SR and EI, reproduced from the published inputs', () => {
  // | material | SR published | SR computed | EI published | EI computed |
  // | Dy       | 5.6          | 5.563       | 7.8          | 7.850 (uses inferred, see fixture) |
  // | Tb       | 4.9          | 4.909       | 6.4          | 6.424 (EoL-RIR 6 %, EU 2017)       |
  // | Gd       | 3.3          | 3.316       | 3.3          | 3.367 (within 0.1; rounds to 3.4)  |
  // | Nd       | 4.5          | 4.068       | 7.2          | 7.167 (SR not reproduced, below)   |
  for (const symbol of ['Dy', 'Tb', 'Gd'] as const) {
    test(`${materials[symbol].name}: SR and EI within 0.1, bottleneck processing`, () => {
      const result = assess(symbol);
      const published = materials[symbol].published;
      expect(Math.abs(result.supplyRisk - published.supplyRisk)).toBeLessThanOrEqual(0.1);
      expect(
        Math.abs(result.economicImportance - published.economicImportance),
      ).toBeLessThanOrEqual(0.1);
      expect(result.bottleneck).toBe('processing');
      expect(result.stages.processing?.scope).toBe('global-only');
      expect(result.critical).toBe(true);
      expect(
        Math.abs(result.stages.processing!.supplyRisk - published.supplyRiskProcessing),
      ).toBeLessThanOrEqual(0.1);
    });
  }

  test('neodymium: EI within 0.1; SR computed 4.07 against 4.5 published (known gap)', () => {
    const result = assess('Nd');
    const { published } = materials.Nd;
    expect(Math.abs(result.economicImportance - published.economicImportance)).toBeLessThanOrEqual(
      0.1,
    );
    expect(result.critical).toBe(true);
    // Not reproduced. With the transcribed Appendix 7 shares, extraction gives 1.87 (GS+EU,
    // IR 80 %) and processing 4.07 (GS+EU, IR 100 %), so the bottleneck is processing at 4.07.
    // The transcription's SR_E 4.5 would need an EU-sourcing HHI above China's own scaled WGI
    // (5.83 > 5.68), and its SR_P 3.7 an EU-sourcing HHI near 3.4 where the transcribed mix
    // (China 85 %, summing to 101.1 %, a copy of global supply) gives 4.16. La and Sm show the
    // same processing gap (published 3.5; 3.99 and 4.03 computed) while Ce, which EU 2023 ran
    // on global supply only, reproduces (4.0; 3.98 computed). Check against the EU 2023 primary
    // report or factsheets before relying on the Nd supply risk.
    expect(result.bottleneck).toBe('processing');
    expect(result.supplyRisk).toBeCloseTo(4.068, 3);
    expect(result.stages.extraction?.supplyRisk).toBeCloseTo(1.868, 3);
    expect(Math.abs(result.supplyRisk - published.supplyRisk)).toBeGreaterThan(0.1);
  });

  test('terbium with the transcribed EoL-RIR of 1 % misses (5.17), as methods.md §3.10 warns', () => {
    const input = { ...materials.Tb.input, eolRecyclingInputRate: materials.Tb.eolAsTranscribed! };
    const result = criticalityAssessment(input);
    expect(result.supplyRisk).toBeCloseTo(5.17, 2);
    expect(Math.abs(result.supplyRisk - materials.Tb.published.supplyRisk)).toBeGreaterThan(0.1);
  });

  test('cerium at processing (global supply only) reproduces 4.0', () => {
    const processing = materials.Nd.input.stages.processing!;
    const assessed = criticalityAssessment({
      ...materials.Nd.input,
      material: 'Ce',
      stages: { processing: { globalSupply: processing.globalSupply!, importReliance: 1 } },
      substitution: { supplyRisk: 0.97, economicImportance: 0.93 },
    });
    expect(Math.abs(assessed.supplyRisk - 4.0)).toBeLessThanOrEqual(0.05);
  });
});

describe('the library against the independent numpy computation of the generator', () => {
  for (const symbol of ['Nd', 'Dy', 'Tb', 'Gd'] as const) {
    test(`${symbol}: SR per stage and EI agree to 1e-12`, () => {
      const result = assess(symbol);
      const { computed } = materials[symbol];
      expect(result.stages.extraction?.supplyRisk).toBeCloseTo(computed.supplyRiskExtraction, 12);
      expect(result.stages.processing?.supplyRisk).toBeCloseTo(computed.supplyRiskProcessing, 12);
      expect(result.supplyRisk).toBeCloseTo(computed.supplyRisk, 12);
      expect(result.economicImportance).toBeCloseTo(computed.economicImportance, 12);
    });
  }
});
