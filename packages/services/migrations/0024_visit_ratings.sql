-- HCS-9, HCS-4: a rating may be of one verified visit, which names the worker who made it. A visit is
-- rated once (a later rating amends the stars); the worker's and the provider's rating_sum and
-- rating_count (0020) move in the rating's transaction, so dispatch ranks by live ratings.
ALTER TABLE service_ratings ADD COLUMN visit_id uuid;
ALTER TABLE service_ratings ADD COLUMN worker_id uuid;
ALTER TABLE service_ratings ADD COLUMN updated_at timestamptz;
CREATE UNIQUE INDEX service_ratings_visit_idx ON service_ratings (county_code, visit_id) WHERE visit_id IS NOT NULL;
CREATE INDEX service_ratings_worker_idx ON service_ratings (county_code, worker_id) WHERE worker_id IS NOT NULL;
