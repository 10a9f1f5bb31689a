import { createLogger } from '../shared/runtime/logger';
import { runMain } from '../shared/runtime/main';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

const logger = createLogger('gateway');
runMain(logger, async () => {
  const config = loadGatewayConfig();
  const gateway = await createGateway(config, { logger });
  await gateway.start(config.port, config.host);
  return () => gateway.stop();
});
