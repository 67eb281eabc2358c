/**
 * The IDE's saved examples are real operations of the gateway's public schema: each one, with the
 * variables its tab opens with, validates against the API schema of the supergraph the gateway
 * composes (same composition code, same API-schema derivation as @apollo/gateway) extended with the
 * gateway's subscriptions (schema/live.graphql), as the gateway serves it.
 */
import { Supergraph } from '@apollo/federation-internals';
import { extendSchema, getVariableValues, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../../gateway/composition/composeSupergraph.ts';
import { loadLiveSdl } from '../../../gateway/live/LiveSchemaGateway.ts';
import { HEADERS_TEMPLATE, ideExamples, lastFullMonth } from '../../../gateway/ide/app/examples.ts';
import { loadContract, loadRegion } from '../../../schema/loadContract.ts';

let schema: GraphQLSchema;

beforeAll(() => {
  const sdl = composeSupergraph({ typeDefs: loadRegion(), url: 'http://region.invalid/graphql' }, loadContract());
  // supportedFeatures null: the API schema does not depend on which security features (@authenticated,
  // @requiresScopes) a runtime enforces, only on what is inaccessible.
  // Plus the gateway's subscriptions, as LiveSchemaGateway serves them (the 实时报警 tab is one).
  schema = extendSchema(Supergraph.build(sdl, { supportedFeatures: null }).apiSchema().toGraphQLJSSchema(), loadLiveSdl());
});

const examples = ideExamples(new Date('2026-11-20T10:00:00+08:00'));

describe('the saved examples', () => {
  it('are the questions analysts ask and the two cooperation writes, the cross-border sections first', () => {
    expect(examples.map((e) => e.title)).toEqual([
      '跨界断面水质达标情况',
      '某企业在各地的执法案件',
      '事故点附近的应急物资',
      '各地重大项目及环评进展',
      '实时报警',
      '突发环境事件与通报',
      '报告突发环境事件',
      '签收通报',
    ]);
    expect(examples[0]!.operationName).toBe('CrossBorderSections');
    expect(examples[0]!.variables).toEqual({ period: '2026-10' });
  });

  it('make 实时报警 a live subscription (alarmRaised), run over WebSocket by the IDE', () => {
    const live = examples.find((e) => e.title === '实时报警')!;
    const operation = parse(live.query).definitions[0] as OperationDefinitionNode;
    expect(operation.operation).toBe('subscription');
    expect(live.query).toContain('alarmRaised(');
  });

  it.each(examples.map((e) => [e.title, e] as const))('%s is a valid operation of the public schema, with valid variables', (_title, example) => {
    const document = parse(example.query);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(operations.map((o) => o.name?.value)).toEqual([example.operationName]);
    const coerced = getVariableValues(schema, operations[0]!.variableDefinitions ?? [], example.variables);
    expect(coerced.errors?.map((e) => e.message)).toBeUndefined();
    // The tab title (and so the operation name) is ASCII; the Chinese title heads the query text.
    expect(example.query.split('\n')[0]).toContain(example.title);
  });

  it('fail validation when they ask for a field the schema lacks (the check can fail)', () => {
    expect(validate(schema, parse('{ sections(crossBorderOnly: true) { notAField } }'))).not.toEqual([]);
  });
});

describe('lastFullMonth', () => {
  it('names the previous month in China Standard Time, across the year boundary', () => {
    expect(lastFullMonth(new Date('2026-11-20T10:00:00+08:00'))).toBe('2026-10');
    expect(lastFullMonth(new Date('2026-01-15T00:00:00+08:00'))).toBe('2025-12');
    // 2026-02-01 00:30 in Beijing is still January in UTC: China Standard Time decides.
    expect(lastFullMonth(new Date('2026-01-31T16:30:00Z'))).toBe('2026-01');
  });
});

describe('the headers template', () => {
  it('says how to get a token and sends no header until one is pasted', () => {
    expect(HEADERS_TEMPLATE).toContain('npm run -s token -- --bureau 500152 --scope "cases:read emergency:read emergency:contacts"');
    expect(HEADERS_TEMPLATE).toContain('// "Authorization": "Bearer <token>"');
    const withoutComments = HEADERS_TEMPLATE.replace(/^\s*\/\/.*$/gm, '');
    expect(JSON.parse(withoutComments)).toEqual({});
  });
});
