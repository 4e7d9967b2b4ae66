// Invariants of the EU supply-risk formula (fast-check): SR = [HHI_GS·IR/2 + HHI_EU·(1 − IR/2)]
// · (1 − EoL_RIR) · SI_SR, so recycling and substitutability can only lower it, it scales with the
// HHIs, and with the EU sourcing HHI equal to the global one import reliance drops out.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { supplyRisk } from '../../src/index.js';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const index = fc.double({ min: 0, max: 10, noNaN: true });
const input = fc.record({
  hhiGlobal: index,
  hhiEu: index,
  importReliance: fraction,
  eolRecyclingInputRate: fraction,
  substitutionIndex: fraction,
});

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

describe('supplyRisk properties', () => {
  test('more recycling or a more substitutable material never raises supply risk', () => {
    fc.assert(
      fc.property(input, fraction, fraction, (base, eol, si) => {
        const sr = supplyRisk(base);
        const moreRecycling = {
          ...base,
          eolRecyclingInputRate: Math.max(eol, base.eolRecyclingInputRate),
        };
        const easierToSubstitute = {
          ...base,
          substitutionIndex: Math.min(si, base.substitutionIndex),
        };
        expect(supplyRisk(moreRecycling)).toBeLessThanOrEqual(sr + 1e-12);
        expect(supplyRisk(easierToSubstitute)).toBeLessThanOrEqual(sr + 1e-12);
      }),
    );
  });

  test('it is linear in the two HHIs, and the formula holds', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 4, noNaN: true }), (base, k) => {
        const scaled = { ...base, hhiGlobal: base.hhiGlobal * k, hhiEu: base.hhiEu * k };
        expect(close(supplyRisk(scaled), k * supplyRisk(base))).toBe(true);
        const ir = base.importReliance;
        const formula =
          (base.hhiGlobal * (ir / 2) + base.hhiEu * (1 - ir / 2)) *
          (1 - base.eolRecyclingInputRate) *
          base.substitutionIndex;
        expect(close(supplyRisk(base), formula)).toBe(true);
      }),
    );
  });

  test('with the EU sourcing HHI equal to the global one, import reliance drops out', () => {
    fc.assert(
      fc.property(input, fraction, (base, ir) => {
        const same = { ...base, hhiEu: base.hhiGlobal };
        const global = { ...same, importReliance: ir };
        expect(close(supplyRisk(same), supplyRisk(global))).toBe(true);
        const { hhiEu: _unused, ...withoutEu } = same;
        expect(close(supplyRisk(withoutEu), supplyRisk(same))).toBe(true);
      }),
    );
  });
});
