// Entry of the import row worker (row-worker-client.ts): worker threads do not inherit the
// process's TypeScript loader on Node 20, so this registers tsx in the thread, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./row-worker.ts');
