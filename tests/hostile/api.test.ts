// Every public function, every argument position, every wrong type: the outcome is a result or a
// RareEarthsError, never a TypeError or RangeError from inside the library. The functions are
// enumerated from the entry points, so a new export is covered the day it lands.
import { describe, expect, test } from 'vitest';
import { baseline, presets } from '../../src/data/index.js';
import * as main from '../../src/index.js';
import {
  approxEqual,
  compensatedSum,
  metalToOxide,
  oxideToMetal,
  stockBalance,
} from '../../src/index.js';
import * as report from '../../src/report/index.js';
import { tinyDataset } from '../chain/helpers.js';
import { refusal, wrongValues } from './corpus.js';

// These take the output of another library function and dereference it without a check; a
// report read from untrusted JSON goes through parseStageReport first (their options are checked).
const takesLibraryOutput: Record<string, number> = {
  renderStageReport: 0,
  stageSharesChart: 0,
  stageSankeyChart: 0,
};

const hostile = [
  ...wrongValues.filter((value) => typeof value !== 'string' || value.length < 1000),
  'toString',
  '__proto__',
  JSON.parse('{"__proto__": {"polluted": true}}'),
  [1e308, 1e308],
  { a: Number.NaN },
];

describe('every public function', () => {
  const functions = Object.entries({ ...main, ...report } as Record<string, unknown>).filter(
    (entry): entry is [string, (...args: unknown[]) => unknown] =>
      typeof entry[1] === 'function' && !/^[A-Z]/.test(entry[0]),
  );
  const stageReport = report.stageReport(baseline, { year: 2024 });

  test('enumerates the API', () => {
    expect(functions.length).toBeGreaterThan(60);
  });

  for (const [name, fn] of functions) {
    test(name, () => {
      const defaults =
        name in takesLibraryOutput
          ? [stageReport, {}, {}]
          : [tinyDataset(), { year: 2024, stage: 'mining' }, {}];
      // A function without parameters ignores its arguments: one call with junk is enough.
      const values = fn.length === 0 ? hostile.slice(0, 1) : hostile;
      for (let position = 0; position < 3; position++) {
        if (takesLibraryOutput[name] === position) continue;
        for (const value of values) {
          const args = [...defaults];
          args[position] = value;
          try {
            fn(...args);
          } catch (error) {
            if ((error as { name?: unknown } | null)?.name !== 'RareEarthsError') {
              throw new Error(
                `${name}: argument ${position} (${typeof value}): ${String((error as Error).message)}`,
              );
            }
          }
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('messages of the helpers that used to throw TypeErrors', () => {
  test('numeric helpers', () => {
    expect(refusal(() => compensatedSum(null as never)).message).toBe(
      'compensatedSum: values: expected an iterable of finite numbers, got null',
    );
    expect(refusal(() => compensatedSum({ length: 2 } as never)).message).toBe(
      'compensatedSum: values: expected an iterable of finite numbers, got an object',
    );
    expect(compensatedSum(new Set([0.1, 0.2]))).toBe(0.30000000000000004);
    expect(refusal(() => compensatedSum([1e308, 1e308, -1e308])).message).toBe(
      'compensatedSum: values: expected values whose running sum stays within the float64 range (about 1.8e308), got an overflow',
    );
    expect(refusal(() => compensatedSum([1e308, 1e308, -1e308])).code).toBe('not-computable');
    expect(compensatedSum([1e308, -1e308, 1e308])).toBe(1e308);
    expect(refusal(() => approxEqual(10n as never, 1)).message).toBe(
      'approxEqual: a: expected a number, got 10n',
    );
    expect(refusal(() => approxEqual(1, {} as never)).message).toBe(
      'approxEqual: b: expected a number, got an object',
    );
    expect(refusal(() => approxEqual(1, 1, null as never)).message).toBe(
      'approxEqual: options: expected an options object, got null',
    );
    expect(approxEqual(1, 1, {})).toBe(true);
  });

  test('element factors', () => {
    expect(refusal(() => oxideToMetal('Nd', null as never)).message).toBe(
      'oxideToMetal: options: expected an options object { oxide }, got null',
    );
    expect(refusal(() => metalToOxide('Nd', 5 as never)).message).toBe(
      'metalToOxide: options: expected an options object { oxide }, got 5',
    );
  });

  test('stockBalance', () => {
    const model = main.inflowDrivenStock({
      inflow: [1, 2, 3],
      lifetime: { kind: 'fixed', mean: 2 },
    });
    expect(stockBalance(model).balanced).toBe(true);
    expect(refusal(() => stockBalance(null as never)).message).toBe(
      'stockBalance: result: expected a result of inflowDrivenStock or stockDrivenStock, got null',
    );
    expect(refusal(() => stockBalance({ stock: 5 } as never)).message).toBe(
      'stockBalance: result: expected a result of inflowDrivenStock or stockDrivenStock, got an object',
    );
    expect(refusal(() => stockBalance(model, null as never)).message).toBe(
      'stockBalance: options: expected an options object, got null',
    );
    expect(refusal(() => stockBalance({ ...model, inflow: undefined } as never)).message).toBe(
      'stockBalance: result.inflow: expected 3 years, like result.stock, got undefined',
    );
    const rows = [...model.stockByCohort];
    rows[1] = 'row' as never;
    expect(refusal(() => stockBalance({ ...model, stockByCohort: rows })).message).toBe(
      'stockBalance: result.stockByCohort[1]: expected a row of numbers by cohort, got "row"',
    );
    const short = [...model.outflowByCohort];
    short[2] = new Float64Array(1);
    expect(refusal(() => stockBalance({ ...model, outflowByCohort: short })).message).toBe(
      'stockBalance: result.stockByCohort[2]: expected a row of numbers by cohort, got an object',
    );
  });

  test('report options', () => {
    const data = report.stageReport(baseline, { year: 2024 });
    for (const [fn, call] of [
      ['renderStageReport', (o: never) => report.renderStageReport(data, o)],
      ['stageSharesChart', (o: never) => report.stageSharesChart(data, o)],
      ['stageSankeyChart', (o: never) => report.stageSankeyChart(data, o)],
    ] as const) {
      expect(refusal(() => call(null as never)).message).toBe(
        `${fn}: options: expected an options object, got null`,
      );
      expect(refusal(() => call({ names: [] } as never)).message).toBe(
        `${fn}: options.names: expected a record of display names keyed by code, got an array of length 0`,
      );
      expect(refusal(() => call({ names: { CHN: 5 } } as never)).message).toBe(
        `${fn}: options.names.CHN: expected a string, got 5`,
      );
    }
    expect(refusal(() => report.timeSeriesChart(null as never)).message).toBe(
      'timeSeriesChart: data: expected an object { years, series, unit }, got null',
    );
  });

  test('scenario outputs passed back in', () => {
    const evaluation = main.evaluate(baseline, presets[0] as never);
    const diff = main.diffScenarios(evaluation, evaluation);
    // The real values still work after the checks.
    expect(main.reverseDiff(diff).metrics).toHaveLength(0);
    expect(report.renderDiff(diff).startsWith('# Diff')).toBe(true);
    expect(report.renderEvaluation(evaluation).startsWith('# Scenario')).toBe(true);
    expect(refusal(() => main.reverseDiff({ inputs: [] } as never)).message).toBe(
      'reverseDiff: diff: expected a diff from diffScenarios, got an object',
    );
    expect(refusal(() => report.renderDiff(null as never)).message).toBe(
      'renderDiff: diff: expected a diff from diffScenarios, got null',
    );
    expect(refusal(() => report.renderEvaluation({ rows: [] } as never)).message).toBe(
      'renderEvaluation: evaluation: expected an evaluation from evaluate, got an object',
    );
    expect(refusal(() => report.renderEvaluation(evaluation, 'md' as never)).message).toBe(
      'renderEvaluation: options: expected an options object, got "md"',
    );
    expect(refusal(() => report.scenarioDemandChart(7 as never)).message).toBe(
      'scenarioDemandChart: evaluation: expected an evaluation from evaluate, got 7',
    );
    expect(refusal(() => main.resolveScenario([presets[0], null] as never, 'x')).message).toBe(
      'resolveScenario: scenarios[1]: expected a scenario with a string id, got null',
    );
  });
});
