/** ECOGRAPH_DEDUPE_BUREAU_REQUESTS: on by default, switched off by "false", anything else refused naming the key. */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, loadDedupeBureauRequests } from '../../../gateway/config/loadGatewayConfig.ts';

describe('loadDedupeBureauRequests', () => {
  it.each([[undefined, true], ['', true], ['true', true], ['false', false]] as const)('reads %j as %s', (raw, on) => {
    expect(loadDedupeBureauRequests(raw === undefined ? {} : { ECOGRAPH_DEDUPE_BUREAU_REQUESTS: raw })).toBe(on);
  });

  it.each(['off', '0', 'TRUE', ' false'])('refuses %j, naming the key', (raw) => {
    expect(() => loadDedupeBureauRequests({ ECOGRAPH_DEDUPE_BUREAU_REQUESTS: raw })).toThrow(GatewayConfigError);
    expect(() => loadDedupeBureauRequests({ ECOGRAPH_DEDUPE_BUREAU_REQUESTS: raw })).toThrow(`ECOGRAPH_DEDUPE_BUREAU_REQUESTS must be "true" or "false", got "${raw}".`);
  });
});
