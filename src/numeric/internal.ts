/**
 * What the `numeric` room lends to the rooms above it and keeps out of the public API: the
 * library's own face for shared internals. Nothing here is exported from the package.
 *
 * @internal
 * @packageDocumentation
 */

export { Dec, decString, exactDecimalSum, toDec } from './decimal.js';
export {
  checkFinite,
  checkFraction,
  checkInteger,
  checkNonNegative,
  checkNumeric,
} from './numeric.js';
export type { Schedule } from './schedule.js';
export { scheduleValueAt } from './schedule.js';
export { neumaierSum } from './sum.js';
