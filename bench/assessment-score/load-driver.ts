import { Agent, request } from 'node:http';

/**
 * The load driver of `assessment-score`, in its own process (scale.md §3): forked with IPC, it runs
 * one timed round per message with `concurrency` keep-alive connections, each POSTing JSON bodies
 * back to back, and answers with every latency in milliseconds.
 */
export type PostRound = {
  type: 'round';
  label: string;
  port: number;
  path: string;
  bodies: readonly string[];
  headers: Record<string, string>;
  durationMs: number;
  concurrency: number;
};
export type PostResult = {
  type: 'result';
  label: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  elapsedMs: number;
  latenciesMs: number[];
};

function post(agent: Agent, round: PostRound, body: string): Promise<number> {
  return new Promise((resolve) => {
    const headers = { ...round.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const outgoing = request(
      { agent, host: '127.0.0.1', port: round.port, path: round.path, method: 'POST', headers },
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

async function runRound(round: PostRound): Promise<PostResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: round.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + round.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      next = (next + 1) % round.bodies.length;
      const sent = performance.now();
      const status = await post(agent, round, round.bodies[next] ?? '{}');
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

process.on('message', (message: PostRound | { type: 'exit' }) => {
  if (message.type === 'exit') process.exit(0);
  void runRound(message).then((result) => process.send?.(result));
});
process.send?.({ type: 'ready' });
