/**
 * Reads one JSON config file and validates it against a zod schema, once, at startup. The error
 * names the file and every wrong key, e.g. `gateway/registry.json: "cities.2.url": must be an http(s) URL`.
 * Shared by the subgraphs' and the gateway's config loaders.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export function readJsonConfig<S extends z.ZodType>(path: string, schema: S, fail: (message: string) => Error): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw fail(`${path}: cannot read it as JSON (${(error as Error).message}).`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `"${i.path.join('.') || '(root)'}": ${i.message}`);
    throw fail(`${path}: ${problems.join('; ')}`);
  }
  return result.data;
}
