import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, PageQuery } from '@kangyang/contracts/common';
import {
  BankAccountBody,
  BankAccountDto,
  BankAccountParams,
  ElderLedgerDto,
  LedgerEntryDto,
  PaymentResultsBody,
  PaymentResultsResponse,
  ReverseBody,
  RunBody,
  RunDto,
  RunListQuery,
  RunPage,
} from '@kangyang/contracts/ledger';
import type { Services } from '@kangyang/services';
import { MAX_RESULTS_SHEET_BYTES, parseResultsSheet } from '@kangyang/services/ledger/results-sheet';
import { actorOf } from '../plugins/auth.ts';
import { sendWorkbook, XLSX_TYPE } from './exports.routes.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];
const tags = ['ledger'];

/** SUB-8: a results sheet sent as the raw .xlsx body becomes `{ results }` before validation and the idempotency claim. */
async function resultsFromSheet(request: FastifyRequest): Promise<void> {
  if (Buffer.isBuffer(request.body)) request.body = { results: await parseResultsSheet(request.body) };
}

/** SUB-2, SUB-8: runs and their approval (money effects: Idempotency-Key required, API-4). */
function registerRunRoutes(app: App, services: Services): void {
  app.post(
    '/api/ledger/runs',
    {
      config: { permission: 'ledger:run', idempotency: 'required' },
      schema: { tags, body: RunBody, response: { 200: RunDto, 201: RunDto } },
    },
    async (request, reply) => {
      const run = await services.ledger.startRun(actorOf(request), request.body, request.idempotency);
      return reply.code(run.created ? 201 : 200).send(run);
    },
  );

  app.get(
    '/api/ledger/runs',
    { config: { permission: 'ledger:read' }, schema: { tags, querystring: RunListQuery, response: { 200: RunPage } } },
    async (request) => services.ledger.listRuns(actorOf(request), request.query),
  );

  app.get(
    '/api/ledger/runs/:id',
    { config: { permission: 'ledger:read' }, schema: { tags, params: IdParams, response: { 200: RunDto } } },
    async (request) => services.ledger.getRun(actorOf(request), request.params.id),
  );

  app.post(
    '/api/ledger/runs/:id/approve',
    {
      config: { permission: 'ledger:approve', idempotency: 'required' },
      schema: { tags, params: IdParams, response: { 200: RunDto } },
    },
    async (request) => services.ledger.approveRun(actorOf(request), request.params.id, request.idempotency),
  );
}

/** SUB-8: the batch for finance as .xlsx, and the bank's results back (JSON, or the returned sheet). */
function registerBatchRoutes(app: App, services: Services): void {
  app.get(
    '/api/ledger/runs/:id/batch.xlsx',
    { config: { permission: 'ledger:read' }, schema: { tags, params: IdParams, produces: [XLSX_TYPE] } },
    async (request, reply) => {
      const file = await services.ledger.exportBatch(actorOf(request), request.params.id);
      return sendWorkbook(reply, { fileName: file.fileName, stream: Readable.from([file.body]) });
    },
  );

  app.post(
    '/api/ledger/runs/:id/results',
    {
      config: { permission: 'ledger:finance', idempotency: 'required' },
      preValidation: resultsFromSheet,
      schema: {
        tags,
        consumes: ['application/json', XLSX_TYPE],
        params: IdParams,
        body: PaymentResultsBody,
        response: { 200: PaymentResultsResponse },
      },
    },
    async (request) =>
      services.ledger.importResults(actorOf(request), request.params.id, request.body.results, request.idempotency),
  );

  app.put(
    '/api/ledger/bank-accounts/:payeeKind/:payeeId',
    {
      config: { permission: 'ledger:finance' },
      schema: { tags, params: BankAccountParams, body: BankAccountBody, response: { 200: BankAccountDto } },
    },
    async (request) =>
      services.ledger.setBankAccount(
        actorOf(request),
        { kind: request.params.payeeKind, id: request.params.payeeId },
        request.body,
      ),
  );
}

/** REL-2, SUB-10: corrections by reversal, and one elder's ledger. */
function registerEntryRoutes(app: App, services: Services): void {
  app.post(
    '/api/ledger/entries/:id/reverse',
    {
      config: { permission: 'ledger:approve', idempotency: 'required' },
      schema: { tags, params: IdParams, body: ReverseBody, response: { 201: LedgerEntryDto } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const entry = await services.ledger.reverseEntry(
        actor,
        request.params.id,
        request.body.reason,
        request.idempotency,
      );
      return reply.code(201).send(entry);
    },
  );

  app.get(
    '/api/elders/:id/ledger',
    {
      config: { permission: 'ledger:read' },
      schema: { tags, params: IdParams, querystring: PageQuery, response: { 200: ElderLedgerDto } },
    },
    async (request) => services.ledger.elderLedger(actorOf(request), request.params.id, request.query),
  );
}

/** SUB-1…SUB-3, SUB-8: monthly runs, approval, the finance batch, bank results, an elder's ledger, corrections. */
export const ledgerRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const limits = { parseAs: 'buffer' as const, bodyLimit: MAX_RESULTS_SHEET_BYTES };
  app.addContentTypeParser(XLSX_TYPE, limits, (_request, body, done) => done(null, body));
  registerRunRoutes(app, services);
  registerBatchRoutes(app, services);
  registerEntryRoutes(app, services);
};
