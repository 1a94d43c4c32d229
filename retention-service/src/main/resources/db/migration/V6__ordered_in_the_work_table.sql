-- The ORDERED state lives in schedule_unconfirmed only (issue 15): a sweep no longer writes the wide schedule row.
--
-- Measured on 100,000 due schedules (PostgreSQL alone): moving each from schedule_due to schedule_unconfirmed costs
-- 13.5-18 us; also rewriting the schedule row as ORDERED cost 35-42 us, 20 us of it for that row alone (600 bytes,
-- even as a HOT update). So the history row is now written when a schedule is created, re-dated, cancelled or
-- confirmed, never when it is ordered:
--   schedule.status     SCHEDULED while the schedule is open (due or ordered), then CONFIRMED or CANCELLED;
--   schedule_due        the open schedules still to order (what a sweep claims);
--   schedule_unconfirmed the open schedules ordered and waiting for their confirmation (with ordered_at).
-- An open schedule is in exactly one of the two; the view schedule_state says every schedule's status as the API
-- shows it (ORDERED when it waits in schedule_unconfirmed). Whoever changes an open schedule (a rule's change, a
-- litigation's end, a confirmation) first locks its schedule_due entry, the one a sweep locks when it claims it.

-- the update trigger of V4 would turn the rows below back into due work: replaced first
drop trigger schedule_work_update on schedule;
drop function schedule_work_updated();

-- the orders already waiting keep their entry in schedule_unconfirmed; their row becomes an open one
update schedule set status = 'SCHEDULED' where status = 'ORDERED';

alter table schedule drop constraint schedule_status_check;
alter table schedule add constraint schedule_status_check check (status in ('SCHEDULED', 'CONFIRMED', 'CANCELLED'));
-- ordered_at is the order's time once confirmed (copied from schedule_unconfirmed); an open row may carry it from
-- before this migration
alter table schedule drop constraint schedule_check1;
alter table schedule add constraint schedule_confirmed_ordered check (status <> 'CONFIRMED' or ordered_at is not null);

create or replace function schedule_work_inserted() returns trigger language plpgsql as $$
begin
    insert into schedule_due select id, due_on, fiche_number, rule_index, caisse_code from new_rows
     where status = 'SCHEDULED';
    return null;
end $$;

create function schedule_work_updated() returns trigger language plpgsql as $$
begin
    -- an open schedule closed (confirmed, cancelled): out of whichever work table holds it
    delete from schedule_due d using old_rows o, new_rows n
     where n.id = o.id and d.schedule_id = o.id and o.status = 'SCHEDULED' and n.status <> 'SCHEDULED';
    delete from schedule_unconfirmed u using old_rows o, new_rows n
     where n.id = o.id and u.schedule_id = o.id and o.status = 'SCHEDULED' and n.status <> 'SCHEDULED';
    -- a cancelled one opened again (its rule is back in the register): due again
    insert into schedule_due select n.id, n.due_on, n.fiche_number, n.rule_index, n.caisse_code
      from new_rows n join old_rows o on o.id = n.id
     where n.status = 'SCHEDULED' and o.status <> 'SCHEDULED';
    -- an open one re-dated or moved: its entry follows
    update schedule_due d set due_on = n.due_on, fiche_number = n.fiche_number, rule_index = n.rule_index,
           caisse_code = n.caisse_code
      from old_rows o join new_rows n on n.id = o.id
     where d.schedule_id = n.id and o.status = 'SCHEDULED' and n.status = 'SCHEDULED'
       and (n.due_on, n.fiche_number, n.rule_index, n.caisse_code)
           is distinct from (o.due_on, o.fiche_number, o.rule_index, o.caisse_code);
    update schedule_unconfirmed u set fiche_number = n.fiche_number, caisse_code = n.caisse_code
      from old_rows o join new_rows n on n.id = o.id
     where u.schedule_id = n.id and o.status = 'SCHEDULED' and n.status = 'SCHEDULED'
       and (n.fiche_number, n.caisse_code) is distinct from (o.fiche_number, o.caisse_code);
    return null;
end $$;

create trigger schedule_work_update after update on schedule referencing old table as old_rows new table as new_rows
    for each statement execute function schedule_work_updated();

create view schedule_state as
select s.id, s.event_id, s.subject_ref, s.caisse_code, s.fiche_number, s.fiche_version, s.rule_index, s.rule_text,
       s.trigger, s.duration, s.fate, s.until_final_decision, s.trigger_date, s.rule_due_on, s.due_on,
       case when u.schedule_id is not null then 'ORDERED' else s.status end as status,
       s.created_at, s.updated_at, coalesce(u.ordered_at, s.ordered_at) as ordered_at, s.confirmed_at,
       s.cancel_reason
  from schedule s left join schedule_unconfirmed u on u.schedule_id = s.id;
