// The variables table of docs/scenarios.md, generated from the registry of src/scenario/variables.ts
// (scenarioVariables), between the marker comments. `node scripts/scenario-variables.mjs --write`
// rewrites the table; `--check` exits 1 when the page is stale (tests/scenario/variables.test.ts
// checks the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The page the table lives in. */
export const DOC = join(root, 'docs', 'scenarios.md');
export const START =
  '<!-- scenario-variables:start (generated from src/scenario/variables.ts by `node scripts/scenario-variables.mjs --write`; do not edit) -->';
export const END = '<!-- scenario-variables:end -->';

/**
 * @typedef {{ readonly name: string; readonly unit: string; readonly step: string;
 *   readonly byApplication: boolean; readonly region: string; readonly stage: string;
 *   readonly element: string; readonly description: string }} VariableInfo
 */

/** A Markdown table cell: pipes escaped, so that `Supply|Total` stays one cell. */
function cell(/** @type {string} */ text) {
  return text.replaceAll('|', '\\|');
}

/**
 * The Markdown table of the registry's variables, in the registry's order.
 *
 * @param {object} registry the registry, `scenarioVariables`
 * @returns {string}
 */
export function variablesTable(registry) {
  const lines = [
    '| variable | region | stage | element | unit | step | meaning |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const v of /** @type {VariableInfo[]} */ (Object.values(registry))) {
    const name = v.byApplication ? `\`${v.name}\`, \`${v.name}|<application>\`` : `\`${v.name}\``;
    const cells = [name, v.region, v.stage, v.element, v.unit, v.step, v.description];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * The page with the table between the markers replaced by `table`.
 *
 * @param {string} page
 * @param {string} table
 * @returns {string}
 */
export function withTable(page, table) {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${DOC}: expected the markers ${START} … ${END}`);
  }
  return `${page.slice(0, start + START.length)}\n${table}\n${page.slice(end)}`;
}

/** The registry, read from the TypeScript source (bundled by esbuild, a dev dependency). */
async function loadRegistry() {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [join(root, 'src', 'scenario', 'variables.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
  });
  const code = out.outputFiles[0]?.text ?? '';
  const module = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  return /** @type {object} */ (module.scenarioVariables);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') {
    process.stderr.write('usage: node scripts/scenario-variables.mjs --write | --check\n');
    process.exit(2);
  }
  const page = readFileSync(DOC, 'utf8');
  const next = withTable(page, variablesTable(await loadRegistry()));
  if (mode === '--write') {
    if (next !== page) writeFileSync(DOC, next);
  } else if (next !== page) {
    process.stderr.write(
      'docs/scenarios.md: the variables table is stale; run node scripts/scenario-variables.mjs --write\n',
    );
    process.exit(1);
  }
}
