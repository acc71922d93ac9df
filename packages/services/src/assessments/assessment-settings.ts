import { AssessmentSettings as AssessmentSettingsSchema } from '@kangyang/contracts/assessment';
import { DEFAULT_ASSESSMENT_SETTINGS, type AssessmentSettings } from '@kangyang/domain/assessment';
import type { IsoDate } from '@kangyang/domain/units';

/** Reads the raw assessment section of the profile that applies to a region on a date (POL-1). */
export type SettingsSource = (regionCode: string, date: IsoDate) => Promise<unknown>;

export type SettingsFor = (regionCode: string | null | undefined, date: IsoDate) => Promise<AssessmentSettings>;

const CACHE_MS = 60_000;

/**
 * The region's assessment settings (assessment.md §8): the profile's section over the platform
 * defaults. A section that does not parse falls back to the defaults (the profile loader already
 * refuses broken numbers). Cached per region and day for a minute: scoring is hot, profiles rarely change.
 */
export function createSettingsResolver(source: SettingsSource | undefined, now: () => number): SettingsFor {
  const cache = new Map<string, { at: number; settings: AssessmentSettings }>();
  return async (regionCode, date) => {
    if (!regionCode || !source) return DEFAULT_ASSESSMENT_SETTINGS;
    const key = `${regionCode}@${date}`;
    const cached = cache.get(key);
    if (cached && now() - cached.at < CACHE_MS) return cached.settings;
    const parsed = AssessmentSettingsSchema.safeParse((await source(regionCode, date)) ?? {});
    const settings: AssessmentSettings = parsed.success ? parsed.data : DEFAULT_ASSESSMENT_SETTINGS;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, { at: now(), settings });
    return settings;
  };
}
