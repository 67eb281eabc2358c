/**
 * `npm run token -- --bureau 500152 --scope "cases:internal emergency:contacts" [--jurisdiction "500152 510900"]
 * [--sub name] [--ttl 3600]`: prints a caller token signed by the development issuer (the one `npm
 * start` trusts), and nothing else on stdout, so `TOKEN=$(npm run -s token -- …)` works. Refused in
 * production mode: there, tokens come from the real issuer. Exit 2 on any refusal or bad argument.
 */
import { parseArgs } from 'node:util';
import { ACCESS_SCOPE_NAMES } from '../../schema/accessPolicies.ts';
import { listBureauCodes } from '../../subgraphs/config/listBureauCodes.ts';
import { dataDir } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { GatewayConfigError, readGatewayMode } from '../../gateway/config/loadGatewayConfig.ts';
import { devIssuerExists, ensureDevIssuer, signDevToken } from './devIssuer.ts';

const EXIT_REFUSED = 2;
const MAX_TTL_S = 24 * 3_600;

class UsageError extends Error {}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        bureau: { type: 'string' },
        scope: { type: 'string' },
        jurisdiction: { type: 'string' },
        sub: { type: 'string' },
        ttl: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  // Explicit production: refused. Unset (a production default for the gateway): only where `npm
  // start` has already created the development issuer, i.e. on a developer's machine.
  const mode = readGatewayMode();
  if (mode === 'production') {
    throw new UsageError('ECOGRAPH_MODE is production: development tokens are refused there. Get a token from your issuer.');
  }
  if (mode === null && !devIssuerExists(dataDir())) {
    throw new UsageError(`No development issuer in ${dataDir()}/keys: run \`npm start\` once (it creates one), or set ECOGRAPH_MODE=development.`);
  }
  const bureaus = new Set(listBureauCodes());
  const bureau = values['bureau'];
  if (bureau !== undefined && !bureaus.has(bureau)) {
    throw new UsageError(`--bureau ${JSON.stringify(bureau)} is not a bureau of this federation (${[...bureaus].join(', ')}).`);
  }
  const scopes = (values['scope'] ?? '').split(/\s+/).filter((s) => s.length > 0);
  const unknownScopes = scopes.filter((s) => !ACCESS_SCOPE_NAMES.includes(s));
  if (unknownScopes.length > 0) {
    throw new UsageError(`--scope: unknown ${unknownScopes.map((s) => JSON.stringify(s)).join(', ')}; the scopes are ${ACCESS_SCOPE_NAMES.join(', ')}.`);
  }
  let jurisdiction: string[] | undefined;
  if (values['jurisdiction'] !== undefined) {
    jurisdiction = values['jurisdiction'].split(/[\s,]+/).filter((s) => s.length > 0);
    const unknown = jurisdiction.filter((code) => !bureaus.has(code));
    if (unknown.length > 0) throw new UsageError(`--jurisdiction: ${unknown.join(', ')} is not a bureau of this federation (${[...bureaus].join(', ')}).`);
  }
  const ttl = Number(values['ttl'] ?? 3_600);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_S) throw new UsageError(`--ttl must be whole seconds from 1 to ${MAX_TTL_S}, got ${JSON.stringify(values['ttl'])}.`);
  const sub = values['sub'] ?? `dev-${bureau ?? 'partner'}`;
  if (sub.length === 0 || sub.length > 256) throw new UsageError('--sub must be 1 to 256 characters.');

  const files = await ensureDevIssuer(dataDir());
  const token = await signDevToken(files, { sub, bureau, scope: [...new Set(scopes)].join(' '), jurisdiction }, ttl);
  console.log(token);
  console.error(`Signed by the development issuer (${files.jwksPath}); sub=${sub}` +
    `${bureau ? ` bureau=${bureau}` : ''} scope="${scopes.join(' ')}"${jurisdiction ? ` jurisdiction="${jurisdiction.join(' ')}"` : ''}; expires in ${ttl} s.`);
}

const USAGE = 'Usage: npm run token -- [--bureau <code>] [--scope "<scope> …"] [--jurisdiction "<code> …"] [--sub <name>] [--ttl <seconds>]';

try {
  await main();
} catch (error) {
  if (error instanceof UsageError || error instanceof GatewayConfigError) {
    console.error(error.message);
    process.exit(EXIT_REFUSED);
  }
  throw error;
}
