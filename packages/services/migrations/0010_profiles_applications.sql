-- POL-1, POL-2: plan profiles stored by version and effective date, and region bindings.
-- POL-4, POL-5, POL-6: eligibility decisions, applications with their transitions, entitlements and
-- re-check review items. Person-level tables lead with county_code (the distribution key, scale.md §5);
-- the two profile tables are small reference tables.

-- Rows of these tables are history: a later version or decision is a new row, never an edit.
CREATE FUNCTION policy_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TABLE policy_profile_versions (
  profile_id text NOT NULL CHECK (profile_id ~ '^[0-9]{3}$'),
  version integer NOT NULL CHECK (version >= 1),
  effective_from date NOT NULL,
  content jsonb NOT NULL,
  checksum text NOT NULL,
  source text,
  loaded_at timestamptz NOT NULL,
  loaded_by uuid,
  PRIMARY KEY (profile_id, version),
  UNIQUE (profile_id, checksum)
);
CREATE INDEX policy_profile_versions_effective_idx ON policy_profile_versions (profile_id, effective_from, version);
CREATE TRIGGER policy_profile_versions_history BEFORE UPDATE OR DELETE ON policy_profile_versions
  FOR EACH ROW EXECUTE FUNCTION policy_history_guard();

-- A region uses one profile from a date; a county without its own binding inherits its city's (longest prefix).
CREATE TABLE region_profile_bindings (
  region_code text NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  valid_from date NOT NULL,
  profile_id text NOT NULL CHECK (profile_id ~ '^[0-9]{3}$'),
  bound_at timestamptz NOT NULL,
  bound_by uuid,
  PRIMARY KEY (region_code, valid_from)
);

-- Glossary §13 eligibilityDecision: one programme decided for one elder on one date, with its reasons.
CREATE TABLE eligibility_decisions (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  elder_id uuid NOT NULL,
  programme text NOT NULL,
  decided_on date NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('application', 'approval', 'recheck')),
  profile_id text NOT NULL,
  profile_version integer NOT NULL,
  binding_region_code text NOT NULL,
  eligible boolean NOT NULL,
  reasons jsonb NOT NULL,
  amount_fen bigint,
  cadence text CHECK (cadence IN ('monthly', 'oneTime')),
  split jsonb NOT NULL DEFAULT '[]',
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id)
);
CREATE INDEX eligibility_decisions_elder_idx ON eligibility_decisions (elder_id, decided_at);
CREATE TRIGGER eligibility_decisions_history BEFORE UPDATE OR DELETE ON eligibility_decisions
  FOR EACH ROW EXECUTE FUNCTION policy_history_guard();

CREATE TABLE applications (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  elder_id uuid NOT NULL,
  region_code text NOT NULL,
  programme text NOT NULL,
  state text NOT NULL CHECK (state IN ('submitted', 'streetPassed', 'approved', 'refused')),
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('elder', 'family', 'communityWorker')),
  applicant_name text,
  note text,
  profile_id text NOT NULL,
  profile_version integer NOT NULL,
  binding_region_code text NOT NULL,
  submission_decision_id uuid NOT NULL,
  entitlement_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (left(region_code, 6) = county_code),
  CHECK ((state = 'approved') = (entitlement_id IS NOT NULL))
);
CREATE UNIQUE INDEX applications_one_open_idx ON applications (county_code, elder_id, programme)
  WHERE state IN ('submitted', 'streetPassed');
CREATE INDEX applications_inbox_idx ON applications (region_code text_pattern_ops, state, created_at);
CREATE INDEX applications_elder_idx ON applications (elder_id);

-- Every step of an application: who, when, why (POL-5).
CREATE TABLE application_transitions (
  county_code text NOT NULL,
  application_id uuid NOT NULL,
  seq integer NOT NULL,
  action text NOT NULL CHECK (action IN ('submit', 'streetPass', 'streetRefuse', 'approve', 'refuse')),
  from_state text,
  to_state text NOT NULL,
  actor_id uuid NOT NULL,
  actor_name text NOT NULL,
  actor_roles text NOT NULL,
  reason text,
  decision_id uuid,
  at timestamptz NOT NULL,
  PRIMARY KEY (county_code, application_id, seq)
);
CREATE TRIGGER application_transitions_history BEFORE UPDATE OR DELETE ON application_transitions
  FOR EACH ROW EXECUTE FUNCTION policy_history_guard();

-- Glossary §13 entitlement: an approved benefit with start and end dates. end_date is the last day in
-- force (inclusive); NULL is open. amount_fen is per period of the cadence; NULL for a benefit in kind.
CREATE TABLE entitlements (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  elder_id uuid NOT NULL,
  region_code text NOT NULL,
  programme text NOT NULL,
  payee_kind text NOT NULL CHECK (payee_kind IN ('elder', 'institution', 'caregiver')),
  payee_id uuid NOT NULL,
  start_date date NOT NULL,
  end_date date,
  amount_fen bigint CHECK (amount_fen IS NULL OR amount_fen >= 0),
  cadence text CHECK (cadence IN ('monthly', 'oneTime')),
  clause text NOT NULL,
  funding_shares jsonb NOT NULL DEFAULT '[]',
  profile_id text NOT NULL,
  profile_version integer NOT NULL,
  binding_region_code text NOT NULL,
  source_application_id uuid NOT NULL,
  source_decision_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('active', 'flagged', 'ended')),
  end_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, source_application_id),
  CHECK ((amount_fen IS NULL) = (cadence IS NULL)),
  CHECK ((state = 'ended') = (end_reason IS NOT NULL AND end_date IS NOT NULL))
);
CREATE INDEX entitlements_elder_idx ON entitlements (elder_id);
CREATE INDEX entitlements_run_idx ON entitlements (county_code, programme, start_date);

-- POL-6: what a re-check did to an entitlement, for a person to review; nothing changes silently.
CREATE TABLE entitlement_reviews (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  entitlement_id uuid NOT NULL,
  elder_id uuid NOT NULL,
  trigger text NOT NULL,
  action text NOT NULL CHECK (action IN ('ended', 'flagged')),
  decision_id uuid,
  end_date date,
  details jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL CHECK (state IN ('open', 'resolved')),
  created_at timestamptz NOT NULL,
  resolved_by uuid,
  resolved_at timestamptz,
  resolution text,
  PRIMARY KEY (county_code, id)
);
CREATE INDEX entitlement_reviews_open_idx ON entitlement_reviews (county_code, state, created_at);
CREATE INDEX entitlement_reviews_elder_idx ON entitlement_reviews (elder_id);
