-- Facility attributes and designations (issue 7, KPI-4 "declared" indicators, BED-1/BED-2 figures):
-- beds, ownership and meal-delivery vehicles of a service site, and the designations an authority
-- declared for a site (智慧养老院, 康复辅具中心, 医养结合示范机构, 照料中心提升改造) or a community
-- (认知症友好社区, 全国示范性老年友好型社区). Both are append-only histories: who, when, which document.
-- Runs unchanged on PGlite and PostgreSQL. Keyed by the 6-digit county code first (scale.md §5).

-- One row per version of a site's attributes; the highest version is the current one and a rollup
-- reads the version in force at a month's end. The bed figures are declared by civil affairs until
-- a bed module (BED-2, BED-3) keeps rooms and beds: it then writes versions with beds_source
-- 'bedModule' computed from its census, and this table keeps its shape.
CREATE TABLE facility_attribute_versions (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  site_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  beds_total integer CHECK (beds_total IS NULL OR beds_total BETWEEN 0 AND 100000),
  nursing_beds integer CHECK (nursing_beds IS NULL OR nursing_beds BETWEEN 0 AND 100000),
  occupied_beds integer CHECK (occupied_beds IS NULL OR occupied_beds BETWEEN 0 AND 100000),
  beds_source text NOT NULL DEFAULT 'declared' CHECK (beds_source IN ('declared', 'bedModule')),
  ownership text CHECK (ownership IS NULL OR ownership IN ('public', 'private', 'publicPrivate')),
  meal_delivery_vehicles integer CHECK (meal_delivery_vehicles IS NULL OR meal_delivery_vehicles BETWEEN 0 AND 10000),
  -- the document (文号) or record the figures come from, and a free note
  document text CHECK (document IS NULL OR char_length(document) <= 200),
  note text CHECK (note IS NULL OR char_length(note) <= 500),
  changed_by uuid NOT NULL,
  changed_by_name text NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, site_id, version),
  FOREIGN KEY (county_code, site_id) REFERENCES service_sites (county_code, id),
  CHECK (nursing_beds IS NULL OR beds_total IS NULL OR nursing_beds <= beds_total),
  CHECK (occupied_beds IS NULL OR beds_total IS NULL OR occupied_beds <= beds_total)
);
CREATE INDEX facility_attribute_versions_time_idx ON facility_attribute_versions (county_code, changed_at);

-- A designation declared by an authority, for a site (site_id set) or a community (site_id null).
-- region_code is the site's region or the designated region. Never updated: a revocation is a row below.
CREATE TABLE facility_designations (
  county_code text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  id uuid NOT NULL,
  site_id uuid,
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6,12}$'),
  designation text NOT NULL CHECK (designation IN ('smartCareHome', 'assistiveDeviceCentre',
    'medicalCareDemoInstitution', 'centreUpgraded', 'dementiaFriendlyCommunity', 'modelElderFriendlyCommunity')),
  designated_on date NOT NULL,
  authority text NOT NULL CHECK (char_length(authority) BETWEEN 1 AND 100),
  document text NOT NULL CHECK (char_length(document) BETWEEN 1 AND 200),
  note text CHECK (note IS NULL OR char_length(note) <= 500),
  granted_by uuid NOT NULL,
  granted_by_name text NOT NULL,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, site_id) REFERENCES service_sites (county_code, id),
  CHECK (left(region_code, 6) = county_code)
);
CREATE UNIQUE INDEX facility_designations_id_idx ON facility_designations (id);
CREATE INDEX facility_designations_site_idx ON facility_designations (county_code, site_id);
CREATE INDEX facility_designations_region_idx ON facility_designations (region_code text_pattern_ops);

-- The revocation of a designation (撤销), with its reason; at most one per designation.
CREATE TABLE facility_designation_revocations (
  county_code text NOT NULL,
  designation_id uuid NOT NULL,
  revoked_on date NOT NULL,
  reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
  document text CHECK (document IS NULL OR char_length(document) <= 200),
  revoked_by uuid NOT NULL,
  revoked_by_name text NOT NULL,
  revoked_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, designation_id),
  FOREIGN KEY (county_code, designation_id) REFERENCES facility_designations (county_code, id)
);

-- History is kept: the three tables are append-only (the function comes from migration 0030).
CREATE TRIGGER facility_attribute_versions_history BEFORE UPDATE OR DELETE ON facility_attribute_versions
  FOR EACH ROW EXECUTE FUNCTION indicator_reported_append_only();
CREATE TRIGGER facility_designations_history BEFORE UPDATE OR DELETE ON facility_designations
  FOR EACH ROW EXECUTE FUNCTION indicator_reported_append_only();
CREATE TRIGGER facility_designation_revocations_history BEFORE UPDATE OR DELETE ON facility_designation_revocations
  FOR EACH ROW EXECUTE FUNCTION indicator_reported_append_only();
