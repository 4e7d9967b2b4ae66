// Every shape the library describes twice (a hand-written type and a zod schema) is checked here
// both ways: the type zod infers from the schema must equal the hand-written type, so a field
// added to one and not the other fails the typecheck instead of being refused at run time.
import { expectTypeOf, test } from 'vitest';
import type * as z from 'zod';
import type {
  Dataset,
  LifetimeParameters,
  Scenario,
  STAGES,
  Stage,
  StageReportData,
} from '../../src/index.js';
import type { stageReportShape } from '../../src/model/report-schema.js';
import type { datasetShape, lifetimeShape, scenarioShape } from '../../src/model/schema.js';

// The hand-written types are deeply readonly (inputs are never mutated); zod's output is not.
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

type Inferred<S extends z.ZodType> = DeepReadonly<z.output<S>>;

test('datasetSchema infers exactly Dataset', () => {
  expectTypeOf<Inferred<ReturnType<typeof datasetShape>>>().toEqualTypeOf<
    DeepReadonly<Mutable<Dataset>>
  >();
});

test('scenarioSchema infers exactly Scenario', () => {
  expectTypeOf<Inferred<ReturnType<typeof scenarioShape>>>().toEqualTypeOf<
    DeepReadonly<Mutable<Scenario>>
  >();
});

test('lifetimeSchema infers exactly LifetimeParameters', () => {
  expectTypeOf<Inferred<ReturnType<typeof lifetimeShape>>>().toEqualTypeOf<
    DeepReadonly<Mutable<LifetimeParameters>>
  >();
});

test('stageReportSchema infers exactly StageReportData', () => {
  expectTypeOf<Inferred<ReturnType<typeof stageReportShape>>>().toEqualTypeOf<
    DeepReadonly<Mutable<StageReportData>>
  >();
});

test('STAGES lists exactly the Stage type, in order', () => {
  expectTypeOf<(typeof STAGES)[number]>().toEqualTypeOf<Stage>();
  expectTypeOf<typeof STAGES>().toEqualTypeOf<
    readonly ['mining', 'separation', 'metal', 'magnet']
  >();
});
