/**
 * A GatewayInterface around another that changes only how requests execute: schema updates, loading
 * and stopping go to the inner gateway; a subclass wraps the executor the inner one loads. The
 * gateway's layers around Apollo's (field access, the public schema, the known-operation path) are
 * each one of these.
 */
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewayLoadResult,
  GatewaySchemaLoadOrUpdateCallback,
  GatewayUnsubscriber,
} from '@apollo/server-gateway-interface';

export abstract class WrappedGateway implements GatewayInterface {
  constructor(protected readonly inner: GatewayInterface) {}

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): GatewayUnsubscriber {
    return this.inner.onSchemaLoadOrUpdate(callback);
  }

  async load(options: Parameters<GatewayInterface['load']>[0]): Promise<GatewayLoadResult> {
    const { executor } = await this.inner.load(options);
    return { executor: executor && this.wrap(executor) };
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** The executor Apollo Server runs, around the inner gateway's. */
  protected abstract wrap(inner: GatewayExecutor): GatewayExecutor;
}
