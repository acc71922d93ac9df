import { Agent, request } from 'node:http';

/**
 * The load driver of the HTTP benchmarks, in its own process (scale.md §3): forked with IPC, it runs
 * one timed round per message with `concurrency` keep-alive connections, each sending GETs back to
 * back over a list of paths, and answers with every latency in milliseconds.
 */
export type LoadRound = {
  type: 'round';
  label: string;
  host: string;
  port: number;
  paths: readonly string[];
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

function get(agent: Agent, round: LoadRound, path: string): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(
      { agent, host: round.host, port: round.port, path, headers: round.headers },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      },
    );
    outgoing.on('error', () => resolve(0));
    outgoing.end();
  });
}

async function runRound(round: LoadRound): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: round.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let next = Math.floor(Math.random() * round.paths.length);
  const started = performance.now();
  const deadline = started + round.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      next = (next + 1) % round.paths.length;
      const sent = performance.now();
      const status = await get(agent, round, round.paths[next] ?? '/');
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
