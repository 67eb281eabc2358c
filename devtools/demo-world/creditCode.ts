/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters =
 * registration department (1) + organisation type (1) + administrative division code (6, GB/T 2260)
 * + organisation code (9, GB 11714: 8-character body + its own check character) + check character (1).
 */
import type { Rng } from './createRng.ts';

/** The 31 characters GB 32100 allows (no I, O, S, V, Z); a character's value is its index. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997 weights for the 8-character organisation code body. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The 18th character for the first 17: 31 − (Σ value·weight mod 31), where 31 maps to '0'. */
export function creditCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] as string);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not allowed in a credit code`);
    sum += value * (CREDIT_WEIGHTS[i] as number);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check] as string;
}

/** GB 11714 value of a body character: digits 0–9, letters A–Z 10–35. */
function orgValue(char: string): number {
  const c = char.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  throw new RangeError(`'${char}' is not allowed in an organisation code`);
}

/** The 9th character of an organisation code: 11 − (Σ value·weight mod 11); 10 → 'X', 11 → '0'. */
export function orgCodeCheckChar(body8: string): string {
  if (body8.length !== 8) throw new RangeError(`need 8 characters, got ${body8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i] as string) * (ORG_WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export function isValidOrgCode(code9: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code9)) return false;
  return orgCodeCheckChar(code9.slice(0, 8)) === code9[8];
}

/**
 * A credit code from its parts; the organisation code's check character (GB 11714) and the final
 * check character (GB 32100) are computed. Example: makeCreditCode('9', '1', '510900', 'MA62XK3B').
 */
export function makeCreditCode(
  registrationDept: string,
  orgType: string,
  areaCode6: string,
  orgCode8base: string,
): string {
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError(`area code must be 6 digits, got '${areaCode6}'`);
  const first17 = `${registrationDept}${orgType}${areaCode6}${orgCode8base}${orgCodeCheckChar(orgCode8base)}`;
  return first17 + creditCheckChar(first17);
}

export interface CreditCodeCheckOptions {
  /**
   * Also require chars 9–17 to be a valid GB 11714 organisation code. Off by default: GB 32100
   * defines only the 18th character as the code's check, and registries hold codes issued without it.
   * @default false
   */
  readonly checkOrgCode?: boolean;
}

/** Whether `code` is a well-formed credit code with a correct 18th check character. */
export function isValidCreditCode(code: string, options: CreditCodeCheckOptions = {}): boolean {
  if (typeof code !== 'string' || code.length !== 18) return false;
  for (const char of code) if (!CREDIT_CODE_CHARSET.includes(char)) return false;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return false;
  if (creditCheckChar(code.slice(0, 17)) !== code[17]) return false;
  return options.checkOrgCode ? isValidOrgCode(code.slice(8, 17)) : true;
}

// Characters for generated bodies: those valid in both standards (GB 32100's charset, which bars I O S V Z).
const BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * A random organisation code body (8 characters) in the styles seen on real codes: 'MA' + 6
 * alphanumerics (codes issued since 2015) or 8 digits (older organisation codes, often 2xxxxxxx or 7xxxxxxx).
 */
export function randomOrgCodeBase(rng: Rng): string {
  if (rng.chance(0.7)) {
    let body = 'MA';
    for (let i = 0; i < 6; i++) body += rng.pick(i < 2 ? '0123456789ABCDEFGH'.split('') : BODY_CHARS.split(''));
    return body;
  }
  let body = rng.pick(['2', '7', '5', '6']);
  for (let i = 0; i < 7; i++) body += String(rng.int(0, 9));
  return body;
}
