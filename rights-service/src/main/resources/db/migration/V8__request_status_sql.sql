-- The request workflow's statuses in SQL, written once (the Java form is RequestWorkflow.Status.open() and
-- clockRuns(); RequestStatusSqlTest runs every status through both and checks the queue still uses its index).
-- Single-expression SQL functions: PostgreSQL inlines them, in queries and in index predicates alike, so a
-- query saying request_open(status) is matched to the partial index below.
create function request_open(p_status varchar) returns boolean
    language sql immutable parallel safe as $$
    select p_status in ('RECEIVED', 'IN_PROGRESS', 'AWAITING_IDENTITY', 'EXTENDED')
$$;

-- Open, and the legal period running: everything open but a request waiting for identity information.
create function request_clock_runs(p_status varchar) returns boolean
    language sql immutable parallel safe as $$
    select p_status in ('RECEIVED', 'IN_PROGRESS', 'EXTENDED')
$$;

drop index if exists rights_request_open;
create index rights_request_open on rights_request (caisse_code, due_on, id) include (status)
    where request_open(status);
