-- Tamper-evident audit log: one hash chain per tenant (audit_events) and
-- one for operator actions that concern no tenant (audit_global_events).
-- hash = SHA-256(prev_hash || canonical event); `kataloop-admin audit verify`
-- recomputes every chain.
CREATE TABLE audit_events (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    seq bigint NOT NULL CHECK (seq >= 1),
    occurred_at timestamptz NOT NULL,
    -- An operator's name or a manager token id: never an employee.
    actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
    action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,63}$'),
    -- No personal data: ids, counts, settings.
    details jsonb NOT NULL,
    prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (tenant_id, seq)
);
ALTER TABLE audit_events OWNER TO kataloop_owner;
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_events
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));
-- The runtime appends (manager dashboard views) and reads the chain's tail;
-- it can neither change nor delete an event.
GRANT SELECT, INSERT ON audit_events TO kataloop_app;

CREATE TABLE audit_global_events (
    seq bigint PRIMARY KEY CHECK (seq >= 1),
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
    action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_.]{0,63}$'),
    details jsonb NOT NULL,
    prev_hash bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash bytea NOT NULL CHECK (octet_length(hash) = 32)
);
ALTER TABLE audit_global_events OWNER TO kataloop_owner;
