// Issue 15, finding 10: a preset looked up by id is a Scenario without a cast, and an unknown id
// does not compile. Checked by `tsc` in `npm run typecheck` (on the old code, `presetsById` and
// `PresetId` did not exist and a lookup was `presets.find(...) as Scenario`).
import { expectTypeOf, test } from 'vitest';
import type { presetIds } from '../../src/data/generated/presets.js';
import { type PresetId, presets, presetsById } from '../../src/data/index.js';
import type { Scenario } from '../../src/index.js';

test('a preset by id is a Scenario', () => {
  expectTypeOf(presetsById['china-export-controls-2025']).toEqualTypeOf<Scenario>();
  expectTypeOf(presetsById['recycling-scale-up'].horizon.to).toEqualTypeOf<number>();
  // @ts-expect-error not a preset id
  presetsById['export-controls-2026'];
  expectTypeOf<'ev-motor-substitution'>().toExtend<PresetId>();
  expectTypeOf<'china-controls'>().not.toExtend<PresetId>();
  expectTypeOf(presets).toEqualTypeOf<readonly Scenario[]>();
});

test('PresetId is exactly the ids of data/presets.json', () => {
  // PresetId is written out in src/data/scenarios.ts for the reference; presetIds is generated.
  expectTypeOf<PresetId>().toEqualTypeOf<(typeof presetIds)[number]>();
});
