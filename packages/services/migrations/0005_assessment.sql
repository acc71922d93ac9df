-- Capability assessment workflow (assessment.md §9; ASM-2..6): agencies and assessors, assessment
-- tasks with answers, supporting data, signatures, results and validity, and their transition history.
-- Person-level tables lead with county_code (the distribution key, scale.md §5).

-- ASM-2: a contracted agency is also an organisation, so that its staff accounts can belong to it.
CREATE TABLE assessment_agencies (
  id uuid PRIMARY KEY REFERENCES organisations (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  region_code text NOT NULL REFERENCES regions (code),
  credit_code text,
  contract_valid_until date,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX assessment_agencies_region_idx ON assessment_agencies (region_code text_pattern_ops);

-- Qualified assessors of an agency; `user_id` is the account they sign with (role `assessor`).
CREATE TABLE assessors (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES assessment_agencies (id),
  user_id uuid UNIQUE REFERENCES users (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  qualification_no text NOT NULL,
  qualified_until date,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX assessors_agency_idx ON assessors (agency_id);

CREATE TABLE assessments (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  elder_id uuid NOT NULL,
  instrument text NOT NULL CHECK (instrument IN ('gbt42195-2022', 'barthel', 'mzt039-2013', 'ltci-2021')),
  instrument_version text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('first', 'routine', 'immediate', 'dispute', 'other')),
  trigger text NOT NULL,
  trigger_ref text,
  trigger_date date NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'superseded')),
  return_reason text,
  agency_id uuid NOT NULL REFERENCES assessment_agencies (id),
  assessor_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(assessor_ids) IN (0, 2)),
  due_date date NOT NULL,
  assessment_date date,
  answers jsonb NOT NULL DEFAULT '{}',
  supporting jsonb NOT NULL,
  flags jsonb NOT NULL,
  content_hash text NOT NULL,
  signatures jsonb NOT NULL DEFAULT '[]',
  -- The region's settings read once and kept with the assessment (§8, §10).
  settings jsonb NOT NULL,
  result jsonb,
  total integer,
  base_level text,
  final_level text,
  final_level_ordinal integer,
  dementia boolean NOT NULL DEFAULT false,
  provisional boolean NOT NULL DEFAULT false,
  reviewer_id uuid,
  reviewer_name text,
  submitted_at timestamptz,
  approved_at timestamptz,
  valid_until date,
  supersedes uuid,
  superseded_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (state NOT IN ('approved', 'superseded')
    OR (valid_until IS NOT NULL AND final_level IS NOT NULL AND approved_at IS NOT NULL AND result IS NOT NULL))
);
CREATE INDEX assessments_id_idx ON assessments (id);
CREATE INDEX assessments_elder_idx ON assessments (county_code, elder_id, instrument);
-- One current approved result and at most one open task per elder and instrument.
CREATE UNIQUE INDEX assessments_one_approved_idx ON assessments (county_code, elder_id, instrument)
  WHERE state = 'approved';
CREATE UNIQUE INDEX assessments_one_open_idx ON assessments (county_code, elder_id, instrument)
  WHERE state IN ('draft', 'submitted', 'returned');
CREATE INDEX assessments_due_idx ON assessments (county_code, valid_until) WHERE state = 'approved';
CREATE INDEX assessments_agency_state_idx ON assessments (agency_id, state);
CREATE INDEX assessments_assessors_idx ON assessments USING gin (assessor_ids);

-- §9: approved results are immutable. The only change an approved row accepts is becoming
-- superseded (state, superseded_by, updated_at, version); a superseded row never changes; neither is deleted.
CREATE FUNCTION assessments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state IN ('approved', 'superseded') THEN
      RAISE EXCEPTION 'approved assessment % cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state = 'superseded'
     OR (OLD.state = 'approved' AND (
       NEW.state <> 'superseded'
       OR NEW.answers <> OLD.answers OR NEW.supporting <> OLD.supporting OR NEW.flags <> OLD.flags
       OR NEW.signatures <> OLD.signatures OR NEW.result <> OLD.result OR NEW.settings <> OLD.settings
       OR NEW.final_level IS DISTINCT FROM OLD.final_level OR NEW.valid_until IS DISTINCT FROM OLD.valid_until
       OR NEW.approved_at IS DISTINCT FROM OLD.approved_at OR NEW.reviewer_id IS DISTINCT FROM OLD.reviewer_id
       OR NEW.assessment_date IS DISTINCT FROM OLD.assessment_date OR NEW.elder_id <> OLD.elder_id
       OR NEW.instrument_version <> OLD.instrument_version OR NEW.assessor_ids <> OLD.assessor_ids)) THEN
    RAISE EXCEPTION 'approved assessment % is immutable; a correction supersedes it', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER assessments_immutable BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_guard();

-- Every step of every assessment (§9: "every transition is stored"), append-only.
CREATE TABLE assessment_transitions (
  county_code text NOT NULL,
  assessment_id uuid NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  actor_id uuid,
  actor_name text NOT NULL,
  reason text,
  details jsonb,
  PRIMARY KEY (county_code, assessment_id, seq)
);

CREATE FUNCTION assessment_transitions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'assessment_transitions is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER assessment_transitions_append_only BEFORE UPDATE OR DELETE ON assessment_transitions
  FOR EACH ROW EXECUTE FUNCTION assessment_transitions_guard();
