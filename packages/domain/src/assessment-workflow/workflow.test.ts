import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ASSESSMENT_STATES,
  WORKFLOW_ACTIONS,
  availableActions,
  decideTransition,
  type AssessmentState,
  type WorkflowAction,
  type WorkflowParty,
} from './workflow.ts';

const as = (parties: WorkflowParty[], isAssessorOfThis = false) => ({ parties: new Set(parties), isAssessorOfThis });

function walk(steps: [WorkflowAction, WorkflowParty][]): AssessmentState | string {
  let state: AssessmentState | null = null;
  for (const [action, party] of steps) {
    const decided = decideTransition(state, action, as([party]));
    if (!decided.ok) return decided.error.code;
    state = decided.value;
  }
  return state ?? 'none';
}

describe('assessment workflow: states and who may act (assessment.md §9, ASM-5)', () => {
  it('runs draft → submitted → returned → draft → submitted → approved → superseded', () => {
    expect(
      walk([
        ['create', 'official'],
        ['saveAnswers', 'assessor'],
        ['sign', 'assessor'],
        ['submit', 'agency'],
        ['return', 'reviewer'],
        ['reopen', 'agency'],
        ['saveAnswers', 'assessor'],
        ['submit', 'agency'],
        ['approve', 'reviewer'],
        ['supersede', 'system'],
      ]),
    ).toBe('superseded');
  });

  it('only the agency submits; only the reviewer approves or returns; only assessors sign', () => {
    expect(decideTransition('draft', 'submit', as(['assessor'])).ok).toBe(false);
    expect(decideTransition('submitted', 'approve', as(['agency', 'assessor', 'official'])).ok).toBe(false);
    expect(decideTransition('draft', 'sign', as(['agency'])).ok).toBe(false);
  });

  it('refuses a reviewer who is one of the assessors (ASSESSMENT_REVIEWER_IS_ASSESSOR)', () => {
    const decided = decideTransition('submitted', 'approve', as(['reviewer'], true));
    expect(decided).toEqual({
      ok: false,
      error: { code: 'ASSESSMENT_REVIEWER_IS_ASSESSOR', action: 'approve', state: 'submitted' },
    });
    expect(decideTransition('submitted', 'return', as(['reviewer'], true)).ok).toBe(false);
  });

  it('approved and superseded results are immutable: no edit, sign, submit or return', () => {
    for (const state of ['approved', 'superseded'] as const) {
      for (const action of ['saveAnswers', 'sign', 'submit', 'return', 'reopen', 'assign', 'approve'] as const) {
        const all = as(['official', 'agency', 'assessor', 'reviewer', 'system']);
        expect(decideTransition(state, action, all)).toMatchObject({ ok: false, error: { code: 'ASSESSMENT_STATE' } });
      }
    }
  });

  it('a submitted assessment cannot be edited until it is returned and reopened', () => {
    expect(decideTransition('submitted', 'saveAnswers', as(['assessor']))).toMatchObject({
      error: { code: 'ASSESSMENT_STATE' },
    });
    expect(decideTransition('returned', 'saveAnswers', as(['assessor'])).ok).toBe(false);
    expect(decideTransition('returned', 'reopen', as(['assessor']))).toEqual({ ok: true, value: 'draft' });
  });

  it('every decision is either the table state or a coded refusal (property)', () => {
    const states = fc.constantFrom(...ASSESSMENT_STATES);
    const actions = fc.constantFrom(...WORKFLOW_ACTIONS);
    const parties = fc.subarray(['official', 'agency', 'assessor', 'reviewer', 'system'] as WorkflowParty[]);
    fc.assert(
      fc.property(states, actions, parties, fc.boolean(), (state, action, party, isAssessor) => {
        const decided = decideTransition(state, action, as(party, isAssessor));
        if (decided.ok) expect(ASSESSMENT_STATES).toContain(decided.value);
        else
          expect(['ASSESSMENT_NOT_YOUR_ROLE', 'ASSESSMENT_REVIEWER_IS_ASSESSOR', 'ASSESSMENT_STATE']).toContain(
            decided.error.code,
          );
      }),
    );
  });

  it('lists the actions open to an actor', () => {
    expect(availableActions('draft', as(['assessor']))).toEqual(['saveAnswers', 'sign']);
    expect(availableActions('submitted', as(['reviewer']))).toEqual(['return', 'approve']);
    expect(availableActions('approved', as(['reviewer', 'agency']))).toEqual([]);
  });
});
