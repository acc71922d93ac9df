// The service worker, built to /sw.js by build-plugin.ts in production builds only (registered by
// app/service-worker.ts). It lets the caregiver's phone open /care with no signal (HCS-6, REL-6):
// - the app shell of this build is precached under a versioned cache name; assets are cache-first
//   (their names carry a content hash), page loads are network-first, so an online phone always gets
//   the index.html of the current deploy and an offline one the index.html of the cached build;
// - the caregiver's own GET /api/home-care/my/tasks and GET /api/auth/me (asked by a /care page) are
//   network-first with the last answer kept as a fallback. Nothing else of the API is ever stored;
//   the copy goes at sign-out (shared/offline-copy.ts) and on any 401 (security.md PRV-4, MLP-13).
// It imports nothing: the output must stay one classic script.

type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void };
type FetchEvent = ExtendableEvent & {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Promise<Response>): void;
};
type WorkerClient = { readonly url: string; postMessage(message: unknown): void };
type WorkerScope = {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void>; get(id: string): Promise<WorkerClient | undefined> };
  readonly location: Location;
};

/** Replaced at build time by the JSON text of {version, urls} (build-plugin.ts). */
const MANIFEST_TEXT: string = '__KANGYANG_SW_MANIFEST__';
const manifest = JSON.parse(MANIFEST_TEXT) as { version: string; urls: string[] };
const worker = self as unknown as WorkerScope;

const SHELL_PREFIX = 'kangyang-shell-';
const SHELL = `${SHELL_PREFIX}${manifest.version}`;
/** Same name as CARE_DATA_CACHE in shared/offline-copy.ts (this file may import nothing). */
const DATA = 'kangyang-care-data-v1';
const SAVED_AT = 'X-Kangyang-Saved-At';
const INDEX = '/index.html';
/** A phone with one bar of signal: after this long the saved copy is shown (the request goes on). */
const NETWORK_WAIT_MS = 5000;

const isCarePage = (url: string | undefined) => url !== undefined && new URL(url).pathname.startsWith('/care');

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([INDEX, ...manifest.urls].map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL).map((n) => caches.delete(n)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

/** The answer of `network`, or `undefined` when it takes longer than `waitMs`. */
const within = (network: Promise<Response | undefined>, waitMs: number) =>
  Promise.race([network, new Promise<undefined>((done) => setTimeout(() => done(undefined), waitMs))]);

async function page(request: Request): Promise<Response> {
  const fresh = await within(
    fetch(request).catch(() => undefined),
    NETWORK_WAIT_MS,
  );
  if (fresh) return fresh;
  const shell = await caches.open(SHELL).then((cache) => cache.match(INDEX));
  return shell ?? Response.error();
}

async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // a missing asset is answered with index.html by the single-page fallback: never keep that
  const isPage = response.headers.get('Content-Type')?.startsWith('text/html') ?? false;
  if (response.ok && !isPage) await cache.put(request, response.clone());
  return response;
}

async function keep(request: Request, response: Response): Promise<void> {
  if (response.status === 401) {
    await caches.delete(DATA);
    return;
  }
  if (response.status !== 200) return;
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  headers.delete('Vary');
  const copy = new Response(await response.arrayBuffer(), { status: 200, headers });
  await caches.open(DATA).then((cache) => cache.put(request.url, copy));
}

async function tell(clientId: string, message: Record<string, string>): Promise<void> {
  const client = clientId ? await worker.clients.get(clientId) : undefined;
  client?.postMessage({ source: 'kangyang-sw', ...message });
}

/** Network first; the last saved answer when the network fails or is too slow. */
async function careData(event: FetchEvent, path: string): Promise<Response> {
  // a late answer still refreshes the saved copy
  const network = fetch(event.request).then(
    async (response) => {
      await keep(event.request, response.clone()).catch(() => undefined);
      return response;
    },
    () => undefined,
  );
  event.waitUntil(network);
  const fresh = await within(network, NETWORK_WAIT_MS);
  if (fresh) {
    await tell(event.clientId, { kind: 'fresh', path });
    return fresh;
  }
  const saved = await caches.open(DATA).then((cache) => cache.match(event.request.url, { ignoreVary: true }));
  if (!saved) return (await network) ?? Response.error();
  await tell(event.clientId, { kind: 'saved', path, savedAt: saved.headers.get(SAVED_AT) ?? '' });
  return saved;
}

async function careDataFromCarePage(event: FetchEvent, path: string): Promise<Response> {
  const client = event.clientId ? await worker.clients.get(event.clientId) : undefined;
  return isCarePage(client?.url) ? careData(event, path) : fetch(event.request);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') return event.respondWith(page(request));
  if (url.pathname === '/api/home-care/my/tasks' && !url.search)
    return event.respondWith(careData(event, url.pathname));
  if (url.pathname === '/api/auth/me' && !url.search)
    return event.respondWith(careDataFromCarePage(event, url.pathname));
  if (url.pathname.startsWith('/api/')) return;
  if (url.pathname.startsWith('/assets/') || manifest.urls.includes(url.pathname)) event.respondWith(asset(request));
});
