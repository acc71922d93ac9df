// Builds src/service-worker/sw.ts to /sw.js (production builds only) with this build's manifest:
// the app shell a caregiver needs to open /care with no signal, and a version that changes with
// any asset of the build, so every deploy installs a new worker under a new cache name.
import type { Plugin } from 'vite';

const SW_FILE = 'sw.js';
/** Files of apps/web/public the shell shows (copied as they are, outside the bundle). */
const PUBLIC_FILES = ['/favicon.svg'];
const PLACEHOLDER = /(["'`])__KANGYANG_SW_MANIFEST__\1/;
/** The lazily loaded pages the caregiver's phone needs offline: its own view and the sign-in page. */
const OFFLINE_PAGES = /[\\/]features[\\/](home-care[\\/]caregiver|auth)[\\/]/;

type OutputFile =
  | {
      type: 'chunk';
      fileName: string;
      isEntry: boolean;
      facadeModuleId: string | null;
      imports: string[];
      code: string;
      viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
    }
  | { type: 'asset'; fileName: string };

/** FNV-1a of the text, as 8 hex digits: enough to tell one build from another. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The entry and the offline pages with every chunk, style sheet and asset they load up front. */
export function precacheList(bundle: Readonly<Record<string, OutputFile>>): string[] {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const file = bundle[fileName];
    if (!file || files.has(fileName)) return;
    files.add(fileName);
    if (file.type !== 'chunk') return;
    file.imports.forEach(visit);
    file.viteMetadata?.importedCss.forEach(visit);
    file.viteMetadata?.importedAssets.forEach(visit);
  };
  for (const file of Object.values(bundle)) {
    if (file.type !== 'chunk' || file.fileName === SW_FILE) continue;
    if (file.isEntry || (file.facadeModuleId !== null && OFFLINE_PAGES.test(file.facadeModuleId))) visit(file.fileName);
  }
  return [...PUBLIC_FILES, ...[...files].map((name) => `/${name}`)];
}

/** The Vite plugin: emits sw.js as its own chunk and writes the manifest into it. */
export function serviceWorkerPlugin(source: string): Plugin {
  return {
    name: 'kangyang-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: source, fileName: SW_FILE });
    },
    generateBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, OutputFile>;
      const worker = files[SW_FILE];
      if (worker?.type !== 'chunk' || !PLACEHOLDER.test(worker.code))
        throw new Error(`${SW_FILE}: the manifest placeholder is missing`);
      if (worker.imports.length > 0) throw new Error(`${SW_FILE} must import nothing: ${worker.imports.join(', ')}`);
      const urls = precacheList(files);
      const names = Object.keys(files)
        .filter((name) => name !== SW_FILE)
        .sort();
      const manifest = JSON.stringify({ version: shortHash(names.join('\n')), urls });
      worker.code = worker.code.replace(PLACEHOLDER, JSON.stringify(manifest));
    },
  };
}
