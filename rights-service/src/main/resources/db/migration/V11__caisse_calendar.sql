-- The days that move a deadline, per caisse, as data: seeded year by year with the legal list of the caisse's
-- département (LEGAL), edited by admins with a reason (LOCAL days added, legal ones removed). A year is seeded once
-- (caisse_calendar_year); edits are kept in caisse_calendar_change, append-only.
create table caisse_calendar_year (
    caisse_code  varchar(32) not null references caisse (code),
    year         integer     not null check (year between 2000 and 2100),
    primary key (caisse_code, year)
);

create table caisse_calendar_day (
    caisse_code  varchar(32)  not null references caisse (code),
    day          date         not null,
    name         varchar(120) not null check (length(name) > 0),
    origin       varchar(8)   not null check (origin in ('LEGAL', 'LOCAL')),
    primary key (caisse_code, day),
    foreign key (caisse_code, year) references caisse_calendar_year (caisse_code, year),
    year         integer      not null generated always as (extract(year from day)::integer) stored
);

create table caisse_calendar_change (
    id           bigint       generated always as identity primary key,
    caisse_code  varchar(32)  not null references caisse (code),
    day          date         not null,
    non_working  boolean      not null,
    name         varchar(120),
    reason       varchar(2000) not null check (length(reason) > 0),
    changed_by   varchar(128) not null,
    changed_at   timestamptz  not null default now(),
    check (not non_working or name is not null)
);
create index caisse_calendar_change_of on caisse_calendar_change (caisse_code, day);

create function caisse_calendar_change_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'caisse_calendar_change is append-only';
end;
$$;
create trigger caisse_calendar_change_no_update before update or delete on caisse_calendar_change
    for each row execute function caisse_calendar_change_append_only();
