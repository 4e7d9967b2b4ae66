// The records of a draw made one at a time (recordsAt) against the copied dataset (datasetWith).
import { describe, expect, test } from 'vitest';
import { baseline } from '../../src/data/index.js';
import { datasetWith, recordsAt } from '../../src/uncertainty/draw.js';
import { uncertainFigures } from '../../src/uncertainty/figures.js';

describe('recordsAt', () => {
  const changes = uncertainFigures(baseline).map((f, i) => ({ path: f.path, value: 1000 + i }));
  const drawn = datasetWith(baseline, changes);
  const record = recordsAt(
    baseline,
    changes.map((c) => c.path),
  )(changes.map((c) => c.value));
  test('gives the record datasetWith holds at every changed path', () => {
    for (const { path } of changes) {
      const [collection, index] = path as [keyof typeof drawn, number];
      expect(record(collection, index)).toStrictEqual((drawn[collection] as unknown[])[index]);
    }
  });
  test('gives the record as it is where nothing changed, and leaves the dataset untouched', () => {
    const before = JSON.stringify(baseline);
    const touched = new Set(changes.map((c) => `${c.path[0]}/${c.path[1]}`));
    const index = (baseline.stageOutputs ?? []).findIndex(
      (_, i) => !touched.has(`stageOutputs/${i}`),
    );
    expect(record('stageOutputs', index)).toBe(baseline.stageOutputs?.[index]);
    const changed = changes[0]?.path as [string, number];
    expect(record(changed[0], changed[1])).toBe(record(changed[0], changed[1]));
    expect(JSON.stringify(baseline)).toBe(before);
  });
});
