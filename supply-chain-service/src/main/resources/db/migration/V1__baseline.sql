-- Baseline of the supply-chain-service database: the extensions every later migration may rely on.
create extension if not exists btree_gist;
