/**
 * Deterministic UUIDv7-shaped ids for generated rows (scale.md §2): the 48-bit time field is a fixed
 * base instant plus the row's serial (so ids stay time-ordered and B-tree inserts stay local) and the
 * 74 "random" bits come from a hash of (seed, stream, serial), never from `crypto` or the clock.
 */

/** MurmurHash3's 32-bit finaliser over a running state: a cheap, well-mixed integer hash. */
export function mix32(state: number, value: number): number {
  let h = (state ^ Math.imul(value | 0, 0xcc9e2d51)) >>> 0;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (value: number): string => (value >>> 0).toString(16).padStart(8, '0');

/**
 * The id of generated row `serial` in `stream` (a number naming the table and scope, e.g. the county
 * code of a city) for `seed`. Same inputs, same id; different streams never share ids for the same
 * serial (the hash differs), and the version and variant bits make it a valid UUIDv7.
 */
export function seededUuidv7(seed: number, stream: number, serial: number, baseMs: number): string {
  const ms = baseMs + serial;
  const high = Math.floor(ms / 0x10000);
  const low = ms % 0x10000;
  let state = mix32(mix32(mix32(0x6b616e67, seed), stream), serial);
  const words: number[] = [];
  for (let index = 0; index < 3; index += 1) {
    state = mix32(state, index + 1);
    words.push(state);
  }
  const [w0 = 0, w1 = 0, w2 = 0] = words;
  const timeHex = `${hex8(high)}${low.toString(16).padStart(4, '0')}`;
  const randA = (0x7000 | (w0 & 0x0fff)).toString(16);
  const randB = (0x8000 | ((w0 >>> 12) & 0x3fff)).toString(16);
  return `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-${randA}-${randB}-${hex8(w1).slice(0, 4)}${hex8(w2)}`;
}
