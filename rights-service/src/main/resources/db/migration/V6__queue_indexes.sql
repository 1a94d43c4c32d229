-- A DPO's queue is the open requests of their caisse, in due order: a small partial index that holds them in that
-- order (status included, so the counters are index-only scans), however many closed requests the table keeps.
drop index if exists rights_request_open;
create index rights_request_open on rights_request (caisse_code, due_on, id) include (status)
    where status in ('RECEIVED', 'IN_PROGRESS', 'AWAITING_IDENTITY', 'EXTENDED');
-- A queue filtered on one status reads only that status, in due order.
create index rights_request_queue_status on rights_request (caisse_code, status, due_on, id);
