-- Cloud read model of on-prem availability, fed from the Data Hub topic cloud.availability.
create table stock_level (
    part_number  varchar(64) not null,
    location_id  varchar(16) not null,
    available    int not null,
    updated_at   timestamptz not null,
    primary key (part_number, location_id)
);
create table taken_slot (
    appointment_id varchar(64) primary key,
    centre_id      varchar(8)  not null,
    slot_start     timestamptz not null,
    updated_at     timestamptz not null
);
create index taken_slot_centre_idx on taken_slot (centre_id, slot_start);
