-- Local projection of the register (topic register.fiches, compacted): the last published version of each fiche.
create table fiche_projection (
    number       integer     primary key check (number between 1 and 9999),
    version      integer     not null check (version >= 1),
    status       varchar(16) not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    title        text,
    payload      jsonb,
    event_id     varchar(128) not null,
    received_at  timestamptz not null default now(),
    check (status = 'WITHDRAWN' or payload is not null)
);
