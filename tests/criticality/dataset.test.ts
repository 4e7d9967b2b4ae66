import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import {
  criticalityAssessment,
  criticalityInputs,
  type Dataset,
  type RareEarthsError,
} from '../../src/index.js';

// EU 2023 scales EI by C28 "Machinery and equipment n.e.c.", €204,200 million (Appendix 6, as
// transcribed by erikemilsson/EU-Critical-Raw-Materials-CRM-Reports-Datasets; brief §1.2).
const C28 = 204_200e6;

describe('criticalityInputs: the EU method end to end on the baseline', () => {
  test('Nd economic importance reproduces the published 7.2', () => {
    // Σ A_s·Q_s = 0.09·132,361 + 0.03·64,990 + 0.02·64,990 + 0.02·64,561 + 0.80·163,568 + 0.04·89,422
    //           = 150,884.49 (€ M); / 204,200 × 10 × SI_EI 0.97 = 7.1673 (EU 2023: 7.2).
    const { input, notes } = criticalityInputs(baseline, { element: 'Nd', maxValueAdded: C28 });
    const result = criticalityAssessment(input);
    expect(result.economicImportance).toBeCloseTo(7.1673, 3);
    expect(Math.round(result.economicImportance * 10) / 10).toBe(7.2);
    expect(input.stages.extraction?.globalSupply?.shares.CHN).toBe(0.683);
    expect(input.stages.extraction?.euSourcing?.shares.CHN).toBe(0.43);
    expect(input.stages.processing?.globalSupply?.shares.CHN).toBe(0.849);
    expect(input.eolRecyclingInputRate).toBe(0.01);
    expect(notes[0]).toBe(
      'Import reliance, EoL-RIR and substitution indices: the published "EU CRM 2023" record (eu-crm-2023).',
    );
  });

  test('Dy processing supply risk: 5.47 with the WGI 2024 update, 5.56 with the vintage EU 2023 used', () => {
    // China 100% at processing, t = 1: SR = WGI_CHN · (1 − 0.01) · 0.99 (SI_SR).
    // The dataset's WGI (2024 update, data year 2023): CHN 5.5802 → 5.469.
    // EU 2023's vintage is not published; the 2022 release averaged over 2016–2020 gives 5.676
    // (tests/fixtures/wgi-2022-release.csv), which reproduces the published 5.6.
    const uses = [{ application: 'magnets', sector: 'C25', share: 1, valueAdded: 163_568e6 }];
    const withDataset = criticalityAssessment(
      criticalityInputs(baseline, { element: 'Dy', maxValueAdded: C28, uses }).input,
    );
    expect(withDataset.stages.processing?.supplyRisk).toBeCloseTo(5.5802 * 0.99 * 0.99, 10);
    const withVintage = criticalityAssessment(
      criticalityInputs(baseline, {
        element: 'Dy',
        maxValueAdded: C28,
        uses,
        governance: { CHN: 5.676 },
      }).input,
    );
    expect(Math.round((withVintage.stages.processing?.supplyRisk ?? 0) * 10) / 10).toBe(5.6);
    expect(withVintage.bottleneck).toBe('processing');
  });

  test('missing pieces are not-found errors that say where to supply them', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return `${(error as RareEarthsError).code}: ${(error as Error).message}`;
      }
      return 'no error';
    };
    expect(code(() => criticalityInputs(baseline, { element: 'Dy', maxValueAdded: C28 }))).toBe(
      "not-found: criticalityInputs: options.uses: expected end uses of Dy with their sectors' value added (in dataset.endUses or options.uses), got none",
    );
    expect(code(() => criticalityInputs(baseline, { element: 'Pm', maxValueAdded: C28 }))).toBe(
      'not-found: criticalityInputs: options.element: expected an element with a published "EU CRM 2023" record in dataset.criticality, got "Pm"',
    );
    const noGovernance: Dataset = {
      ...baseline,
      countries: baseline.countries.map(({ governance: _, ...country }) => country),
    };
    expect(
      code(() => criticalityInputs(noGovernance, { element: 'Nd', maxValueAdded: C28 })),
    ).toMatch(
      /^not-found: criticalityInputs: options\.governance\.[A-Z]{3}: expected a scaled WGI for [A-Z]{3} \(in dataset\.countries or options\.governance\), got none$/,
    );
    const noShares: Dataset = { ...baseline, stageOutputs: [], tradeFlows: [] };
    expect(code(() => criticalityInputs(noShares, { element: 'Nd', maxValueAdded: C28 }))).toBe(
      'not-found: criticalityInputs: options.element: expected supply shares for Nd from eu-crm-2023 in dataset.stageOutputs or dataset.tradeFlows, got none',
    );
    expect(
      code(() => criticalityInputs(baseline, { element: 'Nx' as 'Nd', maxValueAdded: C28 })),
    ).toBe(
      'invalid-argument: criticalityInputs: options.element: expected a rare-earth element symbol, got "Nx"',
    );
    expect(code(() => criticalityInputs(baseline, { element: 'Nd', maxValueAdded: -1 }))).toBe(
      'invalid-argument: criticalityInputs: options.maxValueAdded: expected a finite non-negative number, got -1',
    );
    expect(code(() => criticalityInputs(baseline, null as never))).toMatch(
      /^invalid-argument: criticalityInputs: options/,
    );
  });

  test('a record without import reliance at a stage leaves that stage out, and says so', () => {
    const trimmed: Dataset = {
      ...baseline,
      criticality: (baseline.criticality ?? []).map((r) => {
        if (r.material !== 'Nd') return r;
        const { importRelianceExtraction: _, eolRecyclingInputRate: __, ...rest } = r;
        return rest;
      }),
    };
    const { input, notes } = criticalityInputs(trimmed, { element: 'Nd', maxValueAdded: C28 });
    expect(input.stages.extraction).toBeUndefined();
    expect(notes).toContain(
      'extraction: left out (the published record has no import reliance at this stage).',
    );
    expect(notes).toContain('EoL-RIR: not published for this element; 0 assumed.');
  });
});
