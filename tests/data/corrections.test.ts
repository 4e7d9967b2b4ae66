// Corrections found in a read of the data (issue 17). Each test fails on the data as it was before
// the correction, and says where the corrected value comes from.
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';

describe('corrections to the baseline', () => {
  test("figures USGS marks 'e' (estimated) are tagged estimate, naming USGS as the estimator", () => {
    // MCS 2025 p. 145, MCS 2026 pp. 152–153 and MYB 2022 Table 8 flag these figures with "e";
    // the notes copy the flag. Before the correction all 106 of them were tagged 'reported'.
    const records = [
      ...(baseline.stageOutputs ?? []),
      ...(baseline.worldTotals ?? []),
      ...(baseline.balances ?? []),
    ];
    const flagged = records.filter((r) =>
      /estimated \(e\)|\(2024e\)/i.test(r.provenance.note ?? ''),
    );
    expect(flagged.length).toBeGreaterThan(90);
    for (const record of flagged) {
      expect(record.provenance).toMatchObject({
        tag: 'estimate',
        estimatedBy: expect.stringContaining('U.S. Geological Survey'),
      });
    }
    expect(records.filter((r) => r.provenance.tag === 'estimate').length).toBeGreaterThanOrEqual(
      flagged.length,
    );
  });

  test('Lynas is counted once at separation: Kalgoorlie cracks, Malaysia separates', () => {
    // Kalgoorlie's 9,000 t/yr is the NdPr its carbonate feed yields once separated at Lynas
    // Malaysia (10,500 t/yr NdPr after the 2023 upgrade); summing both counted Lynas twice.
    const lynas = (baseline.facilities ?? []).filter(
      (f) => f.operator === 'Lynas Rare Earths' && f.stage === 'separation',
    );
    const capacity = lynas.flatMap((f) => (f.capacity ?? []).map((c) => Number(c.quantity.amount)));
    expect(capacity).toEqual([10500]);
  });

  test("Neo's Narva magnet plant is no longer under construction: it opened on 2025-09-19", () => {
    const narva = (baseline.facilities ?? []).find((f) => f.id === 'neo-narva');
    expect(narva).toMatchObject({ status: 'commissioning', startYear: 2025 });
    expect(narva?.provenance.source).toBe('neo-narva-opening-2025');
  });
});
