import { configFromEnvironment } from './config.ts';
import { startServer } from './server.ts';

// config.ts reads and checks the environment once; everything else receives `config`.
startServer(configFromEnvironment()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
