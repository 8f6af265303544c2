-- Two home jobs of one van technician keep the travel buffer between them (30 minutes), enforced by
-- PostgreSQL like the no-overlap rule: each live home job stores its time widened by half the buffer on
-- either side ("travel"), and those ranges may not overlap. Concurrent holds that cannot see each other
-- then cannot both be written (the check before the insert alone let them through).
alter table appointment add column travel tstzrange;

-- Existing live home jobs get their range; one that already breaks the rule with an earlier one keeps
-- none (it was written before the rule was enforced) instead of failing the migration.
update appointment a
set travel = tstzrange(lower(a.during) - interval '15 minutes', upper(a.during) + interval '15 minutes', '[)')
where a.mode = 'HOME' and a.status in ('HELD', 'CONFIRMED')
  and not exists (
    select 1 from appointment b
    where b.technician_id = a.technician_id and b.mode = 'HOME' and b.status in ('HELD', 'CONFIRMED')
      and (b.created_at, b.appointment_id) < (a.created_at, a.appointment_id)
      and tstzrange(lower(b.during) - interval '30 minutes', upper(b.during) + interval '30 minutes') && a.during);

alter table appointment add constraint appointment_travel_buffer
    exclude using gist (technician_id with =, travel with &&) where (mode = 'HOME' and status in ('HELD', 'CONFIRMED'));
