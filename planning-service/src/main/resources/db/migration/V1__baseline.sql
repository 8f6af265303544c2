-- Baseline of the planning-service database: the extensions every later migration may rely on.
create extension if not exists btree_gist;
