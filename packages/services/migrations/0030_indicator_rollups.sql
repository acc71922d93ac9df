-- Plan indicators (issue 7, KPI-1 … KPI-10): rollups of operational records per region and month,
-- the refresh log, and reported / declared indicator values (append-only, audited).
-- Runs unchanged on PGlite and PostgreSQL. Keyed by the 6-digit county code first (scale.md §5).

-- One aggregated measure (a count or a sum) for one region (community, street, county, city,
-- province) and month. Parents hold the sums of their children's numbers, never averages.
CREATE TABLE indicator_rollups (
  county_code text NOT NULL CHECK (county_code ~ '^([0-9]{6}|[0-9]{4}00|[0-9]{2}0000)$'),
  region_code text NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  measure text NOT NULL CHECK (char_length(measure) BETWEEN 1 AND 80),
  amount bigint NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, region_code, period, measure)
);
CREATE INDEX indicator_rollups_region_idx ON indicator_rollups (region_code, period);
CREATE INDEX indicator_rollups_period_idx ON indicator_rollups (period, measure);

-- The same figures, one row per region and month with its measures as a JSON object: what the
-- dashboards read (a plan page or overview is one or a few primary-key rows).
CREATE TABLE indicator_region_measures (
  county_code text NOT NULL,
  region_code text NOT NULL,
  period text NOT NULL,
  measures jsonb NOT NULL,
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, region_code, period)
);

-- A refresh's rows before they replace the period's rows in one short transaction (readers never
-- wait on the aggregation, and see either the old or the new figures).
CREATE TABLE indicator_rollup_staging (
  refresh_key text NOT NULL,
  county_code text NOT NULL,
  region_code text NOT NULL,
  period text NOT NULL,
  measure text NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (refresh_key, county_code, region_code, period, measure)
);

-- Each refresh: when, which months, and which record sources existed (the rest are `missingSource`).
CREATE TABLE indicator_refreshes (
  id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  periods text[] NOT NULL,
  sources text[] NOT NULL,
  row_count integer NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('start', 'schedule', 'manual', 'test'))
);

-- KPI-4: reported and declared figures, one row per entry; the latest entry per
-- (profile, indicator, region, year) counts. Never updated or deleted.
CREATE TABLE indicator_reported_values (
  county_code text NOT NULL CHECK (county_code ~ '^([0-9]{6}|[0-9]{4}00|[0-9]{2}0000)$'),
  id uuid NOT NULL,
  profile_id text NOT NULL CHECK (profile_id ~ '^[0-9]{3}$'),
  indicator_id text NOT NULL CHECK (indicator_id ~ '^[0-9]{3}-[0-9]+$'),
  region_code text NOT NULL CHECK (region_code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{9}|[0-9]{12})$'),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  value bigint NOT NULL CHECK (value >= 0),
  note text CHECK (note IS NULL OR char_length(note) <= 500),
  entered_by uuid NOT NULL,
  entered_by_name text NOT NULL,
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id)
);
CREATE INDEX indicator_reported_values_lookup_idx
  ON indicator_reported_values (profile_id, indicator_id, region_code, year, entered_at DESC);

CREATE FUNCTION indicator_reported_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER indicator_reported_values_history BEFORE UPDATE OR DELETE ON indicator_reported_values
  FOR EACH ROW EXECUTE FUNCTION indicator_reported_append_only();
