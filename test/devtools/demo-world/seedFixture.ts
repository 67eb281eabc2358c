/** One world per test file (generation is pure, so sharing it between tests is safe). */
import { generateWorld, type World } from '../../../devtools/demo-world/generateWorld.ts';

/** End of the readings period: a whole hour, CST. */
export const UNTIL = Date.parse('2025-06-30T12:00:00+08:00');

let cached: World | undefined;

/** The default world (seed 'chengyu-ecograph', scale 1, 90 days). */
export function defaultWorld(): World {
  cached ??= generateWorld({ until: UNTIL });
  return cached;
}
