import { mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing reruns the unit tests per mutant: no coverage, and the doctests (which rewrite
// files under .tmp/) stay out so that parallel runners do not race.
export default mergeConfig(base, {
  test: { coverage: { enabled: false }, exclude: ['tests/consumers/**', 'tests/doctest.test.ts'] },
});
