import { describe, expect, it } from 'vitest';
import { copyParsedJson } from '../../../gateway/transport/copyParsedJson.ts';

const PAGE = `{"data":{"enforcementCases":{"totalCount":200,"edges":[
  {"cursor":"YQ==","node":{"caseNumber":"遂环罚〔2026〕101号","cityCode":"510900","filedAt":"2026-11-10","fine":1.5e4,"closed":false,"notes":null}},
  {"cursor":"Yg==","node":{"caseNumber":"遂环罚〔2026〕102号","cityCode":"510900","filedAt":"2026-11-11","fine":0,"closed":true,"notes":["a",["b"]]}}
],"pageInfo":{"hasNextPage":true,"endCursor":"Yg=="}}},"errors":[{"message":"x","path":["a",0],"extensions":{"code":"C"}}]}`;

describe('copyParsedJson', () => {
  it('copies a parsed answer exactly as a JSON round trip would: same text, same key order, no object shared', () => {
    const parsed: unknown = JSON.parse(PAGE);
    const copy = copyParsedJson(parsed);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect(copy).toEqual(JSON.parse(JSON.stringify(parsed)));
    const nodeOf = (v: unknown) => (v as { data: { enforcementCases: { edges: { node: Record<string, unknown> }[] } } }).data.enforcementCases.edges[0]!.node;
    expect(nodeOf(copy)).not.toBe(nodeOf(parsed));
    nodeOf(copy).merged = 'by a later fetch';
    expect(nodeOf(parsed)).not.toHaveProperty('merged');
  });

  it('keeps integer-like keys and the order JSON.parse gave', () => {
    const parsed: unknown = JSON.parse('{"b":1,"2":2,"a":3,"1":4}');
    expect(Object.keys(copyParsedJson(parsed) as object)).toEqual(Object.keys(parsed as object));
  });

  it('keeps a "__proto__" key as plain data, as JSON.parse does, and never sets the prototype', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"id":"1"}') as Record<string, unknown>;
    const copy = copyParsedJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'id']);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).not.toBe(parsed['__proto__']);
  });

  it('returns scalars and null as they are', () => {
    for (const value of ['s', 0, 1.5, true, false, null]) expect(copyParsedJson(value)).toBe(value);
  });
});
