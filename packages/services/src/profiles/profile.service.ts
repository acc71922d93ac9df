import { createHash } from 'node:crypto';
import type {
  BindingBody,
  BindingDto,
  ProfileDetailDto,
  ProfileLoadResult,
  ProfileSummaryDto,
  ProfileVersionDto,
  RegionProfileDto,
} from '@kangyang/contracts/policy';
import { parseProfile, type PolicyProfile } from '@kangyang/contracts/profile';
import { inAnyScope } from '@kangyang/domain/access';
import { AppError } from '../app-error.ts';
import { scopesOf, type Actor } from '../actor.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { canonicalJson } from '../audit/canonical-json.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { existingRegionCodes } from '../elders/elder.repo.ts';
import { toBindingDto, toDetailDto, toSummaryDto, toVersionDto } from './profile-mapper.ts';
import * as repo from './profile.repo.ts';

/** The profile that applies to a region on a date: its binding, the stored version and its parsed content. */
export type ResolvedProfile = {
  readonly binding: repo.BindingRow;
  readonly version: repo.ProfileVersionRow;
  readonly profile: PolicyProfile;
};

export type ProfileServiceDeps = { db: Db; clock: Clock; audit: AuditService };

/** POL-1: refuses a broken profile naming the first bad field (the zod path); every issue in `details`. */
export function validatedProfile(raw: unknown): PolicyProfile {
  const parsed = parseProfile(raw);
  if (parsed.ok) return parsed.profile;
  const [first] = parsed.issues;
  const field = first?.path || '(root)';
  const detail = first ? `（${first.message}）` : '';
  throw new AppError('VALIDATION_FAILED', { field, detail }, field, { issues: parsed.issues });
}

export const checksumOf = (profile: PolicyProfile): string =>
  createHash('sha256').update(canonicalJson(profile)).digest('hex');

