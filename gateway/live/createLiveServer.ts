/**
 * The gateway's subscriptions, put together: the subscribe resolver over the EventHub and the
 * registry's state changes, the fanout that lets identical subscriptions share one execution per
 * event (and holds the per-caller cap), the preparer (limits and validation as for queries),
 * and the two transports — graphql-sse at /graphql/stream and graphql-ws on upgrades of /graphql —
 * which the HTTP edge routes here (`streamRoutes`, `upgrades`). `close()` ends every open stream and
 * socket, before the edge drains.
 */
import type { GraphQLSchema } from 'graphql';
import type { ShardingPolicy } from '../../schema/shardingPolicies.ts';
import type { StreamRoute, UpgradeHandler } from '../../schema/http/serveApollo.ts';
import type { EventHub } from '../events/EventHub.ts';
import type { OperationLimits } from '../limits/OperationLimits.ts';
import type { CityStatusChange } from '../registry/CityRegistry.ts';
import { createLivePreparer } from './createLivePreparer.ts';
import { createLiveSubscribe } from './createLiveSubscribe.ts';
import { createSseHandler } from './createSseHandler.ts';
import { createSubscriptionFanout, type FanoutFigures } from './createSubscriptionFanout.ts';
import { createWsServer } from './createWsServer.ts';
import type { OpenLiveContext, RunGraphQuery } from './LiveContext.ts';
import { SSE_PATH } from './refuseSubscriptionsOverPost.ts';
import { SubscriptionQuota } from './SubscriptionQuota.ts';

export interface LiveServerOptions {
  readonly hub: EventHub;
  readonly schema: () => GraphQLSchema | null;
  readonly open: OpenLiveContext;
  readonly runGraphQuery: RunGraphQuery;
  readonly watchCityStatus: (listener: (change: CityStatusChange) => void) => () => void;
  /** Subscriptions one caller may have open on this replica (ECOGRAPH_MAX_SUBSCRIPTIONS_PER_CALLER). */
  readonly maxSubscriptionsPerCaller: number;
  readonly limits: OperationLimits;
  readonly policies: ReadonlyMap<string, ShardingPolicy>;
  readonly broadcastFields: ReadonlySet<string>;
  readonly servedCities: () => readonly string[];
  readonly log: (event: Record<string, unknown>) => void;
}

export interface LiveServer {
  readonly streamRoutes: Readonly<Record<string, StreamRoute>>;
  readonly upgrades: Readonly<Record<string, UpgradeHandler>>;
  /** Open subscriptions and the source streams they share (gateway_live_subscriptions, gateway_live_source_streams). */
  figures(): FanoutFigures;
  close(): Promise<void>;
}

export function createLiveServer(options: LiveServerOptions): LiveServer {
  const subscribeFieldResolver = createLiveSubscribe({
    hub: options.hub,
    runGraphQuery: options.runGraphQuery,
    watchCityStatus: options.watchCityStatus,
  });
  const fanout = createSubscriptionFanout({ quota: new SubscriptionQuota(options.maxSubscriptionsPerCaller) });
  const { subscribe } = fanout;
  const prepare = createLivePreparer({
    schema: options.schema,
    limits: options.limits,
    policies: options.policies,
    broadcastFields: options.broadcastFields,
    servedCities: options.servedCities,
    subscribeFieldResolver,
  });
  const streams = new Set<() => void>();
  const sse = createSseHandler({ open: options.open, prepare, subscribe, log: options.log, streams });
  const ws = createWsServer({ open: options.open, prepare, subscribe, log: options.log });
  return {
    streamRoutes: { [SSE_PATH]: sse },
    upgrades: { '/graphql': (req, socket, head) => ws.handleUpgrade(req, socket, head) },
    figures: fanout.figures,
    async close() {
      for (const end of [...streams]) end();
      await ws.close();
    },
  };
}
