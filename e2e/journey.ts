// The set-up every browser journey shares: the web build, a real server on a fresh data dir with the
// toy demo set, one Chromium, and the server's log kept beside the journey's screenshots.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureWebBuild, journeyArtifacts, launchBrowser, startServer, type RunningServer } from './harness.ts';

export type Journey = {
  readonly artifacts: ReturnType<typeof journeyArtifacts>;
  /** The running server (available inside tests, after the set-up hook). */
  readonly server: RunningServer;
  readonly browser: Browser;
};

/** Call once at the top of a journey's `describe`: registers the set-up and tear-down hooks. */
export function useJourney(name: string, options: { startTimeoutMs?: number } = {}): Journey {
  const artifacts = journeyArtifacts(name);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
  }, options.startTimeoutMs ?? 240_000);

  afterAll(async () => {
    await browser?.close();
    if (server) artifacts.writeText('server.log', server.log());
    await server?.stop();
  });

  return {
    artifacts,
    get server() {
      if (!server) throw new Error(`journey ${name}: the server is not started (use it inside a test)`);
      return server;
    },
    get browser() {
      if (!browser) throw new Error(`journey ${name}: the browser is not launched (use it inside a test)`);
      return browser;
    },
  };
}
