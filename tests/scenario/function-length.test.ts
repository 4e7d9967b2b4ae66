// Function lengths in the scenario engine, measured with the TypeScript compiler API (from the
// line a function starts on to the line it ends on, nested functions counted in their parent too).
// The evaluator and its steps keep every function within 60 lines. The other modules of the room
// have longer functions, not yet split: each is held at its length today so that none grows, and a
// function that shrinks below the limit must leave the list.
import { describe, expect, test } from 'vitest';
import { functionLengths, parse, sourceFiles } from './source.js';

const LIMIT = 60;

/** Longer than the limit today, by file and function: the most lines each may have. */
const CEILINGS: Readonly<Record<string, number>> = {
  'src/scenario/apply.ts applyScenario': 105,
  'src/scenario/attribute.ts attribute': 175,
  'src/scenario/context.ts readOptions': 85,
  'src/scenario/context.ts sizeStage': 79,
  'src/scenario/context.ts readStages': 72,
  'src/scenario/context.ts readLines': 85,
  'src/scenario/context.ts readApps': 85,
  'src/scenario/diff.ts diffScenarios': 99,
};

const files = sourceFiles('src/scenario');
const measured = files.flatMap((file) =>
  functionLengths(parse(file)).map((f) => ({ ...f, id: `${file} ${f.name}` })),
);

describe('function lengths in src/scenario', () => {
  test('the measure: a planted 61-line function is 61 lines, arrows and methods counted', () => {
    const body = Array.from({ length: 59 }, (_, k) => `  const v${k} = ${k};`).join('\n');
    const source = parse(
      'planted.ts',
      `export function long(): void {\n${body}\n}\nconst f = () => 1;\nclass C { m(): void {} }\n`,
    );
    expect(functionLengths(source)).toEqual([
      { name: 'long', line: 1, lines: 61 },
      { name: 'f', line: 62, lines: 1 },
      { name: 'm', line: 63, lines: 1 },
    ]);
  });

  test('the evaluator and every step module are read', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'src/scenario/evaluate.ts',
        'src/scenario/steps/capacity.ts',
        'src/scenario/steps/demand.ts',
        'src/scenario/steps/supply.ts',
        'src/scenario/steps/imports.ts',
        'src/scenario/steps/resilience.ts',
      ]),
    );
    expect(
      measured.filter((f) => f.id.startsWith('src/scenario/evaluate.ts ')).length,
    ).toBeGreaterThan(3);
  });

  test(`no function of evaluate.ts or steps/ is longer than ${LIMIT} lines`, () => {
    const long = measured.filter(
      (f) =>
        (f.id.startsWith('src/scenario/evaluate.ts ') || f.id.startsWith('src/scenario/steps/')) &&
        f.lines > LIMIT,
    );
    expect(long.map((f) => `${f.id}:${f.line} (${f.lines} lines)`)).toEqual([]);
  });

  test('elsewhere in the room, no long function grows and no new one appears', () => {
    const over = measured.filter((f) => f.lines > LIMIT);
    expect(over.map((f) => f.id).sort()).toEqual(Object.keys(CEILINGS).sort());
    for (const f of over) expect(f.lines, f.id).toBeLessThanOrEqual(CEILINGS[f.id] as number);
  });
});
