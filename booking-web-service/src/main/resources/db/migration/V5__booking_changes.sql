-- A cancellation or reschedule is stored before anything is asked on-prem (status CANCELLING/RESCHEDULING, its saga
-- step), with what the recovery job needs to finish it or to undo it when planning refuses it.
alter table booking
    add column previous_status     varchar(16),
    add column previous_step       varchar(16),
    add column requested_start     timestamptz,
    add column change_requested_at timestamptz;
