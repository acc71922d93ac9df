-- REG-6: a direct import (the CLI's valid-rows-only run) validates and imports in one pass, without a preview.
ALTER TABLE import_jobs ADD COLUMN direct boolean NOT NULL DEFAULT false;
