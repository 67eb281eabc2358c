/** `npm run seed [-- --force]`: generate the embedded stores now (npm start does it on first run). */
import { ConfigError } from '../../subgraphs/config/loadSubgraphConfig.ts';
import { ensureSeeded } from './ensureSeeded.ts';

try {
  const { generated } = await ensureSeeded({ progress: process.stdout, force: process.argv.includes('--force') });
  if (generated.length === 0) console.log('Every store is already seeded; pass --force to regenerate.');
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
