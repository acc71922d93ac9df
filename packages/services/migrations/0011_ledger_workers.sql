-- WRK-1, WRK-2, WRK-4: workers, their skill certificates and monthly attendance (glossary §7).
-- SUB-1, SUB-2, SUB-3, SUB-8, REL-2, REL-3, REL-4: the subsidy ledger, monthly runs, payment batches,
-- bank results and payee bank accounts. Large tables lead with county_code (scale.md §5); runs and
-- batches are small reference-style tables.

CREATE TABLE workers (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
  phone_cipher text,
  phone_bidx text,
  phone_masked text,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- the workplace: the employer's region (an institution, station or centre)
  region_code text NOT NULL,
  staff_role text NOT NULL CHECK (staff_role IN ('caregiver', 'nurse', 'doctor', 'manager', 'socialWorker', 'elderCareOfficer')),
  employed_from date NOT NULL,
  employed_to date,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (left(region_code, 6) = county_code),
  CHECK (employed_to IS NULL OR employed_to >= employed_from)
);
CREATE INDEX workers_id_idx ON workers (id);
CREATE INDEX workers_region_idx ON workers (region_code text_pattern_ops, id);
CREATE INDEX workers_organisation_idx ON workers (organisation_id);
CREATE INDEX workers_phone_bidx_idx ON workers (phone_bidx);

-- Glossary §7 `certified` is derived: a certificate whose dates cover the day.
CREATE TABLE worker_certificates (
  county_code text NOT NULL,
  id uuid NOT NULL,
  worker_id uuid NOT NULL,
  skill_level text NOT NULL CHECK (skill_level IN ('junior', 'intermediate', 'senior', 'technician', 'seniorTechnician')),
  certificate_number text NOT NULL CHECK (char_length(certificate_number) BETWEEN 1 AND 64),
  issued_on date NOT NULL,
  expires_on date,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, worker_id) REFERENCES workers (county_code, id),
  UNIQUE (county_code, certificate_number),
  CHECK (expires_on IS NULL OR expires_on >= issued_on)
);
CREATE INDEX worker_certificates_worker_idx ON worker_certificates (county_code, worker_id);

-- WRK-4: one row per worker and month; corrected in place (versioned) until the month is paid.
CREATE TABLE worker_attendance (
  county_code text NOT NULL,
  worker_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  days_worked integer NOT NULL CHECK (days_worked BETWEEN 0 AND 31),
  continuing_education boolean NOT NULL DEFAULT false,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, worker_id, period),
  FOREIGN KEY (county_code, worker_id) REFERENCES workers (county_code, id)
);

-- SUB-8: where a payee's money goes; the account number is encrypted (ENC-1) and masked for display.
CREATE TABLE payee_bank_accounts (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  payee_kind text NOT NULL CHECK (payee_kind IN ('elder', 'institution', 'caregiver')),
  payee_id uuid NOT NULL,
  bank_name text NOT NULL CHECK (char_length(bank_name) BETWEEN 1 AND 100),
  account_holder text NOT NULL CHECK (char_length(account_holder) BETWEEN 1 AND 100),
  account_cipher text NOT NULL,
  account_masked text NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, payee_kind, payee_id)
);
CREATE INDEX payee_bank_accounts_payee_idx ON payee_bank_accounts (payee_id);

-- SUB-2, REL-4: one run per (region, programme, month); a second start finds it and adds nothing.
-- Its lines wait (status computed) until a second person approves (four eyes, also checked here).
CREATE TABLE ledger_runs (
  id uuid PRIMARY KEY,
  region_code text NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  programme text NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('computed', 'approved')),
  computed_by uuid NOT NULL,
  computed_at timestamptz NOT NULL,
  approved_by uuid,
  approved_at timestamptz,
  entry_count integer NOT NULL DEFAULT 0,
  total_fen bigint NOT NULL DEFAULT 0,
  totals jsonb NOT NULL DEFAULT '{}',
  change_summary jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  UNIQUE (region_code, programme, period),
  CHECK ((status = 'approved') = (approved_by IS NOT NULL AND approved_at IS NOT NULL)),
  CHECK (approved_by IS NULL OR approved_by <> computed_by)
);
CREATE INDEX ledger_runs_period_idx ON ledger_runs (period, region_code text_pattern_ops);

