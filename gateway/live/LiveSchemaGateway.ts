/**
 * The public schema with the gateway's subscriptions: a GatewayInterface around the gateway that
 * hands Apollo Server the API schema extended with schema/live.graphql (so introspection and the
 * IDE show `Subscription`), and keeps that schema for the subscription transports, which validate and
 * execute against it. Queries are untouched: Apollo's gateway plans with its own schema, and the
 * extension only adds types and the Subscription root. Subscription operations sent to POST
 * /graphql are refused by refuseSubscriptionsOverPost.
 */
import { readFileSync } from 'node:fs';
import type {
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';
import { extendSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql';

const LIVE_SDL = new URL('../../schema/live.graphql', import.meta.url);

export function loadLiveSdl(): DocumentNode {
  return parse(readFileSync(LIVE_SDL, 'utf8'));
}

export class LiveSchemaGateway implements GatewayInterface {
  #schema: GraphQLSchema | null = null;
  readonly #extended = new WeakMap<GraphQLSchema, GraphQLSchema>();

  constructor(private readonly inner: GatewayInterface, private readonly live: DocumentNode = loadLiveSdl()) {}

  /** The public schema as last loaded (null before the gateway has loaded one). */
  get schema(): GraphQLSchema | null {
    return this.#schema;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate((context) => {
      const apiSchema = this.extend(context.apiSchema);
      this.#schema = apiSchema;
      callback({ ...context, apiSchema });
    });
  }

  load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    return this.inner.load(options);
  }

  stop(): Promise<void> {
    return this.inner.stop();
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
