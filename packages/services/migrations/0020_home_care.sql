-- HCS-1 … HCS-8: home-care providers and their areas, the service catalogue with subsidised and free
-- prices, workers' care profiles (skills, certificates, shifts, home), orders from every channel,
-- offers with an accept deadline, verified visits (EVV), their notes and photos, the offline sync
-- receipts and supervisors' alerts. Large tables lead their primary key with county_code (scale.md §5).

-- A provider is an organisation (kind 'serviceProvider'); this row adds its areas and rating.
CREATE TABLE hc_providers (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  region_code text NOT NULL,
  service_areas text[] NOT NULL,
  categories text[] NOT NULL,
  phone text,
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (left(region_code, 6) = county_code)
);
CREATE UNIQUE INDEX hc_providers_id_idx ON hc_providers (id);

-- HCS-2: the catalogue per county, with duration, price, required skill level and certificates, tasks.
CREATE TABLE hc_service_items (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  name_en text NOT NULL,
  category text NOT NULL,
  setting text NOT NULL CHECK (setting IN ('home', 'community')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  required_skill_level text,
  required_certificates text[] NOT NULL DEFAULT '{}',
  tasks jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, code)
);
CREATE UNIQUE INDEX hc_service_items_id_idx ON hc_service_items (id);

-- HCS-2, 004-r2: what an elder of a category (and plan profile) pays; the rest is the subsidy.
-- The most specific matching rule wins (item and category and profile before wider ones).
CREATE TABLE hc_price_rules (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  service_item_id uuid,
  category text,
  profile_id text,
  elder_pays_fen integer CHECK (elder_pays_fen IS NULL OR elder_pays_fen >= 0),
  subsidy_percent integer CHECK (subsidy_percent IS NULL OR subsidy_percent BETWEEN 0 AND 100),
  programme text NOT NULL DEFAULT 'serviceSubsidy',
  monthly_cap_visits integer,
  PRIMARY KEY (county_code, id),
  CHECK ((elder_pays_fen IS NULL) <> (subsidy_percent IS NULL))
);

-- Extends the worker records (0011) additively: care skills, certificates, shifts, home, sign-in.
CREATE TABLE hc_worker_profiles (
  county_code text NOT NULL,
  worker_id uuid NOT NULL,
  provider_id uuid NOT NULL,
  user_id uuid UNIQUE,
  skills text[] NOT NULL DEFAULT '{}',
  certificates text[] NOT NULL DEFAULT '{}',
  home_lng double precision NOT NULL CHECK (home_lng BETWEEN -180 AND 180),
  home_lat double precision NOT NULL CHECK (home_lat BETWEEN -90 AND 90),
  -- [{"weekday":1,"start":"08:00","end":"17:00"}, …]
  shifts jsonb NOT NULL DEFAULT '[]'::jsonb,
  max_daily_visits integer NOT NULL DEFAULT 8 CHECK (max_daily_visits BETWEEN 1 AND 30),
  rating_sum integer NOT NULL DEFAULT 0,
  rating_count integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, worker_id),
  FOREIGN KEY (county_code, worker_id) REFERENCES workers (county_code, id)
);
CREATE INDEX hc_worker_profiles_provider_idx ON hc_worker_profiles (county_code, provider_id);

-- HCS-3, HCS-5: one service for one elder, from any channel; due_at is the promised arrival.
CREATE TABLE hc_orders (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  region_code text NOT NULL,
  elder_id uuid NOT NULL,
  service_item_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('phone', 'staff', 'app', 'carePlan', 'sosCall')),
  urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent')),
  status text NOT NULL CHECK (status IN ('open', 'offered', 'assigned', 'inProgress', 'completed', 'cancelled')),
  scheduled_for timestamptz,
  target_minutes integer NOT NULL CHECK (target_minutes > 0),
  due_at timestamptz NOT NULL,
  arrived_at timestamptz,
  provider_id uuid,
  worker_id uuid,
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  subsidy_fen integer NOT NULL CHECK (subsidy_fen >= 0),
  elder_pays_fen integer NOT NULL CHECK (elder_pays_fen >= 0),
  price_rule_id uuid,
  programme text NOT NULL,
  caller_name text,
  caller_relation text,
  notes text,
  -- the creation key (API-4): a retried request finds its order instead of making a second one
  idempotency_key text,
  cancel_reason text,
  -- the last clock alert raised: null, 'atRisk' or 'breached'
  clock_alert text,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, idempotency_key),
  CHECK (left(region_code, 6) = county_code),
  CHECK (price_fen = subsidy_fen + elder_pays_fen)
);
CREATE UNIQUE INDEX hc_orders_id_idx ON hc_orders (id);
CREATE INDEX hc_orders_region_idx ON hc_orders (region_code text_pattern_ops, created_at);
CREATE INDEX hc_orders_elder_idx ON hc_orders (county_code, elder_id);
CREATE INDEX hc_orders_worker_idx ON hc_orders (county_code, worker_id, status);
CREATE INDEX hc_orders_open_idx ON hc_orders (due_at) WHERE status IN ('open', 'offered', 'assigned');

