import { noteWorkerMessage } from '../shared/offline-copy.ts';

/**
 * Registers /sw.js (src/service-worker/sw.ts) in production builds only: the development server
 * has no sw.js, and a worker there would hide code changes behind its cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // before the first API call, so no "answered from the saved copy" message is missed
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => noteWorkerMessage(event.data));
  const register = () => void navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
