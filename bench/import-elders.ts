import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ElderCreateBody } from '@kangyang/contracts/elder';
import {
  createServices,
  openDatabase,
  systemActor,
  systemClock,
  testKeyring,
  uuidv7,
  type Actor,
  type Services,
} from '@kangyang/services';
import { upsertRegions } from '@kangyang/services/regions/region.repo';
import { ELDER_CSV_HEADER, elderCsvLine } from '@kangyang/services/imports/elder-csv';
import { createRowChecker } from '@kangyang/services/imports/row-checker';
import { produceBatches } from '@kangyang/services/imports/row-source';
import {
  emptyRegistry,
  freshBaselineTable,
  insertBaselineRows,
  serverVersion,
} from '@kangyang/services/imports/import-baseline.repo';
import { ageBandsOn, syntheticElder, type Community } from '@kangyang/services/generator/elders';
import { createIdSequencer } from '@kangyang/services/generator/id-sequencer';
import { boxOf, outerRingOf } from '@kangyang/services/generator/polygon';
import { createRng } from '@kangyang/services/generator/rng';
import { DEFAULT_AS_OF, GENERATOR_VERSION, SCALES } from '@kangyang/services/generator/scales';
import { rotate, round } from './lib/ab.ts';
import { commitOf, machineFacts, ownPeakRssMiB } from './lib/machine.ts';
import { missedTargets, resultPath, writeResult, type BenchResult, type Metric } from './lib/results.ts';

/**
 * `npm run bench -- import-elders [--scale 200k|toy] [--seed N] [--rounds N]` (issue 3 item 10, scale.md §4):
 * end-to-end imports through the import service (parse, validate, encrypt, blind index, insert,
 * audit, progress) of a 200,000-row CSV with 1 % bad rows and of the demo set, each against a raw
 * `unnest` INSERT of the same rows, prepared beforehand, into a fresh table shaped like `elders` in
 * the same PGlite database. Rounds alternate A B A B; each side reports its median.
 */
type Plan = { fileRows: number; demoRows: number; rounds: number; badEvery: number };
const PLANS: Readonly<Record<string, Plan>> = {
  '200k': { fileRows: 200_000, demoRows: SCALES.demo.elders, rounds: 3, badEvery: 100 },
  toy: { fileRows: 2_000, demoRows: SCALES.toy.elders, rounds: 1, badEvery: 100 },
};
const DEFAULT_SCALE = '200k';
const BASELINE_TABLE = 'bench_raw_elders';
const log = (line: string) => process.stderr.write(`[import-elders] ${line}\n`);

function communitiesOf(): Community[] {
  const scale = SCALES.demo;
  return scale
    .regions()
    .filter((region) => region.level === 'community' && region.code.startsWith(scale.regionPrefix))
    .flatMap((region) => {
      const ring = outerRingOf(region.boundary);
      if (!ring) return [];
      return [
        {
          code: region.code,
          name: region.name,
          ring,
          box: boxOf(ring),
          hukou: scale.householdsOf(region.code),
          idAddressOf: scale.idAddressOf,
          phoneBlock: scale.phoneBlock,
        },
      ];
    });
}

/** 1 % bad rows, deterministic: each a different rule (checksum, phone, region, duplicate in file, name). */
function corrupt(body: ElderCreateBody, serial: number, previous: ElderCreateBody | undefined): ElderCreateBody {
  const kind = Math.floor(serial / 100) % 5;
  if (kind === 0)
    return { ...body, idNumber: `${body.idNumber.slice(0, 17)}${body.idNumber.endsWith('0') ? '1' : '0'}` };
  if (kind === 1) return { ...body, phone: '1234567' };
  if (kind === 2) return { ...body, residenceRegionCode: '330102999999' };
  if (kind === 3) return { ...body, idNumber: previous?.idNumber ?? body.idNumber };
  return { ...body, name: '张3' };
}

