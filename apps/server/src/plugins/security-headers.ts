import type { FastifyInstance } from 'fastify';

/** API-7 headers on every reply; API replies are never cached (ENC-4). */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('Referrer-Policy', 'no-referrer');
    void reply.header('X-Frame-Options', 'DENY');
    const isDocs = request.url.startsWith('/api/docs');
    const csp = isDocs
      ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
      : "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    void reply.header('Content-Security-Policy', csp);
    if (request.url.startsWith('/api')) void reply.header('Cache-Control', 'no-store');
    if (options.hsts) void reply.header('Strict-Transport-Security', 'max-age=31536000');
    return payload;
  });
}
