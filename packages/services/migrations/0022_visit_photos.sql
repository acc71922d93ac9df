-- Issue 6 (HCS-6): photos a caregiver takes during a verified visit. The phone uploads each photo
-- once under its client-generated id (a retry stores nothing new), then syncs the `photo` action
-- carrying the returned photoRef. Keyed by county code like the visit it belongs to.
CREATE TABLE hc_visit_photos (
  county_code text NOT NULL,
  id uuid NOT NULL,
  visit_id uuid NOT NULL,
  worker_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 2097152),
  data bytea NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id),
  FOREIGN KEY (county_code, visit_id) REFERENCES hc_visits (county_code, id)
);
CREATE INDEX hc_visit_photos_visit_idx ON hc_visit_photos (county_code, visit_id);