-- SUB-8, REL-4: the approved run handed to finance; one batch per run and per (region, programme, month).
CREATE TABLE ledger_batches (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL UNIQUE REFERENCES ledger_runs (id),
  region_code text NOT NULL,
  programme text NOT NULL,
  period text NOT NULL,
  line_count integer NOT NULL,
  total_fen bigint NOT NULL,
  approved_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (region_code, programme, period)
);

-- SUB-1, REL-2: the append-only ledger. One line per payer share of a payment (same group_id), so the
-- city's 50 % is its own line (SUB-4). Signed fen: payment >= 0, reversal = -original, recovery < 0.
CREATE TABLE ledger_entries (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  region_code text NOT NULL,
  programme text NOT NULL,
  payee_kind text NOT NULL CHECK (payee_kind IN ('elder', 'institution', 'caregiver')),
  payee_id uuid NOT NULL,
  -- the elder the money is for (an elder payee, or the elder of an institution's bed grant)
  elder_id uuid,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  payer text NOT NULL CHECK (payer IN ('province', 'city', 'county', 'street', 'institution')),
  basis_points integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
  amount_fen bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('payment', 'reversal', 'recovery')),
  group_id uuid NOT NULL,
  reverses_id uuid,
  recovers_id uuid,
  stop_date date,
  entitlement_id uuid,
  run_id uuid REFERENCES ledger_runs (id),
  clause text NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  -- how many reversed payments the slot held before this payment (set by the trigger below)
  slot_generation integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  CHECK (left(region_code, 6) = county_code),
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
  CHECK ((kind = 'recovery') = (recovers_id IS NOT NULL)),
  CHECK ((kind = 'recovery') = (stop_date IS NOT NULL)),
  CHECK (kind <> 'payment' OR amount_fen >= 0),
  CHECK (kind <> 'recovery' OR amount_fen < 0),
  UNIQUE (county_code, reverses_id),
  UNIQUE (county_code, recovers_id),
  FOREIGN KEY (county_code, reverses_id) REFERENCES ledger_entries (county_code, id),
  FOREIGN KEY (county_code, recovers_id) REFERENCES ledger_entries (county_code, id)
);
-- REL-3: at most one unreversed payment per (payee, elder, programme, period, payer). A payment's
-- generation counts the reversed payments of its slot, so two standing payments always collide here.
CREATE UNIQUE INDEX ledger_entries_slot_idx ON ledger_entries
  (county_code, programme, payee_kind, payee_id, (COALESCE(elder_id, payee_id)), period, payer, slot_generation)
  WHERE kind = 'payment';
CREATE INDEX ledger_entries_reversal_slot_idx ON ledger_entries
  (county_code, programme, payee_kind, payee_id, period, payer) WHERE kind = 'reversal';
CREATE INDEX ledger_entries_elder_idx ON ledger_entries (county_code, elder_id) WHERE elder_id IS NOT NULL;
CREATE INDEX ledger_entries_payee_idx ON ledger_entries (payee_id);
CREATE INDEX ledger_entries_run_idx ON ledger_entries (run_id) WHERE run_id IS NOT NULL;
CREATE INDEX ledger_entries_period_idx ON ledger_entries (programme, period, region_code text_pattern_ops);

