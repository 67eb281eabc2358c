/** A gateway registry file (gateway/config/registrySchema.ts) for a subset of the bureaus. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeRegistry(dir: string, name: string, regionUrl: string, bureaus: ReadonlyArray<{ code: string; url: string }>): string {
  const path = join(dir, `registry-${name}.json`);
  const registry = {
    region: { url: regionUrl },
    defaults: { timeoutMs: 3000 },
    cities: bureaus.map(({ code, url }) => ({ code, name: `bureau ${code}`, url })),
  };
  writeFileSync(path, `${JSON.stringify(registry, null, 2)}\n`);
  return path;
}
