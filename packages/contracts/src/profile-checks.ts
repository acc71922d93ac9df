import type { z } from 'zod';
import { formulaSpecOf } from './profile-indicators.ts';
import type { Indicator } from './profile-indicators.ts';
import { TYPED_RULE_KEYS } from './profile-rules.ts';
import type { PolicyRules, TypedRuleKey } from './profile-rules.ts';

/** Cross-field checks of a whole profile; each issue names the offending field's path. */

type ProfileDraft = {
  readonly id: string;
  readonly period: { readonly from: number; readonly to: number };
  readonly region: { readonly code: string; readonly ancestors: readonly { readonly code: string }[] };
  readonly benefits: readonly string[];
  readonly indicators: readonly Indicator[];
  readonly rules: PolicyRules;
};

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

const issue = (ctx: Ctx, path: Path, message: string): void => ctx.addIssue({ code: 'custom', path, message });

/** Programmes that cannot be offered without their typed rule. */
const RULE_OF_PROGRAMME: Readonly<Record<string, TypedRuleKey>> = {
  homeCareBed: 'homeCareBedEligibility',
  homeCareBedCareSubsidy: 'homeCareBedCareSubsidy',
  homeCareBedSetupGrant: 'homeCareBedSetupGrant',
  freeBasicHomeCare: 'freeBasicHomeCare',
  caregiverPostAllowance: 'caregiverPostAllowance',
};

function checkIndicators(profile: ProfileDraft, ctx: Ctx): void {
  const seen = new Set<string>();
  profile.indicators.forEach((indicator, index) => {
    if (!indicator.id.startsWith(`${profile.id}-`)) {
      issue(ctx, ['indicators', index, 'id'], `indicator ${indicator.id} does not belong to profile ${profile.id}`);
    }
    if (seen.has(indicator.id)) issue(ctx, ['indicators', index, 'id'], `duplicate indicator id ${indicator.id}`);
    seen.add(indicator.id);
    const requiredRule = formulaSpecOf(indicator.formula).requiresRule;
    if (requiredRule !== undefined && profile.rules[requiredRule] === undefined) {
      issue(ctx, ['indicators', index, 'formula'], `formula ${indicator.formula} needs rules.${requiredRule}`);
    }
    const slots = new Set<string>();
    indicator.targets.forEach((target, targetIndex) => {
      const path = ['indicators', index, 'targets', targetIndex];
      const { year } = target;
      if (year !== undefined && (year < profile.period.from || year > profile.period.to)) {
        issue(ctx, [...path, 'year'], `year ${year} is outside the period ${profile.period.from}–${profile.period.to}`);
      }
      const slot = `${year ?? target.recurrence ?? ''}/${target.part ?? ''}`;
      if (slots.has(slot)) issue(ctx, [...path, 'year'], `two targets for the same year and part (${slot})`);
      slots.add(slot);
    });
  });
}

type ClauseSite = { readonly clause: string; readonly path: Path };

function ruleSites(rules: PolicyRules): ClauseSite[] {
  const sites: ClauseSite[] = [];
  for (const key of TYPED_RULE_KEYS) {
    const rule = rules[key];
    if (rule !== undefined) sites.push({ clause: rule.clause, path: ['rules', key, 'clause'] });
  }
  rules.descriptive.forEach((rule, index) => {
    sites.push({ clause: rule.clause, path: ['rules', 'descriptive', index, 'clause'] });
  });
  return sites;
}

function checkRules(profile: ProfileDraft, ctx: Ctx): void {
  const indicatorIds = new Set(profile.indicators.map((indicator) => indicator.id));
  const ruleClauses = new Set<string>();
  for (const { clause, path } of ruleSites(profile.rules)) {
    if (!clause.startsWith(`${profile.id}-`)) {
      issue(ctx, path, `clause ${clause} does not belong to profile ${profile.id}`);
    } else if (!clause.includes('-r') && !indicatorIds.has(clause)) {
      issue(ctx, path, `clause ${clause} names no indicator of this profile`);
    } else if (clause.includes('-r') && ruleClauses.has(clause)) {
      issue(ctx, path, `rule ${clause} appears twice`);
    }
    if (clause.includes('-r')) ruleClauses.add(clause);
  }
}

function checkBenefitsAndRegion(profile: ProfileDraft, ctx: Ctx): void {
  const seen = new Set<string>();
  profile.benefits.forEach((programme, index) => {
    if (seen.has(programme)) issue(ctx, ['benefits', index], `programme ${programme} listed twice`);
    seen.add(programme);
    const ruleKey = RULE_OF_PROGRAMME[programme];
    if (ruleKey !== undefined && profile.rules[ruleKey] === undefined) {
      issue(ctx, ['benefits', index], `programme ${programme} needs rules.${ruleKey}`);
    }
  });
  profile.region.ancestors.forEach((ancestor, index) => {
    if (ancestor.code.length >= profile.region.code.length || !profile.region.code.startsWith(ancestor.code)) {
      issue(
        ctx,
        ['region', 'ancestors', index, 'code'],
        `${ancestor.code} is not an ancestor of ${profile.region.code}`,
      );
    }
  });
  if (profile.period.from > profile.period.to) issue(ctx, ['period', 'to'], 'period ends before it starts');
}

export function checkProfile(profile: ProfileDraft, ctx: Ctx): void {
  checkIndicators(profile, ctx);
  checkRules(profile, ctx);
  checkBenefitsAndRegion(profile, ctx);
}
