export { ok, err } from './result.ts';
export type { Ok, Err, Result } from './result.ts';
