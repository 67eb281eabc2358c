/** What the known-operation path may reuse: only what Apollo resolved under the schema it serves now. */
import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { KnownOperations } from '../../../gateway/known-operations/KnownOperations.ts';

const schema = buildSchema('type Query { a: Int b: Int }');
const next = buildSchema('type Query { a: Int }');
const text = 'query A { a } query B { b }';
const document = parse(text);
const resolved = (name: string) => ({ document, queryHash: 'hash', operation: getOperationAST(document, name)! });

describe('KnownOperations', () => {
  it('finds an operation by its exact text and operation name, and nothing else', () => {
    const known = new KnownOperations();
    known.useSchema(schema);
    known.record(text, 'A', schema, resolved('A'));
    expect(known.find(text, 'A')).toMatchObject({ schema, queryHash: 'hash', operation: { name: { value: 'A' } } });
    expect(known.find(text, 'B')).toBeUndefined();
    expect(known.find(`${text} `, 'A')).toBeUndefined();
    expect(known.find(text, null)).toBeUndefined();
  });

  it('forgets every document when Apollo loads another schema, and refuses what was resolved under an older one', () => {
    const known = new KnownOperations();
    known.useSchema(schema);
    known.record(text, 'A', schema, resolved('A'));
    known.useSchema(next);
    expect(known.find(text, 'A')).toBeUndefined();
    known.record(text, 'B', schema, resolved('B')); // a request still running under the old schema
    expect(known.find(text, 'B')).toBeUndefined();
  });

  it('records nothing before Apollo has loaded a schema', () => {
    const known = new KnownOperations();
    known.record(text, 'A', schema, resolved('A'));
    expect(known.find(text, 'A')).toBeUndefined();
  });
});