-- HCS-4: one offer to one worker with an accept deadline; overrides carry the operator's reason.
CREATE TABLE hc_offers (
  county_code text NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  rank integer NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  offered_at timestamptz NOT NULL,
  accept_by timestamptz NOT NULL,
  responded_at timestamptz,
  reason text,
  override boolean NOT NULL DEFAULT false,
  offered_by uuid,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, order_id) REFERENCES hc_orders (county_code, id)
);
CREATE UNIQUE INDEX hc_offers_id_idx ON hc_offers (id);
CREATE INDEX hc_offers_order_idx ON hc_offers (county_code, order_id);
-- at most one pending offer per order
CREATE UNIQUE INDEX hc_offers_pending_idx ON hc_offers (county_code, order_id) WHERE status = 'pending';
CREATE INDEX hc_offers_worker_idx ON hc_offers (worker_id, status);

-- HCS-6, HCS-8: the verified visit; its id is generated on the phone so offline replays dedupe.
CREATE TABLE hc_visits (
  county_code text NOT NULL,
  id uuid NOT NULL,
  order_id uuid NOT NULL,
  elder_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  provider_id uuid NOT NULL,
  service_item_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('inProgress', 'completed')),
  check_in_at timestamptz NOT NULL,
  check_in_lng double precision,
  check_in_lat double precision,
  check_in_accuracy_m double precision,
  check_in_distance_m integer,
  check_in_method text NOT NULL CHECK (check_in_method IN ('gps', 'qr', 'elderCode', 'manual')),
  check_out_at timestamptz,
  check_out_lng double precision,
  check_out_lat double precision,
  check_out_accuracy_m double precision,
  check_out_distance_m integer,
  check_out_method text CHECK (check_out_method IN ('gps', 'qr', 'elderCode', 'manual')),
  tolerance_m integer NOT NULL,
  manual_reason text,
  -- [{"code","label","labelEn","outcome","note","at"}]: per task, the latest device time wins
  tasks jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- {"method","by","at","signatureRef"}
  confirmation jsonb,
  flags text[] NOT NULL DEFAULT '{}',
  verified boolean NOT NULL DEFAULT false,
  subsidy_fen integer,
  ledger_entry_id uuid,
  device_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, order_id),
  FOREIGN KEY (county_code, order_id) REFERENCES hc_orders (county_code, id),
  CHECK (check_out_at IS NULL OR check_out_at >= check_in_at)
);
CREATE UNIQUE INDEX hc_visits_id_idx ON hc_visits (id);
CREATE INDEX hc_visits_elder_idx ON hc_visits (county_code, elder_id, check_in_at);
CREATE INDEX hc_visits_worker_idx ON hc_visits (county_code, worker_id, check_in_at);
CREATE INDEX hc_visits_provider_idx ON hc_visits (provider_id, check_in_at);

-- HCS-8: notes and photos, each keyed by the client id that created it (append-only).
CREATE TABLE hc_visit_evidence (
  county_code text NOT NULL,
  id uuid NOT NULL,
  visit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('note', 'photo')),
  text text,
  photo_ref text,
  at timestamptz NOT NULL,
  lng double precision,
  lat double precision,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, visit_id) REFERENCES hc_visits (county_code, id)
);
CREATE INDEX hc_visit_evidence_visit_idx ON hc_visit_evidence (county_code, visit_id);

-- REL-6: one receipt per client-generated action id; a replay finds it and changes nothing.
CREATE TABLE hc_sync_receipts (
  county_code text NOT NULL,
  client_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  device_id text NOT NULL,
  kind text NOT NULL,
  visit_id uuid,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  resolution text,
  code text,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, client_id)
);

-- HCS-5, HCS-6: supervisors' alerts, one per order and kind.
CREATE TABLE hc_alerts (
  county_code text NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('atRisk', 'breached', 'late', 'missed', 'outOfArea', 'offerExpired')),
  order_id uuid NOT NULL,
  visit_id uuid,
  region_code text NOT NULL,
  provider_id uuid,
  raised_at timestamptz NOT NULL,
  due_at timestamptz,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, order_id, kind)
);
CREATE INDEX hc_alerts_region_idx ON hc_alerts (region_code text_pattern_ops, raised_at);
