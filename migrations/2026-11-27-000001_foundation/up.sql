-- Foundation: roles, the tenant-setting function, the five core tables, and
-- row-level security on every one of them.
--
-- Roles are cluster-wide, so they are created only if missing; the tolerant
-- exception handler covers two databases being migrated at the same moment.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kataloop_owner') THEN
        CREATE ROLE kataloop_owner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kataloop_app') THEN
        CREATE ROLE kataloop_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

CREATE SCHEMA app;
ALTER SCHEMA app OWNER TO kataloop_owner;
GRANT USAGE ON SCHEMA app TO kataloop_app;
GRANT USAGE ON SCHEMA public TO kataloop_app;

-- The tenant of the current transaction, or NULL when none is set. After a
-- transaction-local set_config has ended, the setting reads '' rather than
-- NULL; NULLIF makes both fail closed (no row matches NULL).
CREATE FUNCTION app.current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.current_tenant_id', true), '')::uuid $$;
ALTER FUNCTION app.current_tenant_id() OWNER TO kataloop_owner;
GRANT EXECUTE ON FUNCTION app.current_tenant_id() TO kataloop_app;

CREATE TYPE ride_status AS ENUM ('pending', 'processed', 'erased');
ALTER TYPE ride_status OWNER TO kataloop_owner;
CREATE TYPE theme_status AS ENUM ('pending', 'visible');
ALTER TYPE theme_status OWNER TO kataloop_owner;

CREATE TABLE tenants (
    id uuid PRIMARY KEY,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    -- A domain names exactly one tenant, so this is the one unique key
    -- without a tenant column: the tenant's own id is the row's key.
    domain text NOT NULL UNIQUE CHECK (char_length(domain) BETWEEN 3 AND 253),
    k_anonymity smallint NOT NULL DEFAULT 5 CHECK (k_anonymity >= 3),
    data_region text NOT NULL DEFAULT 'us-east-1' CHECK (data_region ~ '^[a-z0-9-]{1,32}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);

-- Guarantee 25: no activity time finer than a day, and nothing about the
-- person but the keyed hash.
CREATE TABLE participants (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    participant_pid uuid NOT NULL,
    hashed_hr_id text NOT NULL CHECK (char_length(hashed_hr_id) BETWEEN 1 AND 128),
    team_id uuid,
    created_on date NOT NULL DEFAULT current_date,
    last_active_on date NOT NULL DEFAULT current_date,
    PRIMARY KEY (tenant_id, participant_pid),
    UNIQUE (tenant_id, hashed_hr_id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id)
);

-- One row per cell: a theme (slug) in a scope (the tenant when team_id is
-- NULL, else one team). The figure columns hold what the latest release
-- showed; live state lives in theme_contributions.
CREATE TABLE themes (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL,
    team_id uuid,
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9_]{1,64}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    contributor_count integer NOT NULL DEFAULT 0 CHECK (contributor_count >= 0),
    confidence real NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
    suggested_action text NOT NULL DEFAULT '',
    status theme_status NOT NULL DEFAULT 'pending',
    -- Contributors changed since the last release.
    dirty boolean NOT NULL DEFAULT true,
    created_on date NOT NULL DEFAULT current_date,
    updated_on date NOT NULL DEFAULT current_date,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id)
);
CREATE UNIQUE INDEX themes_cell ON themes (tenant_id, slug, team_id) NULLS NOT DISTINCT;

CREATE TABLE rides (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL,
    participant_pid uuid NOT NULL,
    session_alias text NOT NULL CHECK (char_length(session_alias) BETWEEN 1 AND 64),
    team_id uuid,
    conversation_ciphertext bytea NOT NULL,
    key_version integer NOT NULL CHECK (key_version >= 1),
    theme_id uuid,
    sentiment real CHECK (sentiment BETWEEN -1 AND 1),
    -- The theme classifier's confidence for theme_id.
    confidence real CHECK (confidence BETWEEN 0 AND 1),
    anonymized_summary text,
    status ride_status NOT NULL DEFAULT 'pending',
    created_on date NOT NULL DEFAULT current_date,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, participant_pid) REFERENCES participants (tenant_id, participant_pid),
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id),
    FOREIGN KEY (tenant_id, theme_id) REFERENCES themes (tenant_id, id)
);
CREATE INDEX rides_by_participant ON rides (tenant_id, participant_pid);
CREATE INDEX rides_by_theme ON rides (tenant_id, theme_id);

ALTER TABLE tenants OWNER TO kataloop_owner;
ALTER TABLE teams OWNER TO kataloop_owner;
ALTER TABLE participants OWNER TO kataloop_owner;
ALTER TABLE themes OWNER TO kataloop_owner;
ALTER TABLE rides OWNER TO kataloop_owner;

-- Row-level security, forced so that the owner is bound by it as well.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants
    USING (id = (SELECT app.current_tenant_id()))
    WITH CHECK (id = (SELECT app.current_tenant_id()));

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON teams
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE participants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON participants
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE themes ENABLE ROW LEVEL SECURITY;
ALTER TABLE themes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON themes
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE rides ENABLE ROW LEVEL SECURITY;
ALTER TABLE rides FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON rides
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

-- The runtime role: data manipulation only, and only what the server does.
-- Tenants and teams are created by operators (the owner); the runtime reads them.
GRANT SELECT ON tenants, teams TO kataloop_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON participants, themes, rides TO kataloop_app;
