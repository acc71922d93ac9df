import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `profiles/` folder: the five plan profiles 000–004 (architecture.md §2). */
export const PROFILES_DIR = fileURLToPath(new URL('../../../../profiles/', import.meta.url));

export type ProfileFile =
  | { readonly path: string; readonly ok: true; readonly json: unknown }
  | { readonly path: string; readonly ok: false; readonly error: string };

/** Reads one profile file, or every `*.json` of a folder in name order; unreadable JSON is reported, not thrown. */
export function readProfileFiles(path: string): ProfileFile[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  return files.map((file): ProfileFile => {
    try {
      return { path: file, ok: true, json: JSON.parse(readFileSync(file, 'utf8')) as unknown };
    } catch (error) {
      return { path: file, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
