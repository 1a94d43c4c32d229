-- Lifecycle events heard (lifecycle.events), once each: (source, event_id) is the CloudEvent identity, so a replay
-- or a redelivery changes nothing. No personal data beyond subjectRef (a pseudonym).
create table lifecycle_event (
    id           bigint generated always as identity primary key,
    source       varchar(255) not null,
    event_id     varchar(255) not null,
    type         varchar(128) not null,
    subject_ref  varchar(64)     not null check (subject_ref ~ '^[0-9a-f]{64}$'),
    trigger      varchar(40),
    occurred_on  date         not null,
    caisse_code  varchar(32)  not null,
    fiche_numbers integer[],
    dossier_ref  varchar(128),
    received_at  timestamptz  not null default now(),
    constraint lifecycle_event_identity unique (source, event_id),
    -- litigation events carry no trigger; every other event is a trigger of the vocabulary
    check ((trigger is null) = (type in ('fr.assurancemaladie.lifecycle.litigation-opened',
                                         'fr.assurancemaladie.lifecycle.litigation-closed')))
);
create index lifecycle_event_trigger on lifecycle_event (trigger) where trigger is not null;

-- The register's rules as retention-service last applied them, one row per retention item of a published fiche.
create table fiche_rule (
    fiche_number  integer     not null,
    rule_index    integer     not null check (rule_index >= 0),
    fiche_version integer     not null check (fiche_version >= 1),
    text          text        not null,
    duration      varchar(32),
    trigger       varchar(40),
    fate          varchar(16) check (fate in ('DESTRUCTION', 'ARCHIVE')),
    until_final_decision boolean not null,
    status        varchar(24) not null,
    executable    boolean     not null,
    primary key (fiche_number, rule_index),
    check (not executable or (duration is not null and trigger is not null and fate is not null))
);

-- One schedule per (event, fiche, rule): the deletion or archiving a rule orders for one person.
create table schedule (
    id             uuid        primary key default gen_random_uuid(),
    event_id       bigint      not null references lifecycle_event (id),
    subject_ref    varchar(64)    not null check (subject_ref ~ '^[0-9a-f]{64}$'),
    caisse_code    varchar(32) not null,
    fiche_number   integer     not null,
    fiche_version  integer     not null check (fiche_version >= 1),
    rule_index     integer     not null check (rule_index >= 0),
    rule_text      text        not null,
    trigger        varchar(40) not null,
    duration       varchar(32) not null,
    fate           varchar(16) not null check (fate in ('DESTRUCTION', 'ARCHIVE')),
    until_final_decision boolean not null,
    trigger_date   date        not null,
    rule_due_on    date        not null,
    due_on         date        not null,
    status         varchar(16) not null default 'SCHEDULED'
                   check (status in ('SCHEDULED', 'ORDERED', 'CONFIRMED', 'CANCELLED')),
    created_at     timestamptz not null default now(),
    updated_at     timestamptz,
    ordered_at     timestamptz,
    confirmed_at   timestamptz,
    cancel_reason  text,
    constraint schedule_once unique (event_id, fiche_number, rule_index),
    check (rule_due_on >= trigger_date and due_on >= rule_due_on),
    check (status not in ('ORDERED', 'CONFIRMED') or ordered_at is not null),
    check (status <> 'CONFIRMED' or confirmed_at is not null),
    check (status <> 'CANCELLED' or cancel_reason is not null)
);
-- the sweep: due schedules, oldest first
create index schedule_due on schedule (due_on, id) where status = 'SCHEDULED';
create index schedule_subject on schedule (subject_ref);
create index schedule_caisse on schedule (caisse_code, due_on, id);
create index schedule_rule on schedule (fiche_number, rule_index) where status = 'SCHEDULED';
create index schedule_unconfirmed on schedule (ordered_at) where status = 'ORDERED';

-- Holds: while one covers a person (and fiche), nothing is ordered. Released holds are kept, with who and why.
create table hold (
    id             uuid        primary key default gen_random_uuid(),
    kind           varchar(16) not null check (kind in ('LIMITATION', 'LITIGATION', 'MANUAL')),
    subject_ref    varchar(64)    not null check (subject_ref ~ '^[0-9a-f]{64}$'),
    fiche_numbers  integer[],
    caisse_code    varchar(32) not null,
    source_ref     varchar(255) not null,
    reason         text        not null check (length(reason) between 1 and 2000),
    from_on        date        not null,
    until_on       date,
    created_at     timestamptz not null default now(),
    created_by     varchar(255) not null,
    released_at    timestamptz,
    released_by    varchar(255),
    release_reason text,
    check ((until_on is null) = (released_at is null)),
    check (until_on is null or until_on >= from_on),
    check (released_at is null or release_reason is not null)
);
-- one limitation hold per rights request, whatever its state: a redelivered "applied" after "lifted" adds nothing
create unique index hold_limitation on hold (source_ref) where kind = 'LIMITATION';
-- one open litigation per person and dossier
create unique index hold_litigation_open on hold (subject_ref, source_ref) where kind = 'LITIGATION' and released_at is null;
create index hold_subject on hold (subject_ref);

-- Proofs of deletion: what was executed, under which rule, when, confirmed by whom. No personal data beyond
-- subjectRef. Append-only.
create table deletion_proof (
    id                  uuid        primary key default gen_random_uuid(),
    schedule_id         uuid        not null unique references schedule (id),
    subject_ref         varchar(64)    not null,
    caisse_code         varchar(32) not null,
    fiche_number        integer     not null,
    fiche_version       integer     not null,
    rule_text           text        not null,
    trigger             varchar(40) not null,
    duration            varchar(32) not null,
    fate                varchar(16) not null,
    trigger_date        date        not null,
    due_on              date        not null,
    ordered_at          timestamptz not null,
    confirmed_at        timestamptz not null,
    confirming_system   varchar(255) not null,
    confirmation_event  varchar(255) not null,
    recorded_at         timestamptz not null default now()
);
create index deletion_proof_caisse on deletion_proof (caisse_code, recorded_at);
create index deletion_proof_subject on deletion_proof (subject_ref);

create function deletion_proof_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'deletion_proof is append-only';
end $$;
create trigger deletion_proof_no_update before update or delete on deletion_proof
    for each row execute function deletion_proof_append_only();

-- Bumped each time fiche_rule changes: every replica reloads its rule book when it sees a new revision.
create table rule_book (
    id       integer primary key check (id = 1),
    revision bigint  not null
);
insert into rule_book values (1, 0);

-- The day of the last final decision (litigation closed) covering a person and a fiche, if any: a rule kept "or
-- until a final decision in case of litigation" is due at the later of its own date and this one.
create function final_decision_on(p_subject varchar(64), p_fiche integer) returns date
    language sql stable as $$
    select max(until_on) from hold
     where kind = 'LITIGATION' and subject_ref = p_subject and until_on is not null
       and (fiche_numbers is null or p_fiche = any (fiche_numbers))
$$;
