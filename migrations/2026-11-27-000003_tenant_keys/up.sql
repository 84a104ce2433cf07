-- Per-tenant key material, stored only wrapped under the key-encryption key
-- (guarantee 11): one pepper (version 1) and one data key per version.
CREATE TABLE tenant_keys (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    purpose text NOT NULL CHECK (purpose IN ('data-key', 'pepper')),
    version integer NOT NULL CHECK (version >= 1),
    wrapped bytea NOT NULL,
    -- Which key-encryption key wrapped it (a non-secret fingerprint).
    kek_id text NOT NULL CHECK (char_length(kek_id) BETWEEN 1 AND 200),
    -- Values sealed under this key so far; a key refuses to seal past its
    -- usage limit (guarantee 15). Counted here so that every server
    -- instance shares one count.
    seals_done bigint NOT NULL DEFAULT 0 CHECK (seals_done >= 0),
    PRIMARY KEY (tenant_id, purpose, version)
);
ALTER TABLE tenant_keys OWNER TO kataloop_owner;
ALTER TABLE tenant_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_keys
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

-- The runtime reads its tenant's wrapped keys and counts seals; creating,
-- rotating, retiring and destroying keys are operators' commands.
GRANT SELECT ON tenant_keys TO kataloop_app;
GRANT UPDATE (seals_done) ON tenant_keys TO kataloop_app;

-- Operators list tenants (to re-wrap every tenant's keys under a new
-- key-encryption key, or to pick one to act on). Reading a tenant's data
-- still needs that tenant's transaction.
CREATE POLICY operators_list_tenants ON tenants
    FOR SELECT TO kataloop_owner
    USING (true);
