import type { BindingDto, ProfileDetailDto, ProfileSummaryDto, ProfileVersionDto } from '@kangyang/contracts/policy';
import { ruleClausesOf, type PolicyProfile } from '@kangyang/contracts/profile';
import type { BindingRow, ProfileVersionRow } from './profile.repo.ts';

export const toVersionDto = (row: ProfileVersionRow): ProfileVersionDto => ({
  profileId: row.profileId,
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  checksum: row.checksum,
  source: row.source,
  loadedAt: row.loadedAt.toISOString(),
  loadedBy: row.loadedBy,
});

export const toBindingDto = (row: BindingRow): BindingDto => ({
  regionCode: row.regionCode,
  validFrom: row.validFrom,
  profileId: row.profileId,
  boundAt: row.boundAt.toISOString(),
});

/** The version in force on `date` among a profile's versions: latest effective date, then highest version. */
export function inForceOn(versions: readonly ProfileVersionRow[], date: string): ProfileVersionRow | undefined {
  let best: ProfileVersionRow | undefined;
  for (const row of versions) {
    if (row.effectiveFrom > date) continue;
    if (
      !best ||
      row.effectiveFrom > best.effectiveFrom ||
      (row.effectiveFrom === best.effectiveFrom && row.version > best.version)
    )
      best = row;
  }
  return best;
}

export function toSummaryDto(
  latest: PolicyProfile,
  versions: readonly ProfileVersionRow[],
  bindings: readonly BindingRow[],
  today: string,
): ProfileSummaryDto {
  const current = inForceOn(versions, today);
  return {
    id: latest.id,
    title: latest.title,
    region: { code: latest.region.code, name: latest.region.name },
    period: latest.period,
    benefits: [...latest.benefits],
    current: current ? toVersionDto(current) : null,
    versions: versions.map(toVersionDto),
    bindings: bindings.map(toBindingDto),
  };
}

export function toDetailDto(row: ProfileVersionRow, profile: PolicyProfile): ProfileDetailDto {
  return {
    id: profile.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    checksum: row.checksum,
    loadedAt: row.loadedAt.toISOString(),
    title: profile.title,
    documentNo: profile.documentNo ?? null,
    region: profile.region,
    period: profile.period,
    benefits: [...profile.benefits],
    indicators: profile.indicators,
    rules: profile.rules,
    clauses: [
      ...profile.indicators.map((indicator) => ({ clause: indicator.id, kind: 'indicator', text: indicator.name })),
      ...ruleClausesOf(profile),
    ],
  };
}
