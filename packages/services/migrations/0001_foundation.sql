-- Foundation: regions, accounts, sessions, elder registry, audit log, imports, jobs, idempotency.
-- Runs unchanged on PGlite (PostgreSQL 18) and PostgreSQL 15. Large tables lead with county_code.

CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'street', 'community')),
  parent_code text,
  centroid_lng double precision,
  centroid_lat double precision,
  boundary jsonb,
  CHECK (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$')
);
CREATE INDEX regions_parent_idx ON regions (parent_code);

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  region_code text NOT NULL REFERENCES regions (code),
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'disabled')),
  failed_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret_cipher text,
  totp_last_step integer,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL,
  organisation_id uuid REFERENCES organisations (id),
  is_demo boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE role_grants (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL,
  region_code text NOT NULL,
  organisation_id uuid REFERENCES organisations (id),
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, role, region_code)
);
CREATE INDEX role_grants_user_idx ON role_grants (user_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  ip text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE elders (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  id_number_cipher text NOT NULL,
  id_number_bidx text NOT NULL,
  id_number_masked text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female')),
  phone_cipher text,
  phone_bidx text,
  phone_masked text,
  hukou_region_code text,
  residence_region_code text NOT NULL,
  address text,
  lng double precision,
  lat double precision,
  living_situation text NOT NULL CHECK (living_situation IN ('alone', 'coupleOnly', 'withFamily', 'institution', 'unknown')),
  categories text[] NOT NULL DEFAULT '{}',
  category_records jsonb NOT NULL DEFAULT '[]',
  contacts jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('active', 'deceased', 'movedOut')),
  status_date date,
  import_job_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (left(residence_region_code, 6) = county_code),
  CHECK ((status = 'active') = (status_date IS NULL))
);
CREATE INDEX elders_id_idx ON elders (id);
CREATE INDEX elders_residence_idx ON elders (residence_region_code text_pattern_ops, id);
CREATE INDEX elders_phone_bidx_idx ON elders (phone_bidx);
CREATE INDEX elders_birth_idx ON elders (county_code, birth_date);
CREATE INDEX elders_name_idx ON elders (name text_pattern_ops);

CREATE TABLE elder_identities (
  id_number_bidx text PRIMARY KEY,
  county_code text NOT NULL,
  elder_id uuid NOT NULL
);

CREATE TABLE audit_log (
  chain text NOT NULL,
  id bigserial NOT NULL,
  chain_seq bigint,
  at timestamptz(3) NOT NULL,
  actor_id uuid,
  actor_name text,
  role text,
  organisation_id uuid,
  scope text,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_ids text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
  reason text,
  details jsonb,
  request_id text,
  ip text,
  user_agent text,
  elder_bidx text,
  prev_hash text,
  hash text,
  PRIMARY KEY (chain, id),
  UNIQUE (chain, chain_seq)
);
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE hash IS NULL;
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_elder_idx ON audit_log (elder_bidx) WHERE elder_bidx IS NOT NULL;

CREATE TABLE audit_heads (
  chain text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL
);

-- AUD-5: the audit log accepts one sealing update per row and nothing else.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL
       AND (to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  file_name text NOT NULL,
  file_hash text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('allOrNothing', 'validRowsOnly')),
  status text NOT NULL CHECK (status IN ('validating', 'validated', 'importing', 'completed', 'failed', 'cancelled')),
  total_rows integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  inserted_rows integer NOT NULL DEFAULT 0,
  existing_rows integer NOT NULL DEFAULT 0,
  invalid_rows integer NOT NULL DEFAULT 0,
  region_scope text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE import_errors (
  job_id uuid NOT NULL REFERENCES import_jobs (id),
  row_number integer NOT NULL,
  field text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (job_id, row_number, field)
);

CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  dedupe_key text UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}',
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_error text,
  done_at timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL;

CREATE TABLE idempotency_keys (
  actor_id uuid NOT NULL,
  key text NOT NULL,
  route text NOT NULL,
  body_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (actor_id, key)
);
