/** Process entry of the gateway: `tsx gateway/server/gateway.main.ts` (npm start runs it). */
import { GatewayConfigError, loadGatewayConfig } from '../config/loadGatewayConfig.ts';
import { createGateway } from './createGateway.ts';
import { createGatewayLogger } from './createGatewayLogger.ts';

const EXIT_SETUP_FAILED = 78;
const log = createGatewayLogger();

try {
  const gateway = await createGateway(loadGatewayConfig(), log);
  console.log(`gateway ready at ${gateway.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await gateway.close();
    await log.flush(); // the log is written in batches: its last lines too, before the process ends
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} catch (error) {
  console.error(error instanceof GatewayConfigError || error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(EXIT_SETUP_FAILED);
}
