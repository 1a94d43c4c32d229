-- Rights requests. One request is what one DPO answers: a request about a domain or all processing covers the fiches
-- of one caisse (national processing goes to the Cnam in a request of its own, same group_id). request_fiche says,
-- fiche by fiche, whether the right applies and why (the register's reason).
create table rights_request (
    id                   uuid         primary key,
    group_id             uuid         not null,
    type                 varchar(16)  not null check (type in ('ACCESS', 'RECTIFICATION', 'LIMITATION', 'OBJECTION', 'ERASURE', 'PORTABILITY')),
    status               varchar(24)  not null check (status in ('RECEIVED', 'IN_PROGRESS', 'AWAITING_IDENTITY', 'EXTENDED', 'ANSWERED', 'ANSWERED_NOT_APPLICABLE', 'REFUSED', 'CLOSED')),
    scope                varchar(8)   not null check (scope in ('FICHE', 'DOMAIN', 'ALL')),
    fiche_number         integer      check (fiche_number between 1 and 9999),
    domain_code          varchar(2)   check (domain_code ~ '^[0-9]{2}$'),
    nir                  varchar(15)  not null check (nir ~ '^[0-9]{5}([0-9]{2}|2A|2B)[0-9]{8}$'),
    subject_ref          char(64)     not null check (subject_ref ~ '^[0-9a-f]{64}$'),
    caisse_code          varchar(32)  not null references caisse (code),
    channel              varchar(8)   not null check (channel in ('ONLINE', 'POSTAL', 'COUNTER', 'EMAIL')),
    received_on          date         not null,
    due_on               date         not null check (due_on >= received_on),
    extended             boolean      not null default false,
    message              text         check (length(message) <= 4000),
    rectification        text         check (length(rectification) <= 2000),
    answer               text         check (length(answer) <= 20000),
    reason               text         check (length(reason) <= 4000),
    refusal_ground       varchar(32)  check (refusal_ground in ('MANIFESTLY_UNFOUNDED', 'EXCESSIVE', 'IDENTITY_NOT_ESTABLISHED', 'OTHER')),
    assigned_to          varchar(128),
    submitted_by         varchar(128) not null,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              integer      not null default 0,
    check (scope <> 'FICHE' or fiche_number is not null),
    check (scope <> 'DOMAIN' or domain_code is not null),
    check (type <> 'RECTIFICATION' or rectification is not null),
    check (status <> 'REFUSED' or (reason is not null and refusal_ground is not null)),
    check (status not in ('ANSWERED', 'ANSWERED_NOT_APPLICABLE') or answer is not null)
);
-- a DPO queue: by caisse, due date then id (keyset paging)
create index rights_request_queue on rights_request (caisse_code, due_on, id);
create index rights_request_subject on rights_request (subject_ref, created_at);
create index rights_request_group on rights_request (group_id);

create table request_fiche (
    request_id    uuid     not null references rights_request (id),
    fiche_number  integer  not null check (fiche_number between 1 and 9999),
    fiche_version integer  not null check (fiche_version >= 1),
    title         text,
    applies       boolean  not null,
    reason        text     not null,
    primary key (request_id, fiche_number)
);

-- Transactional outbox of rights.events: written with the request, relayed in id order by one relay at a time.
create table rights_outbox (
    id          bigint       generated always as identity primary key,
    event_id    uuid         not null unique,
    type        varchar(128) not null check (type like 'fr.assurancemaladie.rights.%'),
    record_key  char(64)     not null check (record_key ~ '^[0-9a-f]{64}$'),
    payload     jsonb        not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz
);
create index rights_outbox_unsent on rights_outbox (id) where sent_at is null;

-- Audit trail: who read or changed which request, when, through which action. Append-only.
create table audit_entry (
    id           bigint       generated always as identity primary key,
    at           timestamptz  not null default now(),
    actor        varchar(128) not null,
    actor_role   varchar(32)  not null,
    caisse_code  varchar(32)  not null,
    request_id   uuid         not null references rights_request (id),
    action       varchar(32)  not null,
    detail       text         check (length(detail) <= 2000)
);
create index audit_entry_caisse on audit_entry (caisse_code, at);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
