-- Baseline of the booking-web-service database: the extensions every later migration may rely on.
create extension if not exists btree_gist;
