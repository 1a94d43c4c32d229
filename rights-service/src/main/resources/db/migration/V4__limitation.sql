-- Limitation of processing (GDPR art. 18): applied when a LIMITATION request is answered; lifted only after the
-- person was told beforehand (art. 18(3)).
alter table rights_request
    add column limitation_state varchar(16) check (limitation_state in ('APPLIED', 'NOTICE_GIVEN', 'LIFTED')),
    add column lift_notice      text        check (length(lift_notice) <= 4000),
    add column lift_notice_at   timestamptz,
    add column lifted_at        timestamptz,
    add constraint rights_request_limitation_only check (limitation_state is null or type = 'LIMITATION'),
    add constraint rights_request_lift_after_notice check (
        lifted_at is null or (lift_notice_at is not null and lift_notice_at <= lifted_at));
