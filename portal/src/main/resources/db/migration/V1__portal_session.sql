-- Server-side sessions of the portal: the browser holds only the session's random id (in Quarkus's encrypted session
-- cookie); the tokens stay here, encrypted (AES-GCM, rgpd.portal.session-key).
create table portal_session (
    id            char(43)     primary key check (id ~ '^[A-Za-z0-9_-]{43}$'),
    tokens        bytea        not null,
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz  not null default now()
);
create index portal_session_last_used on portal_session (last_used_at);
