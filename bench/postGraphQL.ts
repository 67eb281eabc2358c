/** One GraphQL POST, the way the load generator sends it (JSON body, JSON content type for CSRF). */

export interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ readonly message: string; readonly extensions?: Record<string, unknown> }>;
}

export function requestBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

/** `headers`: a gateway token when the bench calls a bureau directly (BenchTrust.headersFor). */
export async function postGraphQL(url: string, body: string, headers: Readonly<Record<string, string>> = {}): Promise<{ status: number; body: GraphQLBody }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as GraphQLBody };
}
