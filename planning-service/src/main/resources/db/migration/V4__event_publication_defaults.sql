-- The service writes its outbox through Spring Modulith's first JDBC repository (ADR 0006), whose insert
-- leaves out the columns of schema v2. With these defaults its rows look like those of the v2 repository
-- (PUBLISHED, one attempt), so that an instance of the previous release (during a rolling deployment or
-- after a rollback) still resubmits them: its resubmission claim (status <> 'RESUBMITTED') skips a NULL status.
alter table event_publication
    alter column status set default 'PUBLISHED',
    alter column completion_attempts set default 1,
    alter column last_resubmission_date set default now();
