import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '@kangyang/contracts/common';
import { ScoreAssessmentBody, ScoreAssessmentResponse } from '@kangyang/contracts/assessment';
import {
  AgencyCreateBody,
  AgencyDto,
  AssessmentDto,
  AssessmentListQuery,
  AssessmentPage,
  AssessorCreateBody,
  AssignBody,
  CapabilityDto,
  CapabilityQuery,
  DueListDto,
  DueListQuery,
  ElderAssessmentHistory,
  NoteBody,
  OpenDueTasksBody,
  OpenDueTasksResponse,
  ReturnBody,
  SaveAnswersBody,
  TaskCreateBody,
  TriggerBody,
  TriggerResponse,
  WorkloadDto,
  WorkloadQuery,
} from '@kangyang/contracts/assessment-workflow';
import { AppError, type Services } from '@kangyang/services';
import { actorOf } from '../plugins/auth.ts';

const IfMatch = z.object({ 'if-match': z.string().optional() });

/** API-5: every step of a task names the version it was shown (`If-Match: "<version>"`). */
function expectedVersion(header: string | undefined): number {
  if (!header) throw new AppError('VERSION_REQUIRED');
  const version = Number(header.replace(/^W\//, '').replace(/"/g, ''));
  if (!Number.isSafeInteger(version) || version < 1) throw new AppError('VERSION_REQUIRED');
  return version;
}

/**
 * Capability assessment (assessment.md §3, §9): scoring, agencies, tasks and their steps, views and
 * the PDF report. Routes marked `authenticated` are read by officials, assessors and agencies alike;
 * the service requires one of the assessment permissions and applies the scope (AZ-2).
 */ export const assessmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  registerScoringAndAgencies(app, services);
  registerTasks(app, services);
  registerViews(app, services);
  registerEditSteps(app, services);
  registerReviewSteps(app, services);
};

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['assessments'];

function registerScoringAndAgencies(app: App, services: Services): void {
  const assessments = services.assessments;
  app.post(
    '/api/assessments/score',
    {
      config: { permission: 'assessment:score' },
      schema: { tags, body: ScoreAssessmentBody, response: { 200: ScoreAssessmentResponse } },
    },
    async (request) => {
      const scored = await assessments.score(request.body);
      return { ...scored, reasons: [...scored.reasons] };
    },
  );

  app.get(
    '/api/assessment-agencies',
    { config: { permission: 'assessment:read' }, schema: { tags, response: { 200: z.array(AgencyDto) } } },
    async (request) => assessments.agencies.list(actorOf(request)),
  );

  app.post(
    '/api/assessment-agencies',
    {
      config: { permission: 'assessment:assign', idempotency: 'optional' },
      schema: { tags, body: AgencyCreateBody, response: { 201: AgencyDto } },
    },
    async (request, reply) => reply.code(201).send(await assessments.agencies.create(actorOf(request), request.body)),
  );

  app.post(
    '/api/assessment-agencies/:id/assessors',
    {
      config: { permission: 'assessment:assign', idempotency: 'optional' },
      schema: { tags, params: IdParams, body: AssessorCreateBody, response: { 201: AgencyDto } },
    },
    async (request, reply) =>
      reply.code(201).send(await assessments.agencies.addAssessor(actorOf(request), request.params.id, request.body)),
  );
}

function registerTasks(app: App, services: Services): void {
  const assessments = services.assessments;
  app.post(
    '/api/assessments',
    {
      config: { permission: 'assessment:assign', idempotency: 'optional' },
      schema: { tags, body: TaskCreateBody, response: { 201: AssessmentDto } },
    },
    async (request, reply) => {
      const created = await assessments.create(actorOf(request), request.body);
      return reply.code(201).header('ETag', `"${created.version}"`).send(created);
    },
  );

  app.post(
    '/api/assessments/triggers',
    {
      config: { permission: 'assessment:assign', idempotency: 'optional' },
      schema: { tags, body: TriggerBody, response: { 200: TriggerResponse, 201: TriggerResponse } },
    },
    async (request, reply) => {
      const { created, assessment } = await assessments.trigger(actorOf(request), request.body);
      return reply.code(created ? 201 : 200).send({ created, assessment });
    },
  );

  app.post(
    '/api/assessments/due/open-tasks',
    {
      config: { permission: 'assessment:assign' },
      schema: { tags, body: OpenDueTasksBody, response: { 200: OpenDueTasksResponse } },
    },
    async (request) => assessments.openDueTasks(actorOf(request), request.body),
  );

  app.get(
    '/api/assessments',
    {
      config: { permission: 'authenticated' },
      schema: { tags, querystring: AssessmentListQuery, response: { 200: AssessmentPage } },
    },
    async (request) => assessments.list(actorOf(request), request.query),
  );
}

function registerViews(app: App, services: Services): void {
  const assessments = services.assessments;
  app.get(
    '/api/assessments/due',
    {
      config: { permission: 'assessment:read' },
      schema: { tags, querystring: DueListQuery, response: { 200: DueListDto } },
    },
    async (request) => assessments.dueList(actorOf(request), request.query),
  );

  app.get(
    '/api/assessments/workload',
    {
      config: { permission: 'assessment:read' },
      schema: { tags, querystring: WorkloadQuery, response: { 200: WorkloadDto } },
    },
    async (request) => assessments.workload(actorOf(request), request.query),
  );

  app.get(
    '/api/assessments/:id',
    { config: { permission: 'authenticated' }, schema: { tags, params: IdParams, response: { 200: AssessmentDto } } },
    async (request, reply) => {
      const found = await assessments.get(actorOf(request), request.params.id);
      return reply.header('ETag', `"${found.version}"`).send(found);
    },
  );

  app.get(
    '/api/assessments/:id/report.pdf',
    { config: { permission: 'authenticated' }, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { pdf, fileName } = await assessments.report(actorOf(request), request.params.id);
      return reply.type('application/pdf').header('Content-Disposition', `inline; filename="${fileName}"`).send(pdf);
    },
  );

  app.get(
    '/api/elders/:id/assessments',
    {
      config: { permission: 'assessment:read' },
      schema: { tags, params: IdParams, response: { 200: ElderAssessmentHistory } },
    },
    async (request) => assessments.elderHistory(actorOf(request), request.params.id),
  );

  app.get(
    '/api/elders/:id/capability',
    {
      config: { permission: 'elder:read' },
      schema: { tags, params: IdParams, querystring: CapabilityQuery, response: { 200: CapabilityDto } },
    },
    async (request) => assessments.capability(actorOf(request), request.params.id, request.query.instrument),
  );
}

const versionOf = (headers: { 'if-match'?: string | undefined }) => expectedVersion(headers['if-match']);

/** The agency's and assessors' steps: each names the version (If-Match) and answers the new state with its ETag. */
function registerEditSteps(app: App, services: Services): void {
  const assessments = services.assessments;

  app.put(
    '/api/assessments/:id/assessors',
    {
      config: { permission: 'authenticated' },
      schema: { tags, params: IdParams, headers: IfMatch, body: AssignBody, response: { 200: AssessmentDto } },
    },
    async (request, reply) => {
      const dto = await assessments.assign(
        actorOf(request),
        request.params.id,
        versionOf(request.headers),
        request.body,
      );
      return reply.header('ETag', `"${dto.version}"`).send(dto);
    },
  );

  app.put(
    '/api/assessments/:id/answers',
    {
      config: { permission: 'assessment:write' },
      schema: { tags, params: IdParams, headers: IfMatch, body: SaveAnswersBody, response: { 200: AssessmentDto } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const dto = await assessments.saveAnswers(actor, request.params.id, versionOf(request.headers), request.body);
      return reply.header('ETag', `"${dto.version}"`).send(dto);
    },
  );

  for (const action of ['sign', 'submit', 'reopen'] as const) {
    app.post(
      `/api/assessments/:id/${action}`,
      {
        config: { permission: 'assessment:write' },
        schema: { tags, params: IdParams, headers: IfMatch, body: NoteBody, response: { 200: AssessmentDto } },
      },
      async (request, reply) => {
        const dto = await assessments[action](actorOf(request), request.params.id, versionOf(request.headers));
        return reply.header('ETag', `"${dto.version}"`).send(dto);
      },
    );
  }
}

/** The district reviewer's steps (ASM-5). */
function registerReviewSteps(app: App, services: Services): void {
  const assessments = services.assessments;

  app.post(
    '/api/assessments/:id/return',
    {
      config: { permission: 'assessment:approve' },
      schema: { tags, params: IdParams, headers: IfMatch, body: ReturnBody, response: { 200: AssessmentDto } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = versionOf(request.headers);
      const dto = await assessments.returnTask(actor, request.params.id, version, request.body.reason);
      return reply.header('ETag', `"${dto.version}"`).send(dto);
    },
  );

  app.post(
    '/api/assessments/:id/approve',
    {
      config: { permission: 'assessment:approve' },
      schema: { tags, params: IdParams, headers: IfMatch, body: NoteBody, response: { 200: AssessmentDto } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = versionOf(request.headers);
      const dto = await assessments.approve(actor, request.params.id, version, request.body?.note);
      return reply.header('ETag', `"${dto.version}"`).send(dto);
    },
  );
}
