/**
 * base64url (RFC 4648 §5, no padding) of UTF-8 text, with web-standard globals only (`btoa`,
 * `TextEncoder`) so that the engine stays free of `node:*` and Buffer (a pure folder: README.md,
 * "Layout").
 */
export function encodeBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text, or null when `encoded` is not base64url of valid UTF-8. */
export function decodeBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return null;
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The JSON value base64url `encoded` (at most `maxLength` characters) holds, or undefined when it holds none. */
export function decodeBase64UrlJson(encoded: string, maxLength: number): unknown {
  if (encoded.length === 0 || encoded.length > maxLength) return undefined;
  const text = decodeBase64Url(encoded);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