-- REL-2: ledger rows are never changed or removed.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- REL-2, REL-3 on insert: a payment gets its slot generation; a reversal must negate an entry of the
-- same slot that is not itself a reversal; a recovery reclaims at most an unreversed payment for a
-- month after its stop date.
CREATE FUNCTION ledger_entry_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  original ledger_entries%ROWTYPE;
BEGIN
  IF NEW.kind = 'payment' THEN
    SELECT count(*) INTO NEW.slot_generation
      FROM ledger_entries r
      JOIN ledger_entries o ON o.county_code = r.county_code AND o.id = r.reverses_id AND o.kind = 'payment'
     WHERE r.kind = 'reversal' AND r.county_code = NEW.county_code AND r.programme = NEW.programme
       AND r.payee_kind = NEW.payee_kind AND r.payee_id = NEW.payee_id
       AND COALESCE(r.elder_id, r.payee_id) = COALESCE(NEW.elder_id, NEW.payee_id)
       AND r.period = NEW.period AND r.payer = NEW.payer;
    RETURN NEW;
  END IF;
  SELECT * INTO original FROM ledger_entries
   WHERE county_code = NEW.county_code AND id = COALESCE(NEW.reverses_id, NEW.recovers_id);
  IF NOT FOUND OR original.programme <> NEW.programme OR original.payee_kind <> NEW.payee_kind
     OR original.payee_id <> NEW.payee_id OR original.elder_id IS DISTINCT FROM NEW.elder_id
     OR original.period <> NEW.period OR original.payer <> NEW.payer THEN
    RAISE EXCEPTION 'ledger %: original entry missing or of another slot', NEW.kind USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.kind = 'reversal' AND (original.kind = 'reversal' OR NEW.amount_fen <> -original.amount_fen) THEN
    RAISE EXCEPTION 'ledger reversal must negate a payment or recovery' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.kind = 'recovery' AND (original.kind <> 'payment' OR -NEW.amount_fen > original.amount_fen
     OR original.period <= to_char(NEW.stop_date, 'YYYY-MM')
     OR EXISTS (SELECT 1 FROM ledger_entries r WHERE r.county_code = original.county_code AND r.reverses_id = original.id)) THEN
    RAISE EXCEPTION 'ledger recovery exceeds what was paid after the stop date' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_entries_check BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entry_check();
CREATE TRIGGER ledger_entries_no_change BEFORE UPDATE OR DELETE ON ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_batches_no_change BEFORE UPDATE OR DELETE ON ledger_batches FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_batches_no_truncate BEFORE TRUNCATE ON ledger_batches FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- SUB-2: the month's changes explained payee by payee (new, ended, changed, stopped), kept with the run.
CREATE TABLE ledger_run_changes (
  run_id uuid NOT NULL REFERENCES ledger_runs (id),
  seq integer NOT NULL,
  change text NOT NULL CHECK (change IN ('new', 'ended', 'changed', 'stopped')),
  payee_kind text NOT NULL,
  payee_id uuid NOT NULL,
  elder_id uuid,
  region_code text NOT NULL,
  previous_fen bigint NOT NULL,
  current_fen bigint NOT NULL,
  code text NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE TRIGGER ledger_run_changes_no_change BEFORE UPDATE OR DELETE ON ledger_run_changes FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- SUB-8: what the bank did with each line; one result per line. A failure is followed by a reversal.
CREATE TABLE ledger_payment_results (
  county_code text NOT NULL,
  entry_id uuid NOT NULL,
  batch_id uuid NOT NULL REFERENCES ledger_batches (id),
  status text NOT NULL CHECK (status IN ('paid', 'failed')),
  reason text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 500),
  bank_reference text CHECK (bank_reference IS NULL OR char_length(bank_reference) <= 100),
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, entry_id),
  FOREIGN KEY (county_code, entry_id) REFERENCES ledger_entries (county_code, id),
  CHECK ((status = 'failed') = (reason IS NOT NULL))
);
CREATE INDEX ledger_payment_results_batch_idx ON ledger_payment_results (batch_id);
CREATE TRIGGER ledger_payment_results_no_change BEFORE UPDATE OR DELETE ON ledger_payment_results FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_payment_results_no_truncate BEFORE TRUNCATE ON ledger_payment_results FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
