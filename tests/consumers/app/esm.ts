// An ESM TypeScript consumer of the packed package (see tests/consumers/package.test.ts).
import { type ElementSymbol, element, isRareEarthsError, oxideToMetal } from 'rare-earths';
import { elementTable } from 'rare-earths/data';

const symbol: ElementSymbol = 'Nd';
const nd = element(symbol);
const literal: 'Dy' = element('Dy').symbol;
let refused = false;
try {
  element('Xx' as ElementSymbol);
} catch (error) {
  refused = isRareEarthsError(error);
}
console.log(
  JSON.stringify({
    z: nd.atomicNumber,
    f: oxideToMetal('Nd').toFixed(4),
    n: elementTable().length,
    literal,
    refused,
  }),
);
