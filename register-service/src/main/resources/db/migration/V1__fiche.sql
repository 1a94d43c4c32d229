-- One row per version of a fiche of the register of processing activities.
-- payload is the fiche JSON of GET /api/v1/fiches/{number} (the contract published on register.fiches).
create table fiche_version (
    number      integer      not null check (number between 1 and 9999),
    version     integer      not null check (version >= 1),
    status      varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    domain_code varchar(2)   not null check (domain_code ~ '^[0-9]{2}$'),
    title       text,
    payload     jsonb        not null,
    updated_at  timestamptz  not null default now(),
    updated_by  varchar(128) not null,
    primary key (number, version)
);

-- At most one draft and one published version of a fiche at a time.
create unique index fiche_version_one_draft on fiche_version (number) where status = 'DRAFT';
create unique index fiche_version_one_published on fiche_version (number) where status = 'PUBLISHED';
