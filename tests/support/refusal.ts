// The message of the RareEarthsError a call throws; fails the test on a result or another error.
import { expect } from 'vitest';

export function refusalMessage(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect((error as Error).name).toBe('RareEarthsError');
    return (error as Error).message;
  }
  throw new Error('expected a RareEarthsError, got a result');
}
