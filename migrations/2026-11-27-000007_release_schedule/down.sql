ALTER TABLE tenants DROP COLUMN release_hour_utc;
