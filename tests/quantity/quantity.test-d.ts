import { expectTypeOf, test } from 'vitest';
import {
  addMass,
  addMoney,
  convertMoney,
  type Mass,
  mass,
  money,
  toMetal,
  toOxide,
} from '../../src/index.js';

test('adding tonnes REO to tonnes metal does not compile', () => {
  const reo = mass(1, 't', 'REO');
  const metal = mass(1, 't', 'metal');
  const kg = mass(1, 'kg', 'REO');
  expectTypeOf(addMass(reo, reo)).toEqualTypeOf<Mass<'t', 'REO'>>();
  // @ts-expect-error a basis mismatch is a compile error
  addMass(reo, metal);
  // @ts-expect-error a unit mismatch is a compile error
  addMass(reo, kg);
  expectTypeOf(toMetal(reo)).toEqualTypeOf<Mass<'t', 'metal'>>();
  expectTypeOf(toOxide(metal)).toEqualTypeOf<Mass<'t', 'REO'>>();
  // @ts-expect-error toMetal takes an REO mass
  toMetal(metal);
});

test('adding dollars to yuan does not compile', () => {
  const usd = money(1, 'USD');
  const cny = money(1, 'CNY');
  expectTypeOf(addMoney(usd, usd).currency).toEqualTypeOf<'USD'>();
  // @ts-expect-error a currency mismatch is a compile error
  addMoney(usd, cny);
  expectTypeOf(
    convertMoney(usd, { from: 'USD', to: 'CNY', rate: 7.2, date: '2025-01-01' }).currency,
  ).toEqualTypeOf<'CNY'>();
  // @ts-expect-error the rate must convert from the money's currency
  convertMoney(usd, { from: 'EUR', to: 'CNY', rate: 7.9, date: '2025-01-01' });
});
