import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET, creditCheckChar, isValidCreditCode, isValidOrgCode, makeCreditCode, orgCodeCheckChar, randomOrgCodeBase,
} from '../../../devtools/demo-world/creditCode.ts';
import { createRng } from '../../../devtools/demo-world/createRng.ts';
import { CITY_FACTS } from '../../../devtools/demo-world/regionData.ts';
import { defaultWorld } from './seedFixture.ts';

/** Published codes whose check characters are right (the first is the usual example). */
const KNOWN_VALID = ['91350100M000100Y43', '91310110666007217T', '91330101589882738D'];

describe('GB 32100 credit codes', () => {
  it('accepts published valid codes, including their GB 11714 organisation codes', () => {
    for (const code of KNOWN_VALID) {
      expect(isValidCreditCode(code)).toBe(true);
      expect(isValidCreditCode(code, { checkOrgCode: true })).toBe(true);
    }
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('rejects every single-character mutation of a valid code', () => {
    const code = KNOWN_VALID[0] as string;
    for (let i = 0; i < code.length; i++) {
      const other = CREDIT_CODE_CHARSET.split('').find((c) => c !== code[i] && (i < 2 || i > 7 || /\d/.test(c))) as string;
      const mutated = code.slice(0, i) + other + code.slice(i + 1);
      expect(isValidCreditCode(mutated), mutated).toBe(false);
    }
  });

  it('rejects codes of the wrong length, with forbidden letters or lower case', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it("maps an organisation-code check of 10 to 'X' and 11 to '0'", () => {
    const rng = createRng('org-check');
    const found = new Map<string, string>();
    for (let i = 0; i < 5000 && found.size < 2; i++) {
      const body = randomOrgCodeBase(rng);
      const check = orgCodeCheckChar(body);
      if (check === 'X' || check === '0') found.set(check, body);
    }
    for (const [check, body] of found) {
      const sum = [...body].reduce((s, ch, k) => s + (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55) * ([3, 7, 9, 10, 5, 8, 4, 2][k] as number), 0);
      expect(11 - (sum % 11)).toBe(check === 'X' ? 10 : 11);
      expect(isValidOrgCode(body + check)).toBe(true);
    }
    expect(found.size).toBe(2);
  });

  it('builds valid codes from their parts', () => {
    const rng = createRng('make');
    for (let i = 0; i < 500; i++) {
      const code = makeCreditCode('9', '1', '510900', randomOrgCodeBase(rng));
      expect(code).toMatch(/^91510900[0-9A-Z]{10}$/);
      expect(isValidCreditCode(code, { checkOrgCode: true })).toBe(true);
    }
    expect(() => makeCreditCode('9', '1', '5109', 'MA000000')).toThrow(RangeError);
  });

  it('gives every registered enterprise a valid code registered in a county of its own city', () => {
    for (const e of defaultWorld().region.enterprises) {
      expect(isValidCreditCode(e.creditCode, { checkOrgCode: true }), e.creditCode).toBe(true);
      expect(e.creditCode.slice(0, 2)).toBe('91');
      const counties = CITY_FACTS[e.cityCode as keyof typeof CITY_FACTS].counties.map((c) => c.code);
      expect(counties).toContain(e.creditCode.slice(2, 8));
    }
  });
});
