import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PHOTO_CONTENT_TYPES, PhotoUploadDto, VisitPhotoParams } from '@kangyang/contracts/home-care';
import type { Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const BASE = '/api/home-care';
/** Above the service's 2 MB limit, so a slightly larger photo gets the named HC_PHOTO_TOO_LARGE error. */
const PHOTO_BODY_LIMIT = 3 * 1024 * 1024;

/**
 * HCS-6 visit photos: the caregiver's phone uploads the raw image (Content-Type image/jpeg, image/png or
 * image/webp) under its client photo id, then syncs the `photo` action with the returned photoRef.
 */
export const homeCarePhotoRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['home-care'];
  const hc = services.homeCare;
  const limits = { parseAs: 'buffer' as const, bodyLimit: PHOTO_BODY_LIMIT };
  app.addContentTypeParser([...PHOTO_CONTENT_TYPES], limits, (_request, body, done) => done(null, body));

  app.put(
    `${BASE}/my/visits/:visitId/photos/:photoId`,
    {
      config: { permission: 'visit:own' },
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: { tags, params: VisitPhotoParams, consumes: [...PHOTO_CONTENT_TYPES], response: { 200: PhotoUploadDto } },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const target = { ...request.params, contentType: request.headers['content-type'] ?? '' };
      return hc.uploadPhoto(actorOf(request), target, body);
    },
  );
  app.get(
    `${BASE}/visits/:visitId/photos/:photoId`,
    {
      config: { permission: 'order:read' },
      schema: { tags, params: VisitPhotoParams, produces: [...PHOTO_CONTENT_TYPES] },
    },
    async (request, reply) => {
      const photo = await hc.readPhoto(actorOf(request), request.params.visitId, request.params.photoId);
      return reply
        .header('content-type', photo.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(photo.data);
    },
  );
};
