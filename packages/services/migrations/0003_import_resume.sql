-- REG-6, FT-1: an import shows where an interrupted run was resumed, why it failed, and a masked preview.
ALTER TABLE import_jobs ADD COLUMN resumed_from_row integer;
ALTER TABLE import_jobs ADD COLUMN resume_count integer NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN failure text;
ALTER TABLE import_jobs ADD COLUMN preview jsonb NOT NULL DEFAULT '[]';
CREATE INDEX import_jobs_file_hash_idx ON import_jobs (file_hash, created_by);
CREATE INDEX import_jobs_created_idx ON import_jobs (created_at DESC, id);
