import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { restoreLimitCode } from '../../../gateway/limits/restoreLimitCode.ts';

describe('restoreLimitCode', () => {
  it('pins the message graphql-js aborts with at the token limit (the only way to recognise it)', () => {
    expect(() => parse('{ a b c d e }', { maxTokens: 4 })).toThrow(/^Syntax Error: Document contains more that 4 tokens\. Parsing aborted\.$/); // sic
  });

  it('turns the token limit, wrapped by Apollo as a parse failure, into QUERY_TOO_LARGE', async () => {
    const apollo = new ApolloServer({
      schema: buildSchema('type Query { a: Int b: Int c: Int }'),
      parseOptions: { maxTokens: 4 },
      formatError: restoreLimitCode,
    });
    const response = await apollo.executeOperation({ query: '{ a b c }' });
    expect(response.http.status).toBe(400);
    expect(response.body.kind === 'single' && response.body.singleResult.errors).toEqual([{
      message: 'The document has more than 4 tokens; the limit is 4. Parsing stopped there.',
      extensions: { code: 'QUERY_TOO_LARGE', max: 4, measured: 5 },
    }]);
    await apollo.stop();
  });

  it('turns a parser stack overflow (thousands of nesting levels) into QUERY_TOO_DEEP', async () => {
    const apollo = new ApolloServer({ schema: buildSchema('type Query { a: Int }'), formatError: restoreLimitCode });
    const response = await apollo.executeOperation({ query: `{ ${'a { '.repeat(20_000)}b${' }'.repeat(20_000)} }` });
    expect(response.http.status).toBe(400);
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');
    await apollo.stop();
  });

  it('leaves every other error as formatted', () => {
    const formatted = { message: 'x', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(restoreLimitCode(formatted, new GraphQLError('x', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }))).toBe(formatted);
    expect(restoreLimitCode(formatted, new Error('x'))).toBe(formatted);
  });
});
