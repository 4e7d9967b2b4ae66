// A plain ESM consumer, no TypeScript.
import { element, oxideToMetal } from 'rare-earths';
import { elementTable } from 'rare-earths/data';

console.log(
  JSON.stringify({
    z: element('Nd').atomicNumber,
    f: oxideToMetal('Nd').toFixed(4),
    n: elementTable().length,
  }),
);
