/**
 * The EventHub of a gateway that follows no bureau's events yet: every subscription stays open and
 * quiet (bureauStatusChanged still works: it follows the registry). createGateway uses it until it is
 * given a real hub (gateway/events/).
 */
import type { EventHub } from '../events/EventHub.ts';

export const NO_EVENT_HUB: EventHub = Object.freeze({
  subscribe: () => ({ close: () => {} }),
  head: () => ({}),
  status: () => [],
  close: async () => {},
});
