/** A deterministic UUID (version 8, RFC 9562 "custom") from a seed, a stream and a serial: same input, same id. */
export function seededUuid(seed: number, stream: number, serial: number): string {
  const hex = (value: number, width: number) => (value >>> 0).toString(16).padStart(width, '0').slice(-width);
  const high = Math.floor(serial / 2 ** 32);
  return `${hex(seed, 8)}-${hex(stream, 4)}-8${hex(high, 3)}-8${hex(0, 3)}-${hex(serial, 12)}`;
}
