-- Versions: where a version comes from, what it changed, when it was published, whether register.fiches has it.
alter table fiche_version
    add column origin          varchar(8)  not null default 'EDIT' check (origin in ('IMPORT', 'EDIT')),
    add column content_sha256  char(64)    not null default repeat('0', 64) check (content_sha256 ~ '^[0-9a-f]{64}$'),
    add column changes         jsonb       not null default '[]'::jsonb check (jsonb_typeof(changes) = 'array'),
    add column published_at    timestamptz,
    add column published_by    varchar(128),
    -- outbox: a published version not yet acknowledged by Kafka on register.fiches
    add column event_sent_at   timestamptz,
    -- the text the French full-text search runs on (title, purposes, data, recipients, retention, rights…)
    add column search_text     text        not null default '',
    add column search_vector   tsvector generated always as (
        to_tsvector('french', coalesce(title, '') || ' ' || search_text)) stored,
    add constraint fiche_version_published_has_when check (status <> 'PUBLISHED' or published_at is not null),
    add constraint fiche_version_published_by_with_at check ((published_at is null) = (published_by is null)),
    add constraint fiche_version_payload_is_object check (jsonb_typeof(payload) = 'object'),
    add constraint fiche_version_payload_number check ((payload ->> 'number')::int = number);

create index fiche_version_search on fiche_version using gin (search_vector);
create index fiche_version_payload on fiche_version using gin (payload jsonb_path_ops);
create index fiche_version_unsent on fiche_version (number) where status = 'PUBLISHED' and event_sent_at is null;

-- Every import of the official document (dry runs are not recorded).
create table register_import (
    id              bigint generated always as identity primary key,
    imported_at     timestamptz  not null default now(),
    imported_by     varchar(128) not null,
    document_sha256 char(64)     not null check (document_sha256 ~ '^[0-9a-f]{64}$'),
    fiches_found    integer      not null check (fiches_found >= 0),
    published       integer      not null check (published >= 0),
    drafted         integer      not null check (drafted >= 0),
    unchanged       integer      not null check (unchanged >= 0),
    report          jsonb        not null
);
