import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import profile000 from '../../../../profiles/000.json' with { type: 'json' };
import profile001 from '../../../../profiles/001.json' with { type: 'json' };
import profile002 from '../../../../profiles/002.json' with { type: 'json' };
import profile003 from '../../../../profiles/003.json' with { type: 'json' };
import profile004 from '../../../../profiles/004.json' with { type: 'json' };
import { parseProfile, ruleClausesOf } from '@kangyang/contracts/profile';

/**
 * POL-1 acceptance: every indicator id (`001-16`) and rule id (`001-r1`) written in the spec's
 * seed-plans.md is in profiles/, read from the spec itself so a clause added there fails here.
 * The spec sits beside the repository (`../shared/spec`, as the issues cite it).
 */
const SPEC = resolve(import.meta.dirname, '../../../../../shared/spec/seed-plans.md');
const RAW: Readonly<Record<string, unknown>> = {
  '000': profile000,
  '001': profile001,
  '002': profile002,
  '003': profile003,
  '004': profile004,
};

type SpecIds = { indicators: Set<string>; rules: Map<string, string> };

/** Indicator ids from the first cell of table rows; rule ids from `- **001-r1** text` bullets (with their text). */
function specIds(text: string): SpecIds {
  const indicators = new Set<string>();
  const rules = new Map<string, string>();
  for (const line of text.split('\n')) {
    const row = /^\|\s*(\d{3}-\d+)\s*\|/.exec(line);
    if (row?.[1]) indicators.add(row[1]);
    const rule = /^-\s+\*\*(\d{3}-r\d+)\*\*\s*(.*)$/.exec(line);
    if (rule?.[1]) rules.set(rule[1], rule[2] ?? '');
  }
  return { indicators, rules };
}

function profileIds() {
  const indicators = new Set<string>();
  const rules = new Map<string, string>();
  for (const [id, raw] of Object.entries(RAW)) {
    const parsed = parseProfile(raw);
    if (!parsed.ok) throw new Error(`profile ${id}: ${JSON.stringify(parsed.issues)}`);
    for (const indicator of parsed.profile.indicators) indicators.add(indicator.id);
    for (const entry of ruleClausesOf(parsed.profile)) rules.set(entry.clause, entry.kind);
  }
  return { indicators, rules };
}

describe.skipIf(!existsSync(SPEC))('POL-1 profiles/ hold every clause id of seed-plans.md', () => {
  const spec = specIds(existsSync(SPEC) ? readFileSync(SPEC, 'utf8') : '');
  const profiles = profileIds();

  it('reads the five plans of the spec (a parser that finds nothing would prove nothing)', () => {
    const plans = new Set([...spec.indicators, ...spec.rules.keys()].map((id) => id.slice(0, 3)));
    expect([...plans].sort()).toEqual(['000', '001', '002', '003', '004']);
    expect(spec.indicators.size).toBeGreaterThanOrEqual(50);
    expect(spec.rules.size).toBeGreaterThanOrEqual(25);
  });

  it('finds every indicator id of the spec in a profile, and no indicator the spec does not name', () => {
    expect([...spec.indicators].filter((id) => !profiles.indicators.has(id))).toEqual([]);
    expect([...profiles.indicators].filter((id) => !spec.indicators.has(id))).toEqual([]);
  });

  it('finds every rule id of the spec in a profile; a rule cites a spec rule or the indicator it parameterises', () => {
    expect([...spec.rules.keys()].filter((id) => !profiles.rules.has(id))).toEqual([]);
    const unknown = [...profiles.rules.keys()].filter((id) => !spec.rules.has(id) && !spec.indicators.has(id));
    expect(unknown).toEqual([]);
  });

  it('holds every rule that states money (yuan) as a typed parameter, not only as text', () => {
    const money = [...spec.rules].filter(([, text]) => /\d[\d,]*\s*yuan/.test(text)).map(([id]) => id);
    expect(money.length).toBeGreaterThan(0);
    expect(money.filter((id) => profiles.rules.get(id) === 'descriptive')).toEqual([]);
  });
});
