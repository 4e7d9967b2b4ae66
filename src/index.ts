/**
 * `rare-earths`: model the rare-earth supply chain from deposit to magnet.
 *
 * The main entry re-exports the library's functions and types; the embedded dataset lives in
 * `rare-earths/data` so that importing a function never pulls the data into a bundle.
 *
 * @packageDocumentation
 */

export * from './chain/index.js';
export * from './concentration/index.js';
export * from './criticality/index.js';
export * from './elements/index.js';
export {
  type ErrorCode,
  type ErrorIssue,
  isRareEarthsError,
  RareEarthsError,
} from './errors/index.js';
export * from './model/index.js';
export * from './numeric/index.js';
export * from './offsets/index.js';
export * from './quantity/index.js';
export * from './scenario/index.js';
export * from './stocks/index.js';
