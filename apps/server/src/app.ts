import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyMultipart from '@fastify/multipart';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Services } from '@kangyang/services';
import { registerAuth } from './plugins/auth.ts';
import { registerErrorHandling, sendError } from './plugins/errors.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerIdempotency } from './plugins/idempotency.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { elderRoutes } from './routes/elders.routes.ts';
import { regionRoutes } from './routes/regions.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { profileRoutes } from './routes/profiles.routes.ts';
import { eligibilityRoutes } from './routes/eligibility.routes.ts';
import { applicationRoutes } from './routes/applications.routes.ts';
import { importRoutes } from './routes/imports.routes.ts';
import { exportRoutes } from './routes/exports.routes.ts';
import { ledgerRoutes } from './routes/ledger.routes.ts';
import { workerRoutes } from './routes/workers.routes.ts';
import { assessmentRoutes } from './routes/assessments.routes.ts';
import { mealRoutes } from './routes/meals.routes.ts';
import { mealDeliveryRoutes } from './routes/meal-deliveries.routes.ts';
import { coverageRoutes } from './routes/coverage.routes.ts';
import { complaintRoutes } from './routes/complaints.routes.ts';
import { indicatorRoutes } from './routes/indicators.routes.ts';
import { dashboardDrillRoutes } from './routes/dashboard-drill.routes.ts';
import { facilityRoutes } from './routes/facilities.routes.ts';
import { homeCareRoutes } from './routes/home-care.routes.ts';
import { carePlanRoutes } from './routes/care-plans.routes.ts';
import { selfServiceRoutes } from './routes/self-service.routes.ts';

export type AppOptions = {
  services: Services;
  logLevel?: string;
  webDist?: string | undefined;
  trustProxy?: boolean;
  secureCookie?: boolean;
  isDraining?: () => boolean;
  /** MLP-12: serve TLS directly when a certificate and key are configured. */
  https?: { cert: Buffer; key: Buffer } | undefined;
  /** Sees every route as it is registered (the AZ-2 route-table test walks them). */
  onRoute?: (route: RouteOptions) => void;
};

const BODY_LIMIT = 1024 * 1024; // API-2: JSON bodies up to 1 MiB
const UPLOAD_LIMIT = 100 * 1024 * 1024; // API-2: uploads up to 100 MiB, streamed

/** Builds the Fastify app (never listens): tests use `app.inject`, main.ts listens. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => randomUUID(),
    ...(options.https ? { https: options.https } : {}),
  }).withTypeProvider<ZodTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerSecurityHeaders(app, { hsts: options.secureCookie ?? false });
  registerAuth(app, services);
  registerIdempotency(app, services);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Kangyang API', description: '康养服务平台接口', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const isDraining = options.isDraining ?? (() => false);
  await app.register(healthRoutes, { isDraining });
  await app.register(authRoutes, { services, secureCookie: options.secureCookie ?? false });
  await app.register(elderRoutes, { services });
  await app.register(regionRoutes, { services });
  await app.register(auditRoutes, { services });
  await app.register(profileRoutes, { services });
  await app.register(eligibilityRoutes, { services });
  await app.register(applicationRoutes, { services });
  await app.register(assessmentRoutes, { services });
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: 10 } });
  await app.register(importRoutes, { services });
  await app.register(exportRoutes, { services });
  await app.register(ledgerRoutes, { services });
  await app.register(workerRoutes, { services });
  await app.register(mealRoutes, { services });
  await app.register(mealDeliveryRoutes, { services });
  await app.register(coverageRoutes, { services });
  await app.register(complaintRoutes, { services });
  await app.register(indicatorRoutes, { services });
  await app.register(dashboardDrillRoutes, { services });
  await app.register(facilityRoutes, { services });
  await app.register(homeCareRoutes, { services });
  await app.register(carePlanRoutes, { services });
  await app.register(selfServiceRoutes, { services });
  await registerWeb(app, options.webDist);
  return app;
}

/** Serves the built web app at `/` with a single-page fallback; `/api` stays JSON. */
async function registerWeb(app: FastifyInstance, webDist: string | undefined): Promise<void> {
  const root = webDist ? resolve(webDist) : undefined;
  const hasWeb = root !== undefined && existsSync(resolve(root, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api'))
      return reply.type('text/html').sendFile('index.html');
    return sendError(request, reply, 'NOT_FOUND');
  });
}
