import { Agent, request } from 'node:http';

/**
 * The load driver of the HTTP benchmarks, in its own process (scale.md §3): forked with IPC, it runs
 * one timed round per message with `concurrency` keep-alive connections, each sending requests back
 * to back, and answers with every latency in milliseconds. Without `bodies` it GETs the paths round
 * robin from a random start; with `bodies` it POSTs each JSON body in turn to the first path.
 */
export type LoadRound = {
  type: 'round';
  label: string;
  host: string;
  port: number;
  paths: readonly string[];
  bodies?: readonly string[];
  headers: Record<string, string>;
  durationMs: number;
  concurrency: number;
};
export type LoadResult = {
  type: 'result';
  label: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  latenciesMs: number[];
};

function send(agent: Agent, round: LoadRound, path: string, body: string | undefined): Promise<number> {
  const headers =
    body === undefined
      ? round.headers
      : { ...round.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve) => {
    const outgoing = request(
      { agent, host: round.host, port: round.port, path, method: body === undefined ? 'GET' : 'POST', headers },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end(body);
  });
}

async function runRound(round: LoadRound): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: round.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const bodies = round.bodies;
  const cycle = bodies?.length ?? round.paths.length;
  let next = bodies ? 0 : Math.floor(Math.random() * cycle);
  const started = performance.now();
  const deadline = started + round.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      next = (next + 1) % cycle;
      const sent = performance.now();
      const status = bodies
        ? await send(agent, round, round.paths[0] ?? '/', bodies[next] ?? '{}')
        : await send(agent, round, round.paths[next] ?? '/', undefined);
      latenciesMs.push(performance.now() - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: round.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { type: 'result', label: round.label, requests: latenciesMs.length, errors, statuses, elapsedMs, latenciesMs };
}

process.on('message', (message: LoadRound | { type: 'exit' }) => {
  if (message.type === 'exit') process.exit(0);
  void runRound(message).then((result) => process.send?.(result));
});
process.send?.({ type: 'ready' });