/** Writes a template CSV of `rows` synthetic elders (the generator's rows); every `badEvery`-th row broken. */
async function writeCsv(path: string, rows: number, seed: number, badEvery: number | undefined): Promise<number> {
  const communities = communitiesOf();
  const rng = createRng(seed);
  const context = { serial: 0, asOf: DEFAULT_AS_OF, ids: createIdSequencer(), ageBands: ageBandsOn(DEFAULT_AS_OF) };
  const out = createWriteStream(path);
  out.write(ELDER_CSV_HEADER);
  let bad = 0;
  let previous: ElderCreateBody | undefined;
  let chunk = '';
  for (let serial = 0; serial < rows; serial += 1) {
    const community = communities[serial % communities.length];
    if (!community) throw new Error('no communities');
    context.serial = serial;
    const body = syntheticElder(rng, community, context);
    const broken = badEvery !== undefined && serial % badEvery === badEvery / 2;
    chunk += elderCsvLine(broken ? corrupt(body, serial, previous) : body);
    if (broken) bad += 1;
    previous = body;
    if (chunk.length > 1 << 20 && !out.write(chunk)) await once(out, 'drain');
    if (chunk.length > 1 << 20) chunk = '';
  }
  out.end(chunk);
  await once(out, 'finish');
  return bad;
}

type ImportRun = {
  seconds: number;
  insertedRows: number;
  existingRows: number;
  invalidRows: number;
  totalRows: number;
};

/**
 * Ours, timed from upload to completion. Direct (as `kangyang import elders FILE` runs it): one pass
 * that validates, records bad rows and inserts the rest. With preview (the web wizard): a validation
 * pass, then confirm, then the import pass.
 */
async function importOnce(services: Services, actor: Actor, file: string, direct: boolean): Promise<ImportRun> {
  const started = performance.now();
  const uploaded = await services.imports.upload(actor, {
    fileName: basename(file),
    source: createReadStream(file),
    direct,
  });
  await services.imports.idle();
  if (!direct) {
    await services.imports.confirm(actor, uploaded.id, { mode: 'validRowsOnly' });
    await services.imports.idle();
  }
  const job = await services.imports.get(actor, uploaded.id);
  const seconds = (performance.now() - started) / 1000;
  if (job.status !== 'completed') throw new Error(`import ended ${job.status}: ${job.failure ?? ''}`);
  return {
    seconds,
    insertedRows: job.insertedRows,
    existingRows: job.existingRows,
    invalidRows: job.invalidRows,
    totalRows: job.totalRows,
  };
}

/** Baseline: the same file's valid rows, checked and encrypted untimed, then only the INSERT statements timed. */
async function rawInsertOnce(services: Services, file: string): Promise<{ seconds: number; rows: number }> {
  const db = services.database.db;
  await freshBaselineTable(db, BASELINE_TABLE);
  const checker = createRowChecker({ db, scopes: [''] });
  const options = {
    path: file,
    format: 'csv' as const,
    pass: 'import' as const,
    today: DEFAULT_AS_OF,
    batchRows: 2000,
    skipThrough: 0,
    createdBy: null,
    importJobId: uuidv7(),
  };
  const now = new Date();
  let insertMs = 0;
  let rows = 0;
  for await (const batch of produceBatches(options, services.cipher)) {
    await checker.check(batch.rows);
    const prepared = batch.rows.flatMap((row) => (row.valid && row.insert ? [row.insert] : []));
    const started = performance.now();
    await insertBaselineRows(db, BASELINE_TABLE, prepared, now);
    insertMs += performance.now() - started;
    rows += prepared.length;
  }
  return { seconds: insertMs / 1000, rows };
}

type Measured = { direct: number; raw: number; preview: number; last: ImportRun; rawRows: number; timings: string[] };

