-- Flags a DPO reviews (never an automatic refusal): a request of the same person, type and caisse on overlapping
-- fiches while an earlier one is open (duplicate_of), and how many such requests came within the configured period
-- (art. 12(5): repetitive character). The DPO's review is recorded with its decision (and in the audit trail).
alter table rights_request add column duplicate_of uuid references rights_request (id);
alter table rights_request add column earlier_similar integer not null default 0 check (earlier_similar >= 0);
alter table rights_request add column repetitive boolean not null default false;
alter table rights_request add column flags_reviewed_at timestamptz;
alter table rights_request add column flags_reviewed_by varchar(128);
alter table rights_request add column flags_decision varchar(2000);
alter table rights_request add constraint rights_request_duplicate_not_self check (duplicate_of is null or duplicate_of <> id);
alter table rights_request add constraint rights_request_review_complete
    check ((flags_reviewed_at is null) = (flags_reviewed_by is null) and (flags_reviewed_at is null) = (flags_decision is null));
alter table rights_request add constraint rights_request_review_needs_flag
    check (flags_reviewed_at is null or duplicate_of is not null or repetitive);
-- the earlier requests of a person, of one type, at one caisse
create index rights_request_person_type on rights_request (subject_ref, type, caisse_code, received_on);
