-- HCS-1, HCS-9, HCS-10, HCS-11, HCS-12: service sites (the map's facilities), daily menus, meal cards,
-- meal orders and their daily counts, the 15-minute-circle coverage rollups, ratings and complaints.
-- Large tables lead their primary key with county_code (scale.md §5); provider ids refer to the
-- home-care providers (migration 0020) by id only, so these tables stand alone.

-- Service points: day-care centres, stations, canteens, meal points, central kitchens, institutions.
CREATE TABLE service_sites (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  -- the community (or street) the site stands in
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6,12}$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('regionalCentre', 'streetCentre', 'communityCentre', 'dayCareCentre', 'station', 'canteen', 'mealPoint', 'centralKitchen', 'institution')),
  address text,
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  service_radius_m integer NOT NULL CHECK (service_radius_m BETWEEN 50 AND 50000),
  -- e.g. {"mon-fri":"07:30-19:00","sat-sun":"09:00-17:00"}
  opening_hours jsonb NOT NULL DEFAULT '{}'::jsonb,
  meal_capacity integer CHECK (meal_capacity IS NULL OR meal_capacity >= 0),
  offers_meals boolean NOT NULL DEFAULT false,
  offers_delivery boolean NOT NULL DEFAULT false,
  provider_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (left(region_code, 6) = county_code)
);
CREATE INDEX service_sites_id_idx ON service_sites (id);
CREATE INDEX service_sites_region_idx ON service_sites (region_code text_pattern_ops, id);
CREATE INDEX service_sites_provider_idx ON service_sites (provider_id);

-- HCS-11 the day's menu per site and meal; diet tags such as diabetic, lowSalt, soft.
CREATE TABLE meal_menus (
  county_code text NOT NULL,
  site_id uuid NOT NULL,
  menu_date date NOT NULL,
  meal text NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner')),
  dishes jsonb NOT NULL,
  diet_tags text[] NOT NULL DEFAULT '{}',
  price_fen integer NOT NULL CHECK (price_fen BETWEEN 0 AND 100000),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, site_id, menu_date, meal),
  FOREIGN KEY (county_code, site_id) REFERENCES service_sites (county_code, id)
);

-- Elder meal cards (助餐卡): the number printed on the card and encoded in its barcode.
CREATE TABLE meal_cards (
  county_code text NOT NULL,
  card_number text NOT NULL CHECK (card_number ~ '^[0-9A-Z]{6,20}$'),
  elder_id uuid NOT NULL,
  issued_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lost', 'cancelled')),
  PRIMARY KEY (county_code, card_number)
);
CREATE UNIQUE INDEX meal_cards_number_idx ON meal_cards (card_number);
CREATE INDEX meal_cards_elder_idx ON meal_cards (county_code, elder_id);

-- HCS-11, HCS-12 one meal per elder, day and meal: a replayed order or redemption finds this row.
CREATE TABLE meal_orders (
  county_code text NOT NULL,
  id uuid NOT NULL,
  site_id uuid NOT NULL,
  elder_id uuid NOT NULL,
  -- the elder's residence community, for region scope
  region_code text NOT NULL,
  meal_date date NOT NULL,
  meal text NOT NULL CHECK (meal IN ('breakfast', 'lunch', 'dinner')),
  channel text NOT NULL CHECK (channel IN ('counter', 'preorder', 'worker', 'family')),
  delivery boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('ordered', 'redeemed', 'delivered', 'cancelled')),
  price_fen integer NOT NULL CHECK (price_fen >= 0),
  subsidy_fen integer NOT NULL CHECK (subsidy_fen >= 0 AND subsidy_fen <= price_fen),
  payable_fen integer NOT NULL CHECK (payable_fen = price_fen - subsidy_fen),
  subsidy_basis text NOT NULL,
  subsidy_rule text NOT NULL,
  redeemed_via text CHECK (redeemed_via IN ('card', 'qr', 'idNumber')),
  redeemed_at timestamptz,
  redeemed_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  UNIQUE (county_code, elder_id, meal_date, meal),
  FOREIGN KEY (county_code, site_id) REFERENCES service_sites (county_code, id)
);
CREATE INDEX meal_orders_site_day_idx ON meal_orders (county_code, site_id, meal_date);
CREATE INDEX meal_orders_region_idx ON meal_orders (region_code text_pattern_ops, meal_date);

