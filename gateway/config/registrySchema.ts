/**
 * The city registry file (gateway/registry.json by default): which bureaus the gateway joins, where
 * they answer, and their deadlines. Validated on every load; unknown keys are refused.
 */
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const timeoutMs = z.number().int().min(50).max(60_000); // per-bureau deadline; below the client's

export const registryEntrySchema = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'),
  name: z.string().min(1),
  url: httpUrl,
  /** @default true */
  enabled: z.boolean().default(true),
  /** @default registry `defaults.timeoutMs` */
  timeoutMs: timeoutMs.optional(),
  /** @default the url with /graphql replaced by /health */
  healthUrl: httpUrl.optional(),
});

export const registrySchema = z
  .strictObject({
    region: z.strictObject({ url: httpUrl, timeoutMs: timeoutMs.optional() }),
    defaults: z.strictObject({ timeoutMs: timeoutMs.default(3_000) }).default({ timeoutMs: 3_000 }),
    cities: z.array(registryEntrySchema).min(1, 'list at least one bureau'),
  })
  .superRefine((registry, ctx) => {
    const seen = new Set<string>();
    registry.cities.forEach((city, i) => {
      if (seen.has(city.code)) ctx.addIssue({ code: 'custom', path: ['cities', i, 'code'], message: `bureau ${city.code} is listed twice` });
      seen.add(city.code);
    });
  });

export type RegistryFile = z.infer<typeof registrySchema>;

export interface CityEntry {
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly healthUrl: string;
  readonly enabled: boolean;
  readonly timeoutMs: number;
}

export interface Registry {
  readonly region: { readonly url: string; readonly timeoutMs: number };
  readonly cities: readonly CityEntry[];
}

/** Fills defaults so the rest of the gateway never looks at optional settings. */
export function resolveRegistry(file: RegistryFile): Registry {
  return Object.freeze({
    region: Object.freeze({ url: file.region.url, timeoutMs: file.region.timeoutMs ?? file.defaults.timeoutMs }),
    cities: Object.freeze(file.cities.map((c) => Object.freeze({
      code: c.code,
      name: c.name,
      url: c.url,
      healthUrl: c.healthUrl ?? c.url.replace(/\/graphql\/?$/, '/health'),
      enabled: c.enabled,
      timeoutMs: c.timeoutMs ?? file.defaults.timeoutMs,
    }))),
  });
}
