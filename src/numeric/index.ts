export { type ApproxEqualOptions, approxEqual } from './compare.js';
export { isNumeric, type Numeric, toNumber } from './numeric.js';
export { compensatedSum } from './sum.js';
