/**
 * The gateway's routes for the situation board (态势一张图): the page at `/board` and its hashed
 * assets under `/board/assets/`, from gateway/board/dist, with the IDE's Content-Security-Policy and
 * headers (serveIde.ts says why each relaxation is needed; ECharts draws on a canvas and needs none more).
 */
import { builtAppRoutes, type IdeRoutes } from '../ide/serveIde.ts';
import { BOARD_BASE, BOARD_DIST_DIR } from './buildBoard.ts';

export const BOARD_PAGE_PATHS = ['/board'] as const;
export const BOARD_ASSETS_PREFIX = `${BOARD_BASE}assets/`;

const NOT_BUILT =
  'The situation board is not built. Run `npm run build:board` (npm install and npm start also build it), then reload.\n' +
  '态势一张图尚未构建：请运行 npm run build:board（npm install 和 npm start 也会构建），然后刷新页面。\n';

export function boardRoutes(distDir: string = BOARD_DIST_DIR): IdeRoutes {
  return builtAppRoutes({ distDir, pagePaths: BOARD_PAGE_PATHS, assetsPrefix: BOARD_ASSETS_PREFIX, notBuilt: NOT_BUILT });
}
