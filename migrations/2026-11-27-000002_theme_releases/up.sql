-- k-anonymous aggregation: live contributor sets and releases, and the
-- managers' role, which can read released data only (guarantee 22).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kataloop_manager') THEN
        CREATE ROLE kataloop_manager NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Live state: each participant once per cell, with the ride that first put
-- them there (only that ride shapes what managers see, guarantee 2).
-- released_seq: the release whose figures first included this participant
-- (NULL while not yet behind any shown figures).
CREATE TABLE theme_contributions (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    theme_id uuid NOT NULL,
    participant_pid uuid NOT NULL,
    first_ride_id uuid NOT NULL,
    released_seq bigint CHECK (released_seq >= 1),
    PRIMARY KEY (tenant_id, theme_id, participant_pid),
    FOREIGN KEY (tenant_id, theme_id) REFERENCES themes (tenant_id, id),
    FOREIGN KEY (tenant_id, participant_pid) REFERENCES participants (tenant_id, participant_pid),
    FOREIGN KEY (tenant_id, first_ride_id) REFERENCES rides (tenant_id, id)
);
CREATE INDEX theme_contributions_by_participant ON theme_contributions (tenant_id, participant_pid);

-- Releases: one snapshot per epoch; managers read the latest.
CREATE TABLE releases (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL,
    seq bigint NOT NULL CHECK (seq >= 1),
    released_on date NOT NULL,
    k_anonymity smallint NOT NULL CHECK (k_anonymity >= 3),
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, seq)
);

-- The figures of every cell that has figures in a release; `visible` says
-- whether managers see them (hidden ones are kept as the reference for the
-- next change, guarantee 6).
CREATE TABLE release_cells (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    release_id uuid NOT NULL,
    theme_id uuid NOT NULL,
    visible boolean NOT NULL,
    contributor_count integer NOT NULL CHECK (contributor_count >= 0),
    sentiment real NOT NULL CHECK (sentiment BETWEEN -1 AND 1),
    confidence real NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    name text NOT NULL,
    description text NOT NULL,
    suggested_action text NOT NULL,
    summaries text[] NOT NULL,
    PRIMARY KEY (tenant_id, release_id, theme_id),
    FOREIGN KEY (tenant_id, release_id) REFERENCES releases (tenant_id, id),
    FOREIGN KEY (tenant_id, theme_id) REFERENCES themes (tenant_id, id)
);

ALTER TABLE theme_contributions OWNER TO kataloop_owner;
ALTER TABLE releases OWNER TO kataloop_owner;
ALTER TABLE release_cells OWNER TO kataloop_owner;

ALTER TABLE theme_contributions ENABLE ROW LEVEL SECURITY;
ALTER TABLE theme_contributions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON theme_contributions
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE releases ENABLE ROW LEVEL SECURITY;
ALTER TABLE releases FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON releases
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));

ALTER TABLE release_cells ENABLE ROW LEVEL SECURITY;
ALTER TABLE release_cells FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON release_cells
    USING (tenant_id = (SELECT app.current_tenant_id()))
    WITH CHECK (tenant_id = (SELECT app.current_tenant_id()));
-- Restrictive: managers never see hidden figures, whatever else allows it.
CREATE POLICY managers_see_visible_only ON release_cells AS RESTRICTIVE
    FOR SELECT TO kataloop_manager
    USING (visible);

GRANT SELECT, INSERT, UPDATE, DELETE ON theme_contributions, releases, release_cells TO kataloop_app;

-- Managers: released data only. No privilege on rides, participants,
-- contributions or any timestamp of a person (guarantee 22).
GRANT USAGE ON SCHEMA app TO kataloop_manager;
GRANT USAGE ON SCHEMA public TO kataloop_manager;
GRANT EXECUTE ON FUNCTION app.current_tenant_id() TO kataloop_manager;
GRANT SELECT ON releases, release_cells TO kataloop_manager;
GRANT SELECT (tenant_id, id, team_id, slug) ON themes TO kataloop_manager;
GRANT SELECT (tenant_id, id, name) ON teams TO kataloop_manager;
