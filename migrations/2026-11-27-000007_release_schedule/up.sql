-- Per-tenant release schedule: a release is due once a day, at or after
-- this hour (UTC). Default midnight.
ALTER TABLE tenants ADD COLUMN release_hour_utc smallint NOT NULL DEFAULT 0
    CHECK (release_hour_utc BETWEEN 0 AND 23);
