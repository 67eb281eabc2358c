/**
 * The public schema with the gateway's subscriptions: a GatewayInterface around the gateway that
 * hands Apollo Server the API schema extended with schema/live.graphql (so introspection and the
 * IDE show `Subscription`), and keeps that schema for the subscription transports, which validate and
 * execute against it. Queries are untouched: Apollo's gateway plans with its own schema, and the
 * extension only adds types and the Subscription root. Apollo's gateway answers introspection from
 * its own schema too, so the root `__schema` and `__type` fields of a query are answered again here
 * from the public one. Subscription operations sent to POST /graphql are refused by
 * refuseSubscriptionsOverPost.
 */
import { readFileSync } from 'node:fs';
import type {
  GatewayExecutionResult,
  GatewayExecutor,
  GatewayGraphQLRequestContext,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { Kind, execute, extendSchema, parse, type DocumentNode, type FieldNode, type GraphQLSchema } from 'graphql';
import { WrappedGateway } from '../request/WrappedGateway.ts';

const LIVE_SDL = new URL('../../schema/live.graphql', import.meta.url);

export function loadLiveSdl(): DocumentNode {
  return parse(readFileSync(LIVE_SDL, 'utf8'));
}

export class LiveSchemaGateway extends WrappedGateway {
  #schema: GraphQLSchema | null = null;
  readonly #extended = new WeakMap<GraphQLSchema, GraphQLSchema>();

  constructor(inner: GatewayInterface, private readonly live: DocumentNode = loadLiveSdl()) {
    super(inner);
  }

  /** The public schema as last loaded (null before the gateway has loaded one). */
  get schema(): GraphQLSchema | null {
    return this.#schema;
  }

  override onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((context) => {
      // Two instances of one schema: Apollo Server wraps every field resolver of the schema it is given
      // (its plugins' willResolveField), and those wrappers would call graphql-js's default resolver in
      // place of the subscriptions' own (liveFieldResolver). The subscriptions keep an unwrapped one.
      this.#schema = extendSchema(context.apiSchema, this.live);
      callback({ ...context, apiSchema: this.extend(context.apiSchema) });
    });
  }

  protected wrap(inner: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => withPublicIntrospection(requestContext, await inner(requestContext));
  }

  private extend(apiSchema: GraphQLSchema): GraphQLSchema {
    let extended = this.#extended.get(apiSchema);
    if (!extended) {
      extended = extendSchema(apiSchema, this.live);
      this.#extended.set(apiSchema, extended);
    }
    return extended;
  }
}

/** The query's root `__schema` / `__type` fields, answered from the public schema (the rest as the gateway answered). */
function withPublicIntrospection(requestContext: GatewayGraphQLRequestContext, result: GatewayExecutionResult): GatewayExecutionResult {
  const { operation, document, schema } = requestContext;
  const introspection = operation?.operation === 'query'
    ? operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type'))
    : [];
  if (!operation || introspection.length === 0 || !result.data) return result;
  const local = execute({
    schema,
    document: { ...document, definitions: [{ ...operation, selectionSet: { ...operation.selectionSet, selections: introspection } }, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
    variableValues: requestContext.request.variables ?? {},
  });
  if ('then' in local || !local.data) return result;
  const data: Record<string, unknown> = { ...result.data };
  for (const field of introspection) {
    const key = (field.alias ?? field.name).value;
    data[key] = local.data[key];
  }
  return { ...result, data };
}
