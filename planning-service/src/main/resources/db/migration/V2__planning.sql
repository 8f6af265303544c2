-- Reference network, workforce, working plans and appointments of the planning service.

create table centre (
    centre_id   text primary key,
    name        text not null,
    postcode    text not null,
    city        text not null,
    departement text not null,
    vans        int  not null
);
create index centre_by_departement on centre (departement);

-- Opening hours per ISO day of week (1 = Monday); a day without a row is closed.
create table centre_opening (
    centre_id   text     not null references centre,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    opens       time     not null,
    closes      time     not null check (closes > opens),
    primary key (centre_id, day_of_week)
);

create table technician (
    technician_id  text primary key,
    name           text    not null,
    home_centre_id text    not null references centre,
    has_van        boolean not null
);
create index technician_by_centre on technician (home_centre_id);

create table technician_skill (
    technician_id text not null references technician,
    skill         text not null,
    primary key (technician_id, skill)
);

-- Weekly working pattern: several rows a day (the gaps are breaks), valid over a date range.
create table work_pattern (
    technician_id text     not null references technician,
    day_of_week   smallint not null check (day_of_week between 1 and 7),
    starts        time     not null,
    ends          time     not null check (ends > starts),
    valid_from    date     not null,
    valid_to      date     not null
);
create index work_pattern_by_technician on work_pattern (technician_id);

-- Exceptions to the pattern: absences (leave, training, sickness).
create table absence (
    absence_id    uuid primary key,
    technician_id text      not null references technician,
    during        tstzrange not null,
    reason        text      not null,
    recorded_at   timestamptz not null default now()
);
create index absence_by_technician on absence using gist (technician_id, during);

create table appointment (
    appointment_id    uuid primary key,
    booking_reference text        not null,
    technician_id     text        not null references technician,
    centre_id         text        not null references centre,
    mode              text        not null check (mode in ('CENTRE', 'HOME')),
    postcode          text,
    job_type          text        not null,
    calibration       boolean     not null,
    during            tstzrange   not null check (not isempty(during)),
    status            text        not null check (status in ('HELD', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
    expires_at        timestamptz,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    -- no double booking, holds included: the database itself refuses overlapping live appointments
    constraint appointment_no_overlap exclude using gist (technician_id with =, during with &&)
        where (status in ('HELD', 'CONFIRMED'))
);
create index appointment_live_by_technician on appointment using gist (technician_id, during)
    where (status in ('HELD', 'CONFIRMED'));
create index appointment_due_holds on appointment (expires_at) where (status = 'HELD');
create index appointment_by_booking_reference on appointment (booking_reference);

-- Stored responses of idempotent writes: same key and same request answer the same.
create table idempotency_record (
    operation       text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_body   text,
    created_at      timestamptz not null default now(),
    primary key (operation, idempotency_key)
);

-- Spring Modulith event publication registry (schema v2 of spring-modulith-events-jdbc 2.0).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
