-- A DPO's counters (open, late, due within 7 days) read only the open requests of their caisse: a small partial
-- index, however many closed requests the table holds.
create index rights_request_open on rights_request (caisse_code, due_on)
    where status in ('RECEIVED', 'IN_PROGRESS', 'AWAITING_IDENTITY', 'EXTENDED');
