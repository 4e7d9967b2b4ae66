// Write the embedded data as JSON beside the built modules: dist/data/baseline.json and
// dist/data/presets.json, read by `rare-earths validate`, `run` and `report --dataset` as they are
// (the same text `rare-earths export baseline|presets` writes). Run by `npm run build` after tsup,
// from the built data module, so the files cannot drift from the TypeScript data they come from.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'data');
const { baseline, presets } = await import(join(dist, 'index.js'));
for (const [name, data] of [
  ['baseline.json', baseline],
  ['presets.json', presets],
]) {
  writeFileSync(join(dist, name), `${JSON.stringify(data, null, 2)}\n`);
}
