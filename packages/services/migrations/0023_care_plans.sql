-- HCS-3 (issue 6, item 2): recurring care-plan visits. A daily job turns the next 7 days of each
-- active plan into orders (channel 'carePlan') with one idempotency key per plan and day.
CREATE TABLE hc_care_plans (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  region_code text NOT NULL,
  elder_id uuid NOT NULL,
  service_item_id uuid NOT NULL,
  provider_id uuid,
  -- ISO weekdays, comma-separated in ascending order: '1,3,5' = Monday, Wednesday, Friday
  weekdays text NOT NULL CHECK (weekdays ~ '^[1-7](,[1-7]){0,6}$'),
  -- local start time in China, 'HH:MM'
  time_of_day text NOT NULL CHECK (time_of_day ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  start_date date NOT NULL,
  end_date date,
  status text NOT NULL CHECK (status IN ('active', 'ended')),
  notes text,
  end_reason text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  ended_by uuid,
  ended_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, elder_id) REFERENCES elders (county_code, id),
  CHECK (left(region_code, 6) = county_code),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX hc_care_plans_id_idx ON hc_care_plans (id);
CREATE INDEX hc_care_plans_elder_idx ON hc_care_plans (county_code, elder_id);
CREATE INDEX hc_care_plans_active_idx ON hc_care_plans (county_code, id) WHERE status = 'active';
