// Every owner in the baseline cites a source, with a tag; stakes are fractions; indirect stakes
// name an owner of the same record. Never an invented stake: an owner without a published stake
// has none.
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import type { Owner } from '../../src/index.js';

const records = [
  ...(baseline.deposits ?? []).map((d) => ({ kind: 'deposit', id: d.id, owners: d.owners })),
  ...(baseline.facilities ?? []).map((f) => ({ kind: 'facility', id: f.id, owners: f.owners })),
];
const sourceIds = new Set(baseline.sources.map((s) => s.id));

describe('ownership in the baseline', () => {
  test.each(records.filter((r) => (r.owners ?? []).length > 0))(
    '$kind $id: every stake has a source',
    ({ owners }) => {
      const list = owners as readonly Owner[];
      for (const owner of list) {
        expect(owner.provenance, owner.name).toBeDefined();
        expect(sourceIds.has(owner.provenance?.source ?? ''), owner.name).toBe(true);
        expect(['reported', 'derived', 'estimate']).toContain(owner.provenance?.tag);
        if (owner.stake !== undefined) {
          expect(owner.stake).toBeGreaterThanOrEqual(0);
          expect(owner.stake).toBeLessThanOrEqual(1);
        }
        if (owner.via !== undefined)
          expect(
            list.some((o) => o.via === undefined && o.name === owner.via),
            owner.name,
          ).toBe(true);
      }
    },
  );

  test('Chinese stakes abroad that the sources give', () => {
    const chinese = records.flatMap((r) =>
      (r.owners ?? [])
        .filter((o) => o.homeCountry === 'CHN')
        .map((o) => [r.id, o.name, o.stake, o.via, o.provenance?.source]),
    );
    expect(chinese.filter(([id]) => id !== 'china-rare-earth-group')).toEqual([
      [
        'mountain-pass',
        'Shenghe Resources Holding Co., Ltd.',
        0.08,
        'MP Materials Corp.',
        'sec-13ga-shenghe-mp-2021',
      ],
      [
        'ngualla',
        'Shenghe Resources Holding Co., Ltd.',
        0.199,
        'Peak Rare Earths Ltd',
        'peak-shenghe-2022',
      ],
      [
        'mountain-pass-mine',
        'Shenghe Resources Holding Co., Ltd.',
        0.08,
        'MP Materials Corp.',
        'sec-13ga-shenghe-mp-2021',
      ],
      [
        'mountain-pass-separation',
        'Shenghe Resources Holding Co., Ltd.',
        0.08,
        'MP Materials Corp.',
        'sec-13ga-shenghe-mp-2021',
      ],
      [
        'mp-10x',
        'Shenghe Resources Holding Co., Ltd.',
        0.08,
        'MP Materials Corp.',
        'sec-13ga-shenghe-mp-2021',
      ],
    ]);
  });
});
