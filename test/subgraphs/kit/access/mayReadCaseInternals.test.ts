import { describe, expect, it } from 'vitest';
import { mayReadCaseInternals } from '../../../../subgraphs/kit/access/mayReadCaseInternals.ts';
import { PUBLIC_FORWARDED_CALLER, type ForwardedCaller } from '../../../../schema/gateway-token/ForwardedCaller.ts';

const jointCase = { cityCode: '510900', jointPartnerCityCodes: ['500152'] };
const soloCase = { cityCode: '510900', jointPartnerCityCodes: [] };
const officerOf = (bureau: string, scopes = ['cases:read', 'cases:internal']): ForwardedCaller => ({
  role: 'authenticated', subject: `officer-${bureau}`, bureau, scopes: new Set(scopes), jurisdiction: null,
});

describe('mayReadCaseInternals', () => {
  it("lets the handling bureau's officers read", () => {
    expect(mayReadCaseInternals(soloCase, officerOf('510900'))).toBe(true);
  });

  it("lets a joint case's partner bureau read, but not a partner of another case", () => {
    expect(mayReadCaseInternals(jointCase, officerOf('500152'))).toBe(true);
    expect(mayReadCaseInternals(soloCase, officerOf('500152'))).toBe(false);
  });

  it.each([
    ['another bureau', officerOf('511600')],
    ['an own officer without cases:internal', officerOf('510900', ['cases:read'])],
    ['a partner without cases:internal', officerOf('500152', ['cases:read'])],
    ['the public', PUBLIC_FORWARDED_CALLER],
    ['a token naming no bureau', { ...officerOf('510900'), bureau: null }],
    ["the gateway's own checks", { ...officerOf('510900'), role: 'gateway' as const }],
  ])('refuses %s', (_who, caller) => {
    expect(mayReadCaseInternals(jointCase, caller)).toBe(false);
  });
});
