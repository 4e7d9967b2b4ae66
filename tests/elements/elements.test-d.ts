import { expectTypeOf, test } from 'vitest';
import { type ElementSymbol, element, type RareEarthElement } from '../../src/index.js';

test('element lookup keeps the literal symbol', () => {
  expectTypeOf(element('Nd').symbol).toEqualTypeOf<'Nd'>();
  expectTypeOf(element('Nd')).toEqualTypeOf<RareEarthElement<'Nd'>>();
  // @ts-expect-error 'Fe' is not a rare-earth element symbol
  element('Fe');
  // @ts-expect-error symbols are case-sensitive
  element('nd');
  expectTypeOf<'Nd'>().toExtend<ElementSymbol>();
  expectTypeOf<'nd'>().not.toExtend<ElementSymbol>();
});
