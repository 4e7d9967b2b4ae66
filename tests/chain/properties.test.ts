// Invariants of the chain functions on arbitrary datasets (fast-check): shares sum to 1 and are
// the quantities over their total; the stage HHI is the index of those quantities; taking a
// country out leaves exactly its share outside; net import reliance is the USGS identity; and no
// function changes the dataset it is given.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type BalanceRecord,
  type Dataset,
  hhi,
  importReliance,
  type StageOutput,
  stageConcentration,
  stageShares,
  stageTable,
  supplyWithout,
} from '../../src/index.js';

const CODES = ['CHN', 'USA', 'AUS', 'MMR', 'THA', 'IND', 'RUS', 'VNM', 'BRA', 'MYS'] as const;

/** Up to ten countries' mining output in one year, t REO; at least one positive. */
const mining = fc
  .uniqueArray(
    fc.record({
      country: fc.constantFrom(...CODES),
      amount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400_000 })),
    }),
    { minLength: 1, maxLength: CODES.length, selector: (row) => row.country },
  )
  .filter((rows) => rows.some((row) => row.amount > 0));

function datasetOf(rows: readonly { country: string; amount: number }[]): Dataset {
  const stageOutputs: StageOutput[] = rows.map((row) => ({
    stage: 'mining',
    country: row.country,
    year: 2024,
    measure: 'production',
    quantity: { amount: row.amount, unit: 't', basis: 'REO' },
    provenance: { source: 'mcs', tag: 'reported' },
  }));
  return {
    schemaVersion: 1,
    name: 'generated',
    sources: [{ id: 'mcs', title: 'Generated', publisher: 'test', year: 2026 }],
    countries: CODES.map((code) => ({ code, name: code })),
    stageOutputs,
  };
}

/** Freeze a plain data tree, so that any write in the library throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('chain properties', () => {
  test('with a published world total W, each share is quantity / W and they sum to rows / W', () => {
    fc.assert(
      fc.property(mining, fc.integer({ min: 1, max: 5_000_000 }), (rows, world) => {
        const data: Dataset = {
          ...datasetOf(rows),
          worldTotals: [
            {
              stage: 'mining',
              year: 2024,
              measure: 'production',
              quantity: { amount: world, unit: 't', basis: 'REO' },
              provenance: { source: 'mcs', tag: 'reported' },
            },
          ],
        };
        const total = rows.reduce((sum, row) => sum + row.amount, 0);
        const table = stageTable(data, {
          stage: 'mining',
          year: 2024,
          denominator: 'publishedWorldTotal',
        });
        for (const row of table.rows) {
          const amount = rows.find((r) => r.country === row.country)?.amount ?? Number.NaN;
          expect(row.share).toBeCloseTo(amount / world, 12);
        }
        expect(table.denominator.shareSum).toBeCloseTo(total / world, 12);
        expect(table.choice.used.rows).toBe(rows.length);
        expect(table.choice.leftOut).toEqual([]);
        // The row-sum shares of the same table are unchanged by the world total's presence.
        const rowSum = stageTable(data, { stage: 'mining', year: 2024 });
        expect(rowSum.denominator.shareSum).toBe(1);
        expect(rowSum.denominator.publishedWorldTotal?.quantity.amount).toBe(String(world));
      }),
    );
  });

  test('stage shares are the quantities over their total, and sum to 1', () => {
    fc.assert(
      fc.property(mining, (rows) => {
        const total = rows.reduce((sum, row) => sum + row.amount, 0);
        const shares = stageShares(datasetOf(rows), { stage: 'mining', year: 2024 });
        let sum = 0;
        for (const row of rows) {
          const share = shares[row.country] ?? 0;
          expect(share).toBeCloseTo(row.amount / total, 12);
          sum += share;
        }
        expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  test('shares do not depend on the unit: the same table in kg gives the same shares', () => {
    fc.assert(
      fc.property(mining, (rows) => {
        const tonnes = datasetOf(rows);
        const kilograms: Dataset = {
          ...tonnes,
          stageOutputs: (tonnes.stageOutputs ?? []).map((o) => ({
            ...o,
            quantity: { amount: (o.quantity?.amount as number) * 1000, unit: 'kg', basis: 'REO' },
          })),
        };
        const a = stageTable(tonnes, { stage: 'mining', year: 2024 }).rows;
        const b = stageTable(kilograms, { stage: 'mining', year: 2024 }).rows;
        expect(b.map((r) => r.country)).toEqual(a.map((r) => r.country));
        for (const [i, row] of b.entries())
          expect(row.share).toBeCloseTo(a[i]?.share as number, 14);
      }),
    );
  });

  test("a stage's HHI is the index of its quantities", () => {
    fc.assert(
      fc.property(mining, (rows) => {
        const chain = stageConcentration(datasetOf(rows), { year: 2024 });
        const stage = chain.stages.find((s) => s.stage === 'mining');
        const expected = hhi(rows.map((row) => row.amount));
        expect(stage?.hhi).toBeCloseTo(expected, 12);
        expect(stage?.hhiPoints).toBeCloseTo(expected * 10_000, 8);
        expect(chain.chokepoint?.stage).toBe('mining');
      }),
    );
  });

  test("taking a country out leaves exactly its share outside and the rest's shares renormalised", () => {
    fc.assert(
      fc.property(
        mining.filter((rows) => rows.filter((r) => r.amount > 0).length >= 2),
        fc.nat(),
        (rows, pick) => {
          const positive = rows.filter((r) => r.amount > 0);
          const out = positive[pick % positive.length] as (typeof rows)[number];
          const total = rows.reduce((sum, row) => sum + row.amount, 0);
          const result = supplyWithout(datasetOf(rows), { excluded: [out.country], year: 2024 });
          const stage = result.stages.find((s) => s.stage === 'mining');
          expect(stage?.shareOutside).toBeCloseTo((total - out.amount) / total, 12);
          expect(result.limiting?.stage).toBe('mining');
        },
      ),
    );
  });

  test('net import reliance is (imports − exports) / (production + imports − exports)', () => {
    const amount = fc.integer({ min: 0, max: 50_000 });
    fc.assert(
      fc.property(amount, amount, amount, (production, imports, exports) => {
        const row = (item: BalanceRecord['item'], value: number): BalanceRecord => ({
          country: 'USA',
          year: 2024,
          commodity: { description: 'compounds and metals' },
          item,
          quantity: { amount: value, unit: 't', basis: 'REO' },
          provenance: { source: 'mcs', tag: 'reported' },
        });
        const dataset: Dataset = {
          ...datasetOf([{ country: 'USA', amount: 1 }]),
          balances: [
            row('production', production),
            row('imports', imports),
            row('exports', exports),
          ],
        };
        const result = importReliance(dataset, { country: 'USA', year: 2024 });
        const consumption = production + imports - exports;
        if (consumption > 0) {
          expect(result.computed).toBeCloseTo((imports - exports) / consumption, 12);
        } else {
          expect(result.computed).toBeUndefined();
        }
      }),
    );
  });

  test('no chain function changes the dataset it is given', () => {
    fc.assert(
      fc.property(mining, (rows) => {
        const dataset = datasetOf(rows);
        const copy = structuredClone(dataset);
        const frozen = deepFreeze(dataset);
        stageTable(frozen, { stage: 'mining', year: 2024 });
        stageShares(frozen, { stage: 'mining', year: 2024 });
        stageConcentration(frozen, { year: 2024 });
        supplyWithout(frozen, { excluded: ['CHN'], year: 2024 });
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 30 },
    );
  });
});
