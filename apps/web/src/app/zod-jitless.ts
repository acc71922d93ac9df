import { z } from 'zod';

// CSP is `default-src 'self'` without 'unsafe-eval'. zod compiles object parsers with `new Function`
// when it may, and probes for that while schemas are being built: switch it off before any schema
// module loads (main.tsx imports this file first), so the browser reports no CSP violation.
z.config({ jitless: true });
