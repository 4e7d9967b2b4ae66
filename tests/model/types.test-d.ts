// The model and the analysis rooms describe some shapes twice, because the floors keep stocks
// from importing the model; these tests keep the two descriptions identical.
import { expectTypeOf, test } from 'vitest';
import type { Lifetime, LifetimeParameters } from '../../src/index.js';

test("the dataset lifetime is the stock models' Lifetime", () => {
  expectTypeOf<LifetimeParameters>().toEqualTypeOf<Lifetime>();
});
