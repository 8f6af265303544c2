-- Bookings and their saga state. One row per booking; the saga step says where to resume after a crash.
create table booking (
    reference        varchar(16) primary key,
    status           varchar(16) not null,
    saga_step        varchar(16) not null,
    channel          varchar(8)  not null,
    partner_id       varchar(64),
    job_type         varchar(32) not null,
    calibration      boolean     not null,
    part_number      varchar(64),
    centre_id        varchar(8)  not null,
    mode             varchar(8)  not null,
    postcode         varchar(5),
    slot_start       timestamptz not null,
    slot_end         timestamptz,
    vehicle_make     varchar(64) not null,
    vehicle_model    varchar(64) not null,
    vehicle_year     int         not null,
    vehicle_plate    varchar(16),
    customer_name    varchar(120) not null,
    customer_email   varchar(254) not null,
    customer_phone   varchar(32)  not null,
    contact_consent  boolean     not null,
    appointment_id   varchar(64),
    hold_id          varchar(64),
    failure_reason   varchar(32),
    attempts         int         not null default 0,
    lease_until      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index booking_partner_idx on booking (partner_id, created_at desc);
create index booking_open_saga_idx on booking (updated_at) where saga_step <> 'DONE';

-- Partner idempotency keys: a replay returns the same booking, another body with the same key is refused.
create table partner_request (
    partner_id       varchar(64) not null,
    idempotency_key  varchar(128) not null,
    request_hash     varchar(64) not null,
    booking_reference varchar(16) not null references booking (reference),
    created_at       timestamptz not null,
    primary key (partner_id, idempotency_key)
);
