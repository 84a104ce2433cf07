DROP TABLE audit_global_events;
DROP TABLE audit_events;
