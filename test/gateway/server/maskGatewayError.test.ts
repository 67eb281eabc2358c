import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError } from '../../../gateway/server/maskGatewayError.ts';

describe('maskGatewayError', () => {
  const logged: Array<Record<string, unknown>> = [];
  const mask = maskGatewayError((event) => logged.push(event));

  it('keeps a bureau error\'s code, city and path but drops the internal subgraph name and stack', () => {
    const masked = mask({
      message: 'Bureau 510900 did not answer within 500 ms.',
      path: ['stations'],
      extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'timeout', serviceName: 'cities', stacktrace: ['at x'] },
    });
    expect(masked).toEqual({
      message: 'Bureau 510900 did not answer within 500 ms.',
      path: ['stations'],
      extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'timeout' },
    });
  });

  it('replaces an internal error without a bureau by "Unexpected error." and logs the detail', () => {
    const masked = mask({ message: 'Cannot read properties of undefined', extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'region' } });
    expect(masked).toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(logged.at(-1)).toMatchObject({ level: 'error', detail: 'Cannot read properties of undefined' });
  });

  it('keeps the message of a client error Apollo raised without a code (HTTP 4xx) and gives it one', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(mask({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error))
      .toEqual({ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } });
  });

  it('still masks a crash wrapped in a GraphQLError, whatever its status', () => {
    const error = new GraphQLError('boom', { originalError: new TypeError('boom'), extensions: { http: { status: 400 } } });
    expect(mask({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error))
      .toEqual({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