// eslint-disable-next-line max-lines-per-function -- a service factory: each method is short; the closure holds the shared dependencies
export function createProfileService(deps: ProfileServiceDeps) {
  const { db, clock, audit } = deps;
  /** Stored versions never change (a trigger refuses it), so their parsed content can be kept. */
  const parsedVersions = new Map<string, PolicyProfile>();

  function contentOf(row: repo.ProfileVersionRow): PolicyProfile {
    const key = `${row.profileId}@${row.version}`;
    const cached = parsedVersions.get(key);
    if (cached) return cached;
    const parsed = parseProfile(row.content);
    if (!parsed.ok) throw new Error(`stored profile ${key} no longer parses at ${parsed.issues[0]?.path ?? ''}`);
    parsedVersions.set(key, parsed.profile);
    return parsed.profile;
  }

  function requireManageScope(actor: Actor, regionCode: string, field: string): void {
    if (!inAnyScope(regionCode, scopesOf(actor, 'profile:manage')))
      throw new AppError('REGION_OUT_OF_SCOPE', {}, field);
  }

  async function insertNewVersion(
    tx: Db,
    actor: Actor,
    profile: PolicyProfile,
    checksum: string,
    source: string | undefined,
  ): Promise<void> {
    const latest = await repo.latestVersion(tx, profile.id);
    if (latest && (profile.version <= latest.version || profile.effectiveFrom < latest.effectiveFrom)) {
      const params = {
        profileId: profile.id,
        version: profile.version,
        effectiveFrom: profile.effectiveFrom,
        latest: latest.version,
        latestEffectiveFrom: latest.effectiveFrom,
      };
      throw new AppError(
        'PROFILE_VERSION_STALE',
        params,
        profile.version <= latest.version ? 'version' : 'effectiveFrom',
      );
    }
    const loadedAt = clock.now();
    await repo.insertVersion(tx, {
      profileId: profile.id,
      version: profile.version,
      effectiveFrom: profile.effectiveFrom,
      content: profile,
      checksum,
      source: source ?? null,
      loadedAt,
      loadedBy: actor.userId,
    });
    await audit.record(
      actor,
      {
        action: 'profile.load',
        resourceType: 'policyProfile',
        resourceIds: [`${profile.id}@${profile.version}`],
        details: { checksum, effectiveFrom: profile.effectiveFrom, source: source ?? null },
      },
      tx,
    );
  }

  async function resolve(regionCode: string, date: string): Promise<ResolvedProfile | undefined> {
    const binding = await repo.bindingFor(db, regionCode, date);
    if (!binding) return undefined;
    const version = await repo.versionOn(db, binding.profileId, date);
    if (!version) return undefined;
    return { binding, version, profile: contentOf(version) };
  }

  return {
    /**
     * Loads one profile document (POL-1): the same content again adds nothing; changed content must
     * carry a higher version and an effective date no earlier than the last one. Past versions stay.
     */
    async load(actor: Actor, raw: unknown, source?: string): Promise<ProfileLoadResult> {
      const profile = validatedProfile(raw);
      requireManageScope(actor, profile.region.code, 'region.code');
      const checksum = checksumOf(profile);
      return db.transaction(async (tx) => {
        await repo.lockProfile(tx, profile.id);
        const same = await repo.findByChecksum(tx, profile.id, checksum);
        const result = { profileId: profile.id, checksum };
        if (same)
          return { ...result, version: same.version, effectiveFrom: same.effectiveFrom, status: 'unchanged' as const };
        await insertNewVersion(tx, actor, profile, checksum, source);
        return {
          ...result,
          version: profile.version,
          effectiveFrom: profile.effectiveFrom,
          status: 'created' as const,
        };
      });
    },

    async list(): Promise<ProfileSummaryDto[]> {
      const versions = await repo.listVersions(db);
      const bindings = await repo.listBindings(db);
      const ids = [...new Set(versions.map((row) => row.profileId))];
      return ids.flatMap((id) => {
        const own = versions.filter((row) => row.profileId === id);
        const latest = own[own.length - 1];
        if (!latest) return [];
        const bound = bindings.filter((row) => row.profileId === id);
        return [toSummaryDto(contentOf(latest), own, bound, clock.today())];
      });
    },

    /** A version's content: the one in force on `date` (today by default), or a named version. */
    async detail(id: string, options: { date?: string | undefined; version?: number | undefined }) {
      const row =
        options.version === undefined
          ? ((await repo.versionOn(db, id, options.date ?? clock.today())) ?? (await repo.latestVersion(db, id)))
          : await repo.findVersion(db, id, options.version);
      if (!row) throw new AppError('NOT_FOUND');
      return toDetailDto(row, contentOf(row)) satisfies ProfileDetailDto;
    },

    async versions(id: string): Promise<ProfileVersionDto[]> {
      const rows = await repo.listVersions(db, id);
      if (rows.length === 0) throw new AppError('NOT_FOUND');
      return rows.map(toVersionDto);
    },

    /** POL-2: binds a region to a profile from a date; the same binding again changes nothing. */
    async bind(actor: Actor, body: BindingBody): Promise<{ binding: BindingDto; status: 'created' | 'unchanged' }> {
      requireManageScope(actor, body.regionCode, 'regionCode');
      if (!(await existingRegionCodes(db, [body.regionCode])).has(body.regionCode))
        throw new AppError('REGION_UNKNOWN', { code: body.regionCode }, 'regionCode');
      if (!(await repo.latestVersion(db, body.profileId)))
        throw new AppError('VALIDATION_FAILED', { field: 'profileId', detail: '' }, 'profileId');
      return db.transaction(async (tx) => {
        const existing = await repo.findBinding(tx, body.regionCode, body.validFrom);
        if (existing && existing.profileId === body.profileId)
          return { binding: toBindingDto(existing), status: 'unchanged' as const };
        if (existing) throw new AppError('CONFLICT', {}, 'validFrom');
        const row = { ...body, boundAt: clock.now(), boundBy: actor.userId };
        await repo.insertBinding(tx, row);
        await audit.record(
          actor,
          {
            action: 'profile.bind',
            resourceType: 'policyProfile',
            resourceIds: [body.profileId],
            details: { ...body },
          },
          tx,
        );
        return { binding: toBindingDto(row), status: 'created' as const };
      });
    },

    /** GET /api/regions/:code/profile: the binding that applies (own or inherited) and the version in force. */
    async regionProfile(regionCode: string, date?: string): Promise<RegionProfileDto> {
      const resolved = await resolve(regionCode, date ?? clock.today());
      if (!resolved) throw new AppError('NOT_FOUND');
      const { binding, version, profile } = resolved;
      return {
        regionCode,
        binding: toBindingDto(binding),
        inherited: binding.regionCode !== regionCode,
        profile: {
          id: profile.id,
          version: version.version,
          effectiveFrom: version.effectiveFrom,
          title: profile.title,
        },
      };
    },

    resolve,
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
