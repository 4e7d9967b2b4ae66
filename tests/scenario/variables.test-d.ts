import { expectTypeOf, test } from 'vitest';
import type {
  MetricDelta,
  ScenarioRow,
  ScenarioVariable,
  ScenarioVariableKey,
} from '../../src/index.js';
import { scenarioVariables } from '../../src/index.js';

test('ScenarioVariable is derived from the registry', () => {
  expectTypeOf<ScenarioRow['variable']>().toEqualTypeOf<ScenarioVariable>();
  expectTypeOf<MetricDelta['variable']>().toEqualTypeOf<ScenarioVariable>();
  expectTypeOf(scenarioVariables.balance.name).toEqualTypeOf<'Balance'>();
  expectTypeOf<'Balance'>().toExtend<ScenarioVariable>();
  expectTypeOf<'Demand|permanent-magnets'>().toExtend<ScenarioVariable>();
  expectTypeOf<'hhi'>().toExtend<ScenarioVariableKey>();
  // @ts-expect-error a typo is not a variable
  const typo: ScenarioVariable = 'Balence';
  // @ts-expect-error only the by-application variables take an application
  const byApp: ScenarioVariable = 'Balance|permanent-magnets';
  expectTypeOf(typo).toBeString();
  expectTypeOf(byApp).toBeString();
});
