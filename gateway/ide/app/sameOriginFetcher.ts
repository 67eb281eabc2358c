/**
 * GraphiQL's fetcher: every operation, introspection included, goes to this origin's `/graphql` by
 * POST with `content-type: application/json`. Apollo Server's CSRF prevention accepts that (a JSON
 * content type is not a "simple" request), and it never puts a query (or a token) in a URL.
 * The headers editor's headers go along; comments in it are stripped by GraphiQL (JSONC).
 */
import type { GraphiQLProps } from 'graphiql';

export const GRAPHQL_PATH = '/graphql';

export const sameOriginFetcher: GraphiQLProps['fetcher'] = async (params, options) => {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/graphql-response+json, application/json', ...options?.headers, 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page, say: show it rather than a JSON parse error.
    return { errors: [{ message: `HTTP ${response.status} from ${GRAPHQL_PATH}, not GraphQL JSON: ${text.slice(0, 500)}` }] };
  }
};
