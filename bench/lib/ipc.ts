import type { ChildProcess } from 'node:child_process';

/** The next IPC message of `type` from a forked bench child; fails if the child exits first. */
export function once<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((done, fail) => {
    const onExit = (code: number | null) => fail(new Error(`${type}: child exited with ${code}`));
    const onMessage = (message: { type?: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** CPU time a bench server child has used so far (user + system), in microseconds. */
export async function serverCpu(server: ChildProcess): Promise<number> {
  const reply = once<{ micros: number }>(server, 'cpu');
  server.send({ type: 'cpu' });
  return (await reply).micros;
}
