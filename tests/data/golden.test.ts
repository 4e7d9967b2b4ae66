// The golden copy of the shipped data: tests/fixtures/data/baseline.json and presets.json were
// written by `npm run build` (scripts/data-json.mjs) from the hand-typed modules of src/data before
// the data moved into the tables under data/. The dataset built from the tables must serialise to
// the same bytes: same records, same record order, same key order, numbers and decimal strings
// kept apart. A change to a figure is a deliberate change of these fixtures too.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { baseline, presets, presetsById } from '../../src/data/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/data/${name}`, import.meta.url), 'utf8');

// The text scripts/data-json.mjs writes for dist/data/*.json.
const serialise = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

describe('the shipped data is unchanged', () => {
  test('the baseline dataset serialises to the golden bytes', () => {
    const golden = fixture('baseline.json');
    expect(serialise(baseline)).toBe(golden);
    expect(baseline).toEqual(JSON.parse(golden));
  });

  test('the presets serialise to the golden bytes', () => {
    const golden = fixture('presets.json');
    expect(serialise(presets)).toBe(golden);
    expect(presets).toEqual(JSON.parse(golden));
  });

  test('presetsById holds the presets themselves, in their order', () => {
    expect(Object.keys(presetsById)).toEqual(presets.map((preset) => preset.id));
    for (const preset of presets)
      expect(presetsById[preset.id as keyof typeof presetsById]).toBe(preset);
  });
});
