-- When and how a request was decided (answered, refused, or answered at once because the right does not apply), and
-- when it was extended: what the public statistics count per quarter. Filled from the audit trail for the requests
-- decided before this migration.
alter table rights_request add column decided_at timestamptz;
alter table rights_request add column outcome varchar(16)
    check (outcome in ('ANSWERED', 'REFUSED', 'NOT_APPLICABLE'));
alter table rights_request add column extended_at timestamptz;
alter table rights_request add constraint rights_request_outcome_decided check ((outcome is null) = (decided_at is null));
alter table rights_request add constraint rights_request_extended_at check (extended_at is null or extended);

update rights_request r set decided_at = d.at, outcome = d.outcome
from (select distinct on (request_id) request_id, at,
             case action when 'ANSWER' then 'ANSWERED' when 'REFUSE' then 'REFUSED' else 'NOT_APPLICABLE' end as outcome
      from audit_entry where action in ('ANSWER', 'REFUSE', 'ANSWER_NOT_APPLICABLE')
      order by request_id, at, id) d
where d.request_id = r.id;

update rights_request r set extended_at = e.at
from (select request_id, min(at) as at from audit_entry where action = 'EXTEND' group by request_id) e
where e.request_id = r.id and r.extended;

-- a quarter's statistics read the requests received up to its end and not decided before its start
create index rights_request_received on rights_request (received_on);
