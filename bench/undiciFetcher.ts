/**
 * The `fetcher` a user gives Apollo's RemoteGraphQLDataSource to leave its default (make-fetch-happen
 * over node-fetch) for undici's `request`: the cheapest HTTP client Node has, with keep-alive pools
 * per origin. The answer is read whole and handed back as the small part of the Fetch API that
 * RemoteGraphQLDataSource reads (`ok`, `status`, `headers.get`, `json`, `text`).
 */
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { request } from 'undici';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;
type FetcherHeaders = FetcherResponse['headers'];

export const undiciFetcher: Fetcher = async (url, init = {}) => {
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET' | 'POST',
    headers: init.headers ?? {},
    body: init.body ?? null,
    signal: init.signal as AbortSignal | undefined,
  });
  const text = await res.body.text();
  return fetcherResponse(url, res.statusCode, headersOf(res.headers), text);
};

function fetcherResponse(url: string, status: number, headers: FetcherHeaders, text: string): FetcherResponse {
  const response: FetcherResponse = {
    bodyUsed: false,
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText: '',
    headers,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
    clone: () => fetcherResponse(url, status, headers, text),
  };
  return response;
}

function headersOf(raw: Record<string, string | string[] | undefined>): FetcherHeaders {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
