/**
 * The known-operation path with its collaborators faked: what happens after an answer is handed back.
 * The path's answers themselves are compared with Apollo's end to end (knownOperationPath.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createKnownOperationPath } from '../../../gateway/known-operations/createKnownOperationPath.ts';
import type { KnownOperation, KnownOperations } from '../../../gateway/known-operations/KnownOperations.ts';
import type { ShortcutGateway } from '../../../gateway/known-operations/ShortcutGateway.ts';
import { PUBLIC_CALLER } from '../../../gateway/request/Caller.ts';
import type { GatewayContext } from '../../../gateway/request/GatewayContext.ts';

const warnings: string[] = [];
const onWarning = (warning: Error) => void warnings.push(warning.message);
afterEach(() => {
  process.off('warning', onWarning);
  warnings.length = 0;
});

function pathRecordingWith(answered: () => void) {
  const operation = { operationName: null, outcome: {} } as unknown as KnownOperation;
  return createKnownOperationPath({
    known: { find: () => operation } as unknown as KnownOperations,
    gateway: { execution: { executor: async () => ({ data: { cities: [] } }), server: {} }, answerWith: () => undefined } as unknown as ShortcutGateway,
    check: () => undefined,
    answered,
  });
}

const ask = (path: ReturnType<typeof pathRecordingWith>) => path({
  body: { query: '{ cities { code } }' },
  headers: {},
  context: async () => ({ signal: new AbortController().signal, caller: PUBLIC_CALLER }) as unknown as GatewayContext,
});

describe('createKnownOperationPath', () => {
  it('records an answer only after handing it back', async () => {
    const order: string[] = [];
    const answer = await ask(pathRecordingWith(() => void order.push('recorded')));
    order.push('answered');
    expect(answer?.body).toBe('{"data":{"cities":[]}}\n');
    await expect.poll(() => order).toEqual(['answered', 'recorded']);
  });

  it('reports a recording that throws as a process warning, and still answers: it never ends the process', async () => {
    process.on('warning', onWarning);
    const answer = await ask(pathRecordingWith(() => {
      throw new Error('a label the histogram does not have');
    }));
    expect(answer?.body).toBe('{"data":{"cities":[]}}\n');
    await expect.poll(() => warnings).toEqual([expect.stringContaining('a label the histogram does not have')]);
  });
});
