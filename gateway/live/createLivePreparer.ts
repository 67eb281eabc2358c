/**
 * Turns one subscription request (graphql-sse or graphql-ws: `query`, `variables`,
 * `operationName`) into graphql-js `subscribe` arguments, with the same refusals as a query gets
 * over POST /graphql and the same codes: the token limit while parsing (QUERY_TOO_LARGE), the
 * structural caps before the spec's rules (createOperationLimitsRule), the spec's validation
 * (GRAPHQL_VALIDATION_FAILED), the variables (BAD_USER_INPUT) and the cost estimate for the
 * caller's jurisdiction (QUERY_TOO_COMPLEX). Only subscription operations are served here
 * (BAD_REQUEST otherwise: queries and mutations go to POST /graphql).
 */
import {
  GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate,
  type DocumentNode, type ExecutionArgs, type GraphQLFieldResolver, type GraphQLSchema,
} from 'graphql';
import { ERRORS } from '../../schema/errors.ts';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import { createOperationLimitsRule } from '../limits/createOperationLimitsRule.ts';
import { estimateCost } from '../limits/estimateCost.ts';
import { knownOperationTypesRule } from '../limits/knownOperationTypesRule.ts';
import type { OperationLimits } from '../limits/OperationLimits.ts';
import { restoreLimitCode } from '../limits/restoreLimitCode.ts';
import { liveFieldResolver } from './graphData.ts';
import type { LiveContext } from './LiveContext.ts';

export interface LiveRequest {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

export type LivePreparation =
  | { readonly ok: true; readonly args: ExecutionArgs }
  | { readonly ok: false; readonly errors: readonly GraphQLError[] };

export interface LivePreparerOptions {
  /** The public schema with Subscription (LiveSchemaGateway.schema); null before it is loaded. */
  readonly schema: () => GraphQLSchema | null;
  readonly limits: OperationLimits;
  readonly policies: ReadonlyMap<string, ShardingPolicy>;
  readonly broadcastFields: ReadonlySet<string>;
  readonly servedCities: () => readonly string[];
  readonly subscribeFieldResolver: GraphQLFieldResolver<unknown, LiveContext>;
}

export type LivePreparer = (request: LiveRequest, context: LiveContext) => LivePreparation;

export function createLivePreparer(options: LivePreparerOptions): LivePreparer {
  const { limits } = options;
  const rules = [...specifiedRules, createOperationLimitsRule(limits), knownOperationTypesRule];
  // Validation depends on the document only: cached per schema and document text, as Apollo does.
  const validated = new WeakMap<GraphQLSchema, Map<string, readonly GraphQLError[]>>();
  const refuse = (...errors: GraphQLError[]): LivePreparation => ({ ok: false, errors });
  return ({ query, variables, operationName }, context) => {
    const schema = options.schema();
    if (schema === null) return refuse(ERRORS.INTERNAL_SERVER_ERROR.err('The gateway has not loaded its schema yet; try again shortly.'));
    if (typeof query !== 'string' || query.trim() === '') return refuse(ERRORS.BAD_REQUEST.err('The request has no "query" (a GraphQL document).'));
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return refuse(ERRORS.BAD_REQUEST.err('"variables" must be an object.'));
    }
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
      return refuse(ERRORS.BAD_REQUEST.err('"operationName" must be a string.'));
    }
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: limits.maxTokens });
    } catch (error) {
      return refuse(parseRefusal(error));
    }
    let cache = validated.get(schema);
    if (!cache) validated.set(schema, (cache = new Map()));
    let errors = cache.get(query);
    if (!errors) {
      errors = validate(schema, document, rules).map(codedValidationError);
      if (cache.size > 1_000) cache.clear();
      cache.set(query, errors);
    }
    if (errors.length > 0) return refuse(...errors);
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) {
      return refuse(ERRORS.BAD_REQUEST.err(typeof operationName === 'string'
        ? `Unknown operation named "${operationName}".`
        : 'Must provide operation name if query contains multiple operations.'));
    }
    if (operation.operation !== 'subscription') {
      return refuse(ERRORS.BAD_REQUEST.err(`Only subscriptions are served here; send ${operation.operation === 'query' ? 'queries' : 'mutations'} by POST to /graphql.`));
    }
    const inputs = (variables ?? {}) as Record<string, unknown>;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 10 });
    if (coerced.errors) return refuse(...coerced.errors.map((e) => ERRORS.BAD_USER_INPUT.err(e.message)));
    const jurisdiction = context.caller.jurisdiction;
    const served = options.servedCities();
    const reached = new Set(jurisdiction ? served.filter((code) => jurisdiction.has(code)) : served);
    const cost = estimateCost(document, schema, options.policies, reached, {
      operationName: operationName ?? null, variables: inputs, listSize: limits.listSize, broadcastFields: options.broadcastFields,
    });
    if (cost > limits.maxCost) {
      return refuse(ERRORS.QUERY_TOO_COMPLEX.err(
        `The operation's estimated cost per event is ${cost}; the limit is ${limits.maxCost}. Select less under each event.`,
        { extensions: { max: limits.maxCost, measured: cost } },
      ));
    }
    return {
      ok: true,
      args: {
        schema, document, operationName: operationName ?? undefined, variableValues: inputs, contextValue: context,
        fieldResolver: liveFieldResolver, subscribeFieldResolver: options.subscribeFieldResolver,
      },
    };
  };
}

/** A syntax error as Apollo codes it over POST (GRAPHQL_PARSE_FAILED; the token limit QUERY_TOO_LARGE, a runaway nesting QUERY_TOO_DEEP). */
function parseRefusal(error: unknown): GraphQLError {
  const wrapped = error instanceof GraphQLError
    ? new GraphQLError(error.message, { originalError: error, extensions: { code: ERRORS.GRAPHQL_PARSE_FAILED.code } })
    : new GraphQLError('Syntax Error: the document could not be parsed.', { originalError: error as Error, extensions: { code: ERRORS.GRAPHQL_PARSE_FAILED.code } });
  const formatted = restoreLimitCode({ message: wrapped.message, extensions: wrapped.extensions }, wrapped);
  return new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} });
}

/** Our rules' refusals keep their codes; the spec's rules get Apollo's GRAPHQL_VALIDATION_FAILED. */
function codedValidationError(error: GraphQLError): GraphQLError {
  if (typeof error.extensions['code'] === 'string') return error;
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: ERRORS.GRAPHQL_VALIDATION_FAILED.code } });
}
