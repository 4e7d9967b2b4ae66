// A plain require() consumer, no TypeScript.
const { element, oxideToMetal, RareEarthsError } = require('rare-earths');
const { elementTable } = require('rare-earths/data');

let instance = false;
try {
  element('Xx');
} catch (error) {
  instance = error instanceof RareEarthsError;
}
console.log(
  JSON.stringify({
    z: element('Nd').atomicNumber,
    f: oxideToMetal('Nd').toFixed(4),
    n: elementTable().length,
    instance,
  }),
);
