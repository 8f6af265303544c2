-- Timestamps are written by the service from its business clock (docs/contracts.md "Time"), never by
-- PostgreSQL's now(): without a default, an insert that forgets one fails instead of reading the wrong clock.
alter table appointment
    alter column created_at drop default,
    alter column updated_at drop default;
alter table absence
    alter column recorded_at drop default;
alter table idempotency_record
    alter column created_at drop default;
