/** The StandardsInputError code a call throws, or a marker when it throws something else or nothing. */
import { StandardsInputError } from '../../../subgraphs/standards/index.ts';

export function thrownCode(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return error instanceof StandardsInputError ? error.code : `not a StandardsInputError: ${String(error)}`;
  }
  return 'nothing thrown';
}