/** Rounds of direct import, raw INSERT and preview import, rotating (A B C A B C …); medians per side. */
async function measure(
  services: Services,
  actor: Actor,
  file: string,
  rounds: number,
  label: string,
): Promise<Measured> {
  let last: ImportRun | undefined;
  let rawRows = 0;
  const timings: string[] = [];
  const ours = (direct: boolean) => async (index: number) => {
    await emptyRegistry(services.database);
    const run = await importOnce(services, actor, file, direct);
    const spent = services.imports.timings();
    timings.push(
      `${direct ? 'direct' : 'preview'}: ${JSON.stringify(Object.fromEntries(Object.entries(spent).map(([key, value]) => [key, Math.round(value)])))}`,
    );
    log(
      `${label} round ${index + 1}: ${direct ? 'direct' : 'preview'} import of ${run.totalRows} rows in ${run.seconds.toFixed(1)} s (${run.insertedRows} inserted, ${run.invalidRows} invalid; worker batches ${spent.workerBatches}/${spent.batches})`,
    );
    if (direct) last = run;
    return run.seconds;
  };
  const raw = async (index: number) => {
    const result = await rawInsertOnce(services, file);
    rawRows = result.rows;
    log(`${label} round ${index + 1}: raw INSERT of ${result.rows} rows in ${result.seconds.toFixed(1)} s`);
    return result.seconds;
  };
  const { medians } = await rotate(rounds, [ours(true), raw, ours(false)]);
  if (!last) throw new Error('no round ran');
  return {
    direct: medians[0] ?? Number.NaN,
    raw: medians[1] ?? Number.NaN,
    preview: medians[2] ?? Number.NaN,
    last,
    rawRows,
    timings,
  };
}

function metricsOf(file: Measured, demo: Measured, rerun: ImportRun, plan: Plan, peakRss: number): Metric[] {
  const rate = (rows: number, seconds: number) => rows / seconds;
  const raw = rate(file.rawRows, file.raw);
  const direct = rate(file.last.insertedRows, file.direct);
  const preview = rate(file.last.insertedRows, file.preview);
  const demoRaw = rate(demo.rawRows, demo.raw);
  const rawBaseline = (value: number) => ({
    name: 'raw unnest INSERT of the same rows, prepared beforehand, into a fresh elders-shaped table in the same database',
    value: Math.round(value),
    unit: 'rows/s',
  });
  return [
    { name: 'importRate200k', value: Math.round(plan.fileRows / file.direct), unit: 'rows/s' },
    {
      name: 'importRateVsRawInsert',
      value: round(direct / raw, 3),
      unit: 'x',
      ratio: round(direct / raw, 3),
      baseline: rawBaseline(raw),
      target: { op: '>=', value: 0.3 },
    },
    { name: 'importSeconds200k', value: round(file.direct, 2), unit: 's' },
    { name: 'rawInsertSeconds200k', value: round(file.raw, 2), unit: 's' },
    { name: 'previewImportSeconds200k', value: round(file.preview, 2), unit: 's' },
    {
      name: 'previewImportRateVsRawInsert',
      value: round(preview / raw, 3),
      unit: 'x',
      ratio: round(preview / raw, 3),
      baseline: rawBaseline(raw),
    },
    {
      name: 'badRowsReported200k',
      value: file.last.invalidRows,
      unit: 'rows',
      target: { op: '>=', value: Math.floor(plan.fileRows / plan.badEvery) },
    },
    { name: 'reimportInsertedRows200k', value: rerun.insertedRows, unit: 'rows', target: { op: '<=', value: 0 } },
    { name: 'reimportSeconds200k', value: round(rerun.seconds, 2), unit: 's' },
    { name: 'demoImportSeconds', value: round(demo.direct, 2), unit: 's' },
    {
      name: 'demoImportRateVsRawInsert',
      value: round(rate(demo.last.insertedRows, demo.direct) / demoRaw, 3),
      unit: 'x',
      ratio: round(rate(demo.last.insertedRows, demo.direct) / demoRaw, 3),
      baseline: rawBaseline(demoRaw),
    },
    { name: 'peakRssMiB', value: Math.round(peakRss), unit: 'MiB', target: { op: '<=', value: 1536 } },
  ];
}

