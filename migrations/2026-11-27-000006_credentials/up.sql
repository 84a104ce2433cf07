-- Credentials and managers' answers (issue 7).
--
-- Manager tokens are signed by keys derived from the tenant's keyring and
-- carry their own expiry; this list names those revoked earlier. The admin
-- binary (owner) adds rows; the server (runtime) reads them on every
-- manager request. Rows past `expires_on` can be pruned.
CREATE TABLE manager_token_revocations (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    token_id uuid NOT NULL,
    expires_on date NOT NULL,
    revoked_on date NOT NULL DEFAULT current_date,
    PRIMARY KEY (tenant_id, token_id)
);

-- A tenant's OpenID Connect identity provider: exact issuer, the audience
-- (client id), the claim holding the HR id, allowed clock skew, and its
-- JWKS document (stored, so the server never fetches keys at request time;
-- the admin binary refreshes it).
CREATE TABLE tenant_oidc_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    issuer text NOT NULL CHECK (char_length(issuer) BETWEEN 1 AND 500),
    audience text NOT NULL CHECK (char_length(audience) BETWEEN 1 AND 500),
    hr_id_claim text NOT NULL CHECK (char_length(hr_id_claim) BETWEEN 1 AND 100),
    leeway_secs integer NOT NULL DEFAULT 60 CHECK (leeway_secs BETWEEN 0 AND 300),
    jwks text NOT NULL CHECK (char_length(jwks) BETWEEN 2 AND 65536),
    updated_on date NOT NULL DEFAULT current_date
);

-- "You said, we did": a manager's visible answer to a visible theme cell,
-- shown to the employees whose rides are in that theme (through their
-- receipts). Dated by day only.
CREATE TABLE theme_responses (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL,
    theme_id uuid NOT NULL,
    body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    created_on date NOT NULL DEFAULT current_date,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, theme_id) REFERENCES themes (tenant_id, id)
);
CREATE INDEX theme_responses_by_theme ON theme_responses (tenant_id, theme_id);

ALTER TABLE manager_token_revocations OWNER TO kataloop_owner;
ALTER TABLE tenant_oidc_settings OWNER TO kataloop_owner;
ALTER TABLE theme_responses OWNER TO kataloop_owner;

ALTER TABLE manager_token_revocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE manager_token_revocations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON manager_token_revocations
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE tenant_oidc_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_oidc_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_oidc_settings
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE theme_responses ENABLE ROW LEVEL SECURITY;
ALTER TABLE theme_responses FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON theme_responses
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

-- The runtime reads revocations and identity-provider settings (operators
-- write them) and records managers' answers after checking the manager's
-- token and scope.
GRANT SELECT ON manager_token_revocations, tenant_oidc_settings TO kataloop_app;
GRANT SELECT, INSERT ON theme_responses TO kataloop_app;