-- Daily counts per site (a rollup kept in the same transaction as each order and redemption).
CREATE TABLE meal_daily_counts (
  county_code text NOT NULL,
  site_id uuid NOT NULL,
  meal_date date NOT NULL,
  region_code text NOT NULL,
  ordered integer NOT NULL DEFAULT 0,
  redeemed integer NOT NULL DEFAULT 0,
  delivered integer NOT NULL DEFAULT 0,
  cancelled integer NOT NULL DEFAULT 0,
  subsidy_fen bigint NOT NULL DEFAULT 0,
  payable_fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (county_code, site_id, meal_date)
);
CREATE INDEX meal_daily_counts_region_idx ON meal_daily_counts (region_code text_pattern_ops, meal_date);

-- HCS-10 the 15-minute circle per community, precomputed (dashboards never scan elders on request).
CREATE TABLE coverage_rollups (
  county_code text NOT NULL,
  community_code text NOT NULL,
  metres integer NOT NULL CHECK (metres > 0),
  elders integer NOT NULL,
  located integer NOT NULL,
  covered integer NOT NULL,
  share_basis_points integer NOT NULL CHECK (share_basis_points BETWEEN 0 AND 10000),
  sites integer NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, community_code)
);
CREATE INDEX coverage_rollups_community_idx ON coverage_rollups (community_code text_pattern_ops);

-- The uncovered elders of the last computation, with the nearest site and its distance (planners' list).
CREATE TABLE coverage_uncovered (
  county_code text NOT NULL,
  community_code text NOT NULL,
  elder_id uuid NOT NULL,
  nearest_site_id uuid,
  nearest_metres integer,
  PRIMARY KEY (county_code, community_code, elder_id)
);

-- HCS-9 stars from elders and families for a provider or a site.
CREATE TABLE service_ratings (
  county_code text NOT NULL,
  id uuid NOT NULL,
  region_code text NOT NULL,
  elder_id uuid,
  rater_kind text NOT NULL CHECK (rater_kind IN ('elder', 'family', 'staffOnBehalf')),
  provider_id uuid,
  site_id uuid,
  stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text CHECK (comment IS NULL OR char_length(comment) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  CHECK (provider_id IS NOT NULL OR site_id IS NOT NULL)
);
CREATE INDEX service_ratings_provider_idx ON service_ratings (provider_id);
CREATE INDEX service_ratings_site_idx ON service_ratings (county_code, site_id);

-- HCS-9, SUP-2 complaints routed to the provider and the region's supervisor, with a response deadline.
CREATE TABLE complaints (
  county_code text NOT NULL,
  id uuid NOT NULL,
  -- where the complaint is supervised: the site's region, else the elder's residence
  region_code text NOT NULL,
  elder_id uuid,
  complainant_kind text NOT NULL CHECK (complainant_kind IN ('elder', 'family', 'staffOnBehalf', 'other')),
  complainant_name text CHECK (complainant_name IS NULL OR char_length(complainant_name) <= 50),
  provider_id uuid,
  site_id uuid,
  category text NOT NULL CHECK (category IN ('quality', 'lateness', 'missedService', 'attitude', 'food', 'billing', 'safety', 'other')),
  description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 2000),
  status text NOT NULL CHECK (status IN ('open', 'acknowledged', 'responded', 'resolved', 'closed')),
  received_at timestamptz NOT NULL,
  deadline_at timestamptz NOT NULL,
  response_working_days integer NOT NULL,
  response text CHECK (response IS NULL OR char_length(response) <= 2000),
  responded_at timestamptz,
  responded_by uuid,
  closed_at timestamptz,
  created_by uuid,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (county_code, id),
  CHECK (deadline_at > received_at)
);
CREATE INDEX complaints_id_idx ON complaints (id);
CREATE INDEX complaints_region_idx ON complaints (region_code text_pattern_ops, received_at);
CREATE INDEX complaints_provider_idx ON complaints (provider_id, status);
CREATE INDEX complaints_open_deadline_idx ON complaints (county_code, deadline_at) WHERE status IN ('open', 'acknowledged');
