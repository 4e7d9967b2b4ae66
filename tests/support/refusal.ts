// The RareEarthsError a call throws; any other error is rethrown, and a result fails the test.
import { RareEarthsError } from '../../src/index.js';

export function refusal(call: () => unknown): RareEarthsError {
  try {
    call();
  } catch (error) {
    if (error instanceof RareEarthsError) return error;
    throw error;
  }
  throw new Error('expected a RareEarthsError, got a result');
}

/** The message of the RareEarthsError a call throws. */
export function refusalMessage(call: () => unknown): string {
  return refusal(call).message;
}
