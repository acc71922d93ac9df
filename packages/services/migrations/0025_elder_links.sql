-- AZ-8 (issue 6): an elder's own account (relation 'self') or a family member's account, linked to one
-- elder with the elder's consent. Every /api/me query reaches only linked, unrevoked elders.
CREATE TABLE elder_account_links (
  county_code text NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  elder_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('self', 'spouse', 'child', 'grandchild', 'sibling', 'other')),
  consent_granted_at timestamptz NOT NULL,
  consent_granted_by uuid,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_code, id)
);
CREATE UNIQUE INDEX elder_account_links_live_idx ON elder_account_links (user_id, elder_id) WHERE revoked_at IS NULL;
CREATE INDEX elder_account_links_elder_idx ON elder_account_links (county_code, elder_id);
