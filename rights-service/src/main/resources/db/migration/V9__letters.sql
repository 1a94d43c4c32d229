-- Letters: what the person (or a caisse's DPO, for the daily digest) is told. A template is versioned (a new version
-- per edit, never an update); each letter keeps the version that made it and its rendered text, and is its own
-- outbox: it is written with the step that causes it and sent by one relay (OutboxRelay) when it has an address.
alter table rights_request add column contact_email varchar(254)
    check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+$');

create table letter_template (
    kind           varchar(32)  not null check (kind in ('ACKNOWLEDGEMENT', 'IDENTITY_REQUEST', 'EXTENSION_NOTICE',
                                   'ANSWER', 'NOT_APPLICABLE', 'REFUSAL', 'LIFT_NOTICE', 'RECIPIENTS_STATEMENT', 'DPO_DIGEST')),
    version        integer      not null check (version >= 1),
    subject        varchar(300) not null check (length(subject) > 0),
    body           text         not null check (length(body) between 1 and 50000),
    created_by     varchar(128) not null,
    created_at     timestamptz  not null default now(),
    change_reason  varchar(2000) not null,
    primary key (kind, version)
);

create table letter (
    id                uuid         primary key,
    request_id        uuid         references rights_request (id),
    caisse_code       varchar(32)  not null references caisse (code),
    kind              varchar(32)  not null,
    template_version  integer      not null,
    recipient         varchar(254) check (recipient is null or recipient ~ '^[^@\s]+@[^@\s]+$'),
    subject           varchar(300) not null,
    html              text         not null,
    created_at        timestamptz  not null,
    -- PENDING: to be e-mailed; SENT: the SMTP server took it; POSTAL: no address, printed (PDF) and posted;
    -- UNDELIVERABLE: refused for good by the SMTP server (the DPO posts it)
    delivery          varchar(16)  not null check (delivery in ('PENDING', 'SENT', 'POSTAL', 'UNDELIVERABLE')),
    sent_at           timestamptz,
    failure           varchar(300),
    digest_on         date,
    foreign key (kind, template_version) references letter_template (kind, version),
    check (delivery <> 'PENDING' or (recipient is not null and sent_at is null)),
    check (delivery <> 'SENT' or sent_at is not null),
    check ((kind = 'DPO_DIGEST') = (request_id is null)),
    check ((kind = 'DPO_DIGEST') = (digest_on is not null))
);
create index letter_of_request on letter (request_id, created_at);
create index letter_pending on letter (created_at, id) where delivery = 'PENDING';
-- one digest per caisse and day, whatever the number of replicas
create unique index letter_one_digest on letter (caisse_code, digest_on) where kind = 'DPO_DIGEST';
