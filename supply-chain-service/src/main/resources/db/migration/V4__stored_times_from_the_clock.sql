-- Stored times come from the service's clock (docs/contracts.md "Time"), never from PostgreSQL's now().
alter table idempotency_keys alter column created_at drop default;
