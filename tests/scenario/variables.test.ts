// The registry of output variables: complete (every row an evaluation writes is one of its
// variables, with its unit, and every variable is written by some evaluation of the golden set),
// the only place a name is spelled in src/, and the source of the table in docs/scenarios.md.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DOC, END, START, variablesTable, withTable } from '../../scripts/scenario-variables.mjs';
import { baseline, presets } from '../../src/data/index.js';
import { evaluate, type Scenario, type ScenarioRow, scenarioVariables } from '../../src/index.js';
import { answer, small } from './fixtures.js';
import { nameLiterals, parse, sourceFiles } from './source.js';

const entries = Object.values(scenarioVariables);
const names = entries.map((v) => v.name);
const byApplication = entries.filter((v) => v.byApplication).map((v) => v.name);
const REGISTRY = 'src/scenario/variables.ts';
// The public registry's type names each variable's literal type; it is the registry's other half.
const REGISTRY_TYPES = 'src/scenario/registry.ts';

/** The registry entry a row's variable belongs to. */
function entryOf(row: ScenarioRow) {
  return (
    entries.find((v) => v.name === row.variable) ??
    entries.find((v) => v.byApplication && row.variable.startsWith(`${v.name}|`))
  );
}

describe('the registry', () => {
  test('names are unique, and none is another by-application name plus an application', () => {
    expect(new Set(names).size).toBe(names.length);
    // 'Demand|Stage' is a name of its own; no application may be called 'Stage' without clashing.
    expect(names.filter((n) => byApplication.some((b) => n.startsWith(`${b}|`)))).toEqual([
      'Demand|Stage',
    ]);
  });

  test('every row of the presets and of the worked example is a registry variable, in its unit', () => {
    const controls = presets[0] as Scenario;
    const evaluations = [
      ...presets.map((p) => evaluate(baseline, p, { scenarios: presets })),
      evaluate(small, answer, { scenarios: [controls] }),
      // A restriction on every partner: Supply|Withheld.
      evaluate(small, {
        id: 'all',
        name: 'A cut on every partner',
        horizon: answer.horizon,
        interventions: [
          { kind: 'exportRestriction', id: 'all', country: 'CHN', cut: 0.5, from: 2025 },
        ],
      }),
    ];
    const seen = new Set<string>();
    for (const evaluation of evaluations) {
      for (const row of evaluation.rows) {
        const entry = entryOf(row);
        expect(entry, row.variable).toBeDefined();
        expect(row.unit, row.variable).toBe(entry?.unit);
        seen.add(entry?.name ?? '');
      }
    }
    // Every variable of the registry is written by one of them: no stale entry.
    expect([...seen].sort()).toEqual([...names].sort());
  });
});

describe('no variable name spelled outside the registry', () => {
  test('the scanner finds a planted literal, in a string and in a template', () => {
    const planted = parse(
      'planted.ts',
      [
        "const a = 'Balance';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the planted source holds a template.
        'const b = `Demand|${id}`;',
        "// 'Supply' in a comment is fine",
        "const c = 'Balanced';",
      ].join('\n'),
    );
    expect(nameLiterals(planted, names, byApplication)).toEqual([
      { line: 1, text: 'Balance' },
      { line: 2, text: 'Demand|' },
    ]);
  });

  test('src/ has no string literal of a registry name outside src/scenario/variables.ts', () => {
    const files = sourceFiles('src').filter((file) => file !== REGISTRY && file !== REGISTRY_TYPES);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      nameLiterals(parse(file), names, byApplication).map(
        (hit) => `${file}:${hit.line} '${hit.text}'`,
      ),
    );
    expect(found).toEqual([]);
    // The registry itself spells every name (in its type and in its value).
    const spelled = nameLiterals(parse(REGISTRY), names, byApplication).map((hit) => hit.text);
    expect([...new Set(spelled)].sort()).toEqual([...names].sort());
  });
});

describe('docs/scenarios.md', () => {
  test('the variables table is the registry’s (node scripts/scenario-variables.mjs --write)', () => {
    const page = readFileSync(DOC, 'utf8');
    expect(page).toContain(START);
    expect(page).toContain(END);
    expect(withTable(page, variablesTable(scenarioVariables))).toBe(page);
  });

  test('a changed registry makes the page stale', () => {
    const page = readFileSync(DOC, 'utf8');
    const changed = {
      ...scenarioVariables,
      balance: { ...scenarioVariables.balance, description: 'something else' },
    };
    expect(withTable(page, variablesTable(changed))).not.toBe(page);
    expect(variablesTable(scenarioVariables)).toContain(
      "| `Balance\\|Capacity additions` | importer | line's | line's | t/yr | capacity |",
    );
  });

  test('a page without the markers is refused', () => {
    expect(() => withTable('no markers', '')).toThrow(/expected the markers/);
  });
});
