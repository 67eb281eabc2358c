/**
 * The gateway's on-by-default switches (ECOGRAPH_DEDUPE_BUREAU_REQUESTS, ECOGRAPH_KNOWN_OPERATION_PATH):
 * on when unset or empty, switched off by "false", anything else refused naming the key.
 */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, loadDedupeBureauRequests, loadKnownOperationPath } from '../../../gateway/config/loadGatewayConfig.ts';

describe.each([
  ['ECOGRAPH_DEDUPE_BUREAU_REQUESTS', loadDedupeBureauRequests],
  ['ECOGRAPH_KNOWN_OPERATION_PATH', loadKnownOperationPath],
] as const)('%s', (key, load) => {
  it.each([[undefined, true], ['', true], ['true', true], ['false', false]] as const)('reads %j as %s', (raw, on) => {
    expect(load(raw === undefined ? {} : { [key]: raw })).toBe(on);
  });

  it.each(['off', '0', 'TRUE', ' false'])('refuses %j, naming the key', (raw) => {
    expect(() => load({ [key]: raw })).toThrow(GatewayConfigError);
    expect(() => load({ [key]: raw })).toThrow(`${key} must be "true" or "false", got "${raw}".`);
  });
});
