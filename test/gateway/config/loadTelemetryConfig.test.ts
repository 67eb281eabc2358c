/** ECOGRAPH_OTEL_ENDPOINT and ECOGRAPH_OTEL_SERVICE_NAME: off unless set, an http(s) URL, messages naming the key. */
import { describe, expect, it } from 'vitest';
import { GatewayConfigError, loadTelemetryConfig } from '../../../gateway/config/loadGatewayConfig.ts';

describe('loadTelemetryConfig', () => {
  it('is off (null) when ECOGRAPH_OTEL_ENDPOINT is unset or empty, whatever the standard OTEL_* variables say', () => {
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_EXPORTER: 'otlp' };
    expect(loadTelemetryConfig({ ...otel })).toBeNull();
    expect(loadTelemetryConfig({ ...otel, ECOGRAPH_OTEL_ENDPOINT: '' })).toBeNull();
  });

  it('takes the endpoint as given, with the default service name ecograph-gateway', () => {
    expect(loadTelemetryConfig({ ECOGRAPH_OTEL_ENDPOINT: 'http://otel-collector:4318/v1/traces' }))
      .toEqual({ endpoint: 'http://otel-collector:4318/v1/traces', serviceName: 'ecograph-gateway' });
    expect(loadTelemetryConfig({ ECOGRAPH_OTEL_ENDPOINT: 'https://10.0.0.5/otlp/v1/traces', ECOGRAPH_OTEL_SERVICE_NAME: 'gateway-a' }))
      .toEqual({ endpoint: 'https://10.0.0.5/otlp/v1/traces', serviceName: 'gateway-a' });
  });

  it.each(['otel-collector:4318', 'grpc://otel-collector:4317', 'file:///tmp/spans', 'not a url', 'http://'])(
    'refuses %j with a message naming ECOGRAPH_OTEL_ENDPOINT', (endpoint) => {
      expect(() => loadTelemetryConfig({ ECOGRAPH_OTEL_ENDPOINT: endpoint })).toThrow(GatewayConfigError);
      expect(() => loadTelemetryConfig({ ECOGRAPH_OTEL_ENDPOINT: endpoint })).toThrow(/ECOGRAPH_OTEL_ENDPOINT must be the http\(s\) URL/);
    });

  it('refuses an empty ECOGRAPH_OTEL_SERVICE_NAME, naming it', () => {
    expect(() => loadTelemetryConfig({ ECOGRAPH_OTEL_ENDPOINT: 'http://127.0.0.1:4318/v1/traces', ECOGRAPH_OTEL_SERVICE_NAME: ' ' }))
      .toThrow(/ECOGRAPH_OTEL_SERVICE_NAME must not be empty/);
  });
});
