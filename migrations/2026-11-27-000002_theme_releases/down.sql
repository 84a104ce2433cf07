DROP TABLE release_cells;
DROP TABLE releases;
DROP TABLE theme_contributions;
-- The kataloop_manager role is cluster-wide and is left in place.
