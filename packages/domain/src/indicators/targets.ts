/** The profile target judged for a year: the earliest deadline at or after it, else the last one. */
export type YearTarget = {
  readonly year?: number | undefined;
  readonly recurrence?: string | undefined;
  readonly part?: string | undefined;
};

export function targetForYear<T extends YearTarget>(targets: readonly T[], year: number): T | undefined {
  const plain = targets.filter((target) => target.part === undefined);
  const pool = plain.length > 0 ? plain : targets;
  const recurring = pool.find((target) => target.year === undefined);
  const dated = pool.filter((target) => target.year !== undefined).sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const upcoming = dated.find((target) => (target.year ?? 0) >= year);
  return upcoming ?? recurring ?? dated.at(-1);
}
