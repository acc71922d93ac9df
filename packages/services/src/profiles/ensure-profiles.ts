import type { ProfileLoadResult } from '@kangyang/contracts/policy';
import { systemActor } from '../actor.ts';
import { isAppError } from '../app-error.ts';
import type { ProfileService } from './profile.service.ts';
import { PROFILES_DIR, readProfileFiles } from './profile-files.ts';

/** The demo's region bindings (POL-2): each plan's own region; counties of a bound city inherit it. */
export const DEMO_BINDINGS: readonly { readonly regionCode: string; readonly profileId: string }[] = [
  { regionCode: '330102', profileId: '001' },
  { regionCode: '330281', profileId: '004' },
  { regionCode: '3714', profileId: '002' },
  { regionCode: '6207', profileId: '003' },
  { regionCode: '9901', profileId: '000' },
];

export type EnsureProfilesResult = { loaded: ProfileLoadResult[]; problems: string[] };

const describe = (error: unknown): string =>
  isAppError(error)
    ? `${error.code}${error.field ? ` at ${error.field}` : ''} ${JSON.stringify(error.params)}`
    : String(error);

/**
 * Loads `profiles/*.json` (unchanged files add nothing) and binds the demo regions from each
 * profile's first effective date. Problems are returned and logged, never thrown: a bad file must
 * not stop the server from starting.
 */
export async function ensureProfiles(
  services: { profiles: ProfileService },
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<EnsureProfilesResult> {
  const actor = systemActor({ requestId: 'ensure-profiles' });
  const result: EnsureProfilesResult = { loaded: [], problems: [] };
  for (const file of readProfileFiles(options.dir ?? PROFILES_DIR)) {
    try {
      if (!file.ok) throw new Error(file.error);
      result.loaded.push(await services.profiles.load(actor, file.json, file.path.split('/').pop()));
    } catch (error) {
      result.problems.push(`${file.path}: ${describe(error)}`);
    }
  }
  for (const binding of DEMO_BINDINGS) {
    try {
      const [first] = await services.profiles.versions(binding.profileId);
      if (!first) continue;
      await services.profiles.bind(actor, { ...binding, validFrom: first.effectiveFrom });
    } catch (error) {
      result.problems.push(`binding ${binding.regionCode} → ${binding.profileId}: ${describe(error)}`);
    }
  }
  for (const problem of result.problems) options.log?.(`规划方案载入问题 profile problem: ${problem}`);
  return result;
}
