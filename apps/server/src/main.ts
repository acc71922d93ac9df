import { loadConfig } from './config.ts';
import { startServer } from './server.ts';

// The only place that reads process.env: config.ts parses it, everything else receives `config`.
startServer(loadConfig(process.env)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
