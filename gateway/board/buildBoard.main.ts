/**
 * `npm run build:board` (and `postinstall`): builds the situation board unless it is up to date;
 * `--force` rebuilds anyway. Prints one line.
 */
import { buildBoard } from './buildBoard.ts';

try {
  const result = await buildBoard({ force: process.argv.includes('--force') });
  console.log(result.summary);
} catch (error) {
  console.error(`Could not build the situation board: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
