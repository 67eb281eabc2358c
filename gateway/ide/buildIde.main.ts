/**
 * `npm run build:ide` (and `postinstall`): builds the analysts' IDE unless it is up to date;
 * `--force` rebuilds anyway. Prints one line.
 */
import { buildIde } from './buildIde.ts';

try {
  const result = await buildIde({ force: process.argv.includes('--force') });
  console.log(result.summary);
} catch (error) {
  console.error(`Could not build the analysts' IDE: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
