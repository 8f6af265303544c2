-- Network, catalogue, stock, holds, transfer orders, idempotency and the event publication registry.

create table locations (
    location_id  text primary key,
    type         text not null check (type in ('DC', 'DEPOT', 'CENTRE')),
    name         text not null,
    postcode     char(5),
    departement  text,
    latitude     double precision not null,
    longitude    double precision not null,
    vans         int not null default 0 check (vans >= 0),
    upstream_id  text references locations (location_id),
    transit_days int not null default 0 check (transit_days >= 0),
    cutoff       time
);
create index locations_departement_idx on locations (departement);

create table parts (
    part_number        text primary key,
    glass_type         text not null check (glass_type in ('WINDSCREEN', 'REAR_WINDOW', 'SIDE_WINDOW')),
    description        text not null,
    adas_camera        boolean not null,
    heated             boolean not null,
    acoustic           boolean not null,
    rain_sensor        boolean not null,
    supplier_lead_days int check (supplier_lead_days > 0)
);

create table vehicle_models (
    model_id  int primary key,
    make      text not null,
    model     text not null,
    year_from int not null,
    year_to   int not null,
    check (year_from <= year_to),
    unique (make, model, year_from)
);

create table fitments (
    model_id    int not null references vehicle_models (model_id),
    part_number text not null references parts (part_number),
    primary key (model_id, part_number)
);
create index fitments_part_idx on fitments (part_number);

-- the CHECK is the last line of defence against overselling; holds use a conditional update first
create table stock (
    part_number text not null references parts (part_number),
    location_id text not null references locations (location_id),
    on_hand     int not null,
    held        int not null default 0,
    allocated   int not null default 0,
    primary key (part_number, location_id),
    constraint stock_never_oversold check (on_hand >= 0 and held >= 0 and allocated >= 0 and held + allocated <= on_hand)
);

create table part_holds (
    hold_id               uuid primary key,
    booking_reference     text not null,
    part_number           text not null references parts (part_number),
    quantity              int not null check (quantity > 0),
    centre_id             text not null references locations (location_id),
    source_type           text not null,
    source_location_id    text references locations (location_id),
    status                text not null check (status in ('HELD', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at            timestamptz not null,
    earliest_available_at timestamptz not null,
    transfer_order_id     uuid,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index part_holds_booking_idx on part_holds (booking_reference);
create index part_holds_expiry_idx on part_holds (expires_at) where status = 'HELD';

create table transfer_orders (
    transfer_order_id   uuid primary key,
    hold_id             uuid not null references part_holds (hold_id),
    part_number         text not null,
    quantity            int not null,
    from_location       text not null,
    to_location_id      text not null references locations (location_id),
    expected_arrival_at timestamptz not null,
    created_at          timestamptz not null
);

create table idempotency_keys (
    idempotency_key text primary key,
    request_hash    text not null,
    response_status int,
    response_body   text,
    created_at      timestamptz not null default now()
);

-- Spring Modulith event publication registry (schema v2 of spring-modulith-events-jdbc 2.0)
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
