DROP TABLE rides;
DROP TABLE themes;
DROP TABLE participants;
DROP TABLE teams;
DROP TABLE tenants;
DROP TYPE theme_status;
DROP TYPE ride_status;
DROP FUNCTION app.current_tenant_id();
DROP SCHEMA app;
-- Roles are cluster-wide and may serve other databases: they are left in place.
