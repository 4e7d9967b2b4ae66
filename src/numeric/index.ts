export { type ApproxEqualOptions, approxEqual } from './compare.js';
export { isNumeric, type Numeric, toNumber } from './numeric.js';
export { type Schedule, scheduleValue } from './schedule.js';
export { compensatedSum } from './sum.js';
