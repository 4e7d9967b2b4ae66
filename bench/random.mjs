// Deterministic data for the benchmarks: every run and every variant sees the same numbers.

/**
 * A Park–Miller generator of numbers in (0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function generator(seed) {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}
