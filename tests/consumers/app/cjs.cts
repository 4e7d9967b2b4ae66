// A CommonJS TypeScript consumer of the packed package.
import rareEarths = require('rare-earths');
import data = require('rare-earths/data');

const nd: rareEarths.RareEarthElement<'Nd'> = rareEarths.element('Nd');
console.log(
  JSON.stringify({
    z: nd.atomicNumber,
    f: rareEarths.metalToOxide('Nd').toFixed(4),
    n: data.elementTable().length,
  }),
);