export async function runImportElders(argv: readonly string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: DEFAULT_SCALE },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string' },
    },
  });
  const scale = values.scale ?? DEFAULT_SCALE;
  const base = PLANS[scale];
  if (!base) throw new Error(`unknown scale ${scale} (one of ${Object.keys(PLANS).join(', ')})`);
  const plan = { ...base, rounds: values.rounds ? Number(values.rounds) : base.rounds };
  const seed = Number(values.seed ?? '1');
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  const work = mkdtempSync(join(tmpdir(), 'kangyang-bench-import-'));
  const generating = performance.now();
  const file = join(work, `elders-${plan.fileRows}.csv`);
  const badRows = await writeCsv(file, plan.fileRows, seed, plan.badEvery);
  const demoFile = join(work, 'elders-demo.csv');
  await writeCsv(demoFile, plan.demoRows, seed, undefined);
  const generateSeconds = (performance.now() - generating) / 1000;
  log(
    `generated ${plan.fileRows} rows (${badRows} bad) and ${plan.demoRows} demo rows in ${generateSeconds.toFixed(1)} s`,
  );
  const database = await openDatabase({ dataDir: join(work, 'db') });
  try {
    const services = createServices({
      database,
      keyring: testKeyring(),
      clock: systemClock,
      importsDir: join(work, 'imports'),
      log,
    });
    await upsertRegions(database.db, SCALES.demo.regions());
    const actor: Actor = {
      ...systemActor({ requestId: 'bench', userAgent: 'bench/import-elders' }),
      username: 'bench',
    };
    const measured = await measure(services, actor, file, plan.rounds, `${plan.fileRows}`);
    const rerun = await importOnce(services, actor, file, true);
    log(
      `re-run of the same file: ${rerun.insertedRows} inserted, ${rerun.existingRows} existing in ${rerun.seconds.toFixed(1)} s`,
    );
    const demo = await measure(services, actor, demoFile, plan.rounds, 'demo');
    await services.audit.seal();
    const metrics = metricsOf(measured, demo, rerun, plan, ownPeakRssMiB());
    const result: BenchResult = {
      name: 'import-elders',
      startedAt,
      commit: commitOf(),
      machine: machineFacts(),
      engine: {
        name: 'pglite',
        version: `${database.engineVersion.replace(/^PGlite /, '')} (PostgreSQL ${await serverVersion(database.db)})`,
      },
      dataset: {
        scale,
        seed,
        generatorVersion: GENERATOR_VERSION,
        counts: { fileRows: plan.fileRows, badRows, demoElders: plan.demoRows },
      },
      metrics,
      notes: [
        `CSV files from the seeded generator (${round(generateSeconds, 1)} s, not timed).`,
        'Ours (headline) = the direct import `kangyang import elders FILE` runs: upload, then one background pass that parses, validates (row rules, regions, scope, in-file duplicates), encrypts, claims blind indexes, inserts, records bad rows, audits and commits progress per batch of 2,000 rows.',
        'previewImport* = the web flow: a validation pass, confirm, then the import pass (the file read and checked twice).',
        'Ratio = inserted rows/s of ours ÷ inserted rows/s of the raw INSERT (only its statements timed; its rows were checked and encrypted beforehand, untimed).',
        `${plan.rounds} rounds rotating direct, raw, preview; medians; the registry is emptied (TRUNCATE) before each of our rounds. One process, PGlite NodeFS in a temp dir.`,
        `Rows are prepared in a worker thread only while a core is spare; load average at start ${loadAtStart}, at end ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')} (other work on this machine).`,
        `Time split of our rounds (ms): ${[...measured.timings, ...demo.timings].join('; ')}.`,
        'Peak RSS of the whole bench process (maxRSS).',
      ].join(' '),
    };
    const path = resultPath('import-elders', scale, DEFAULT_SCALE);
    writeResult(path, result);
    const missed = missedTargets(metrics);
    console.log(
      `import-elders (${scale}): ${metrics.map((metric) => `${metric.name}=${metric.value}${metric.unit === 'x' ? 'x' : ` ${metric.unit}`}`).join(', ')}`,
    );
    console.log(`written to ${path}${missed.length > 0 ? `; MISSED: ${missed.join(', ')}` : '; every target met'}`);
    return result;
  } finally {
    await database.close();
    rmSync(work, { recursive: true, force: true });
  }
}
