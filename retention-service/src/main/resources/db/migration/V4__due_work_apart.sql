-- The schedule store sized for the country (issue 15): the work still to do is kept apart from the history.
--
-- schedule stays the record of every schedule (its status is the truth). Beside it, two narrow tables hold only the
-- unfinished work, kept by the triggers below from whatever statement changes schedule:
--   schedule_due          the SCHEDULED schedules: what a sweep claims, oldest first, and what the reports count;
--   schedule_unconfirmed  the ORDERED ones, waiting for the system that holds the data to confirm the deletion.
-- So a sweep reads the work due, not the history, and ordering a schedule no longer inserts into any index of
-- schedule: no index of schedule names status any more, and the free space left on each page (fillfactor) lets
-- PostgreSQL write the new version in place (a HOT update). Leaving schedule_due is a delete, which touches no index.

drop index schedule_due;
drop index schedule_rule;
drop index schedule_unconfirmed;
alter table schedule set (fillfactor = 85);

create table schedule_due (
    schedule_id  uuid        primary key,
    due_on       date        not null,
    fiche_number integer     not null,
    rule_index   integer     not null check (rule_index >= 0),
    caisse_code  varchar(32) not null
);
-- the sweep and the reports: due work, oldest first
create index schedule_due_order on schedule_due (due_on, schedule_id);
-- a rule of the register changes: its pending schedules
create index schedule_due_rule on schedule_due (fiche_number, rule_index);

create table schedule_unconfirmed (
    schedule_id  uuid        primary key,
    ordered_at   timestamptz not null,
    fiche_number integer     not null,
    caisse_code  varchar(32) not null
);

insert into schedule_due select id, due_on, fiche_number, rule_index, caisse_code from schedule
 where status = 'SCHEDULED';
insert into schedule_unconfirmed select id, ordered_at, fiche_number, caisse_code from schedule
 where status = 'ORDERED';

-- Statement-level triggers with transition tables: one set-based statement per table and per statement on
-- schedule, whatever its number of rows (a sweep's chunk, an ingestion batch).
create function schedule_work_inserted() returns trigger language plpgsql as $$
begin
    insert into schedule_due select id, due_on, fiche_number, rule_index, caisse_code from new_rows
     where status = 'SCHEDULED';
    insert into schedule_unconfirmed select id, ordered_at, fiche_number, caisse_code from new_rows
     where status = 'ORDERED';
    return null;
end $$;

create function schedule_work_updated() returns trigger language plpgsql as $$
begin
    -- what changed in a way the work tables see: leave the old entry, enter the new one
    delete from schedule_due d using old_rows o, new_rows n
     where n.id = o.id and d.schedule_id = o.id and o.status = 'SCHEDULED'
       and (n.status, n.due_on, n.fiche_number, n.rule_index, n.caisse_code)
           is distinct from (o.status, o.due_on, o.fiche_number, o.rule_index, o.caisse_code);
    insert into schedule_due select n.id, n.due_on, n.fiche_number, n.rule_index, n.caisse_code
      from new_rows n join old_rows o on o.id = n.id
     where n.status = 'SCHEDULED'
       and (n.status, n.due_on, n.fiche_number, n.rule_index, n.caisse_code)
           is distinct from (o.status, o.due_on, o.fiche_number, o.rule_index, o.caisse_code);
    delete from schedule_unconfirmed u using old_rows o, new_rows n
     where n.id = o.id and u.schedule_id = o.id and o.status = 'ORDERED'
       and (n.status, n.ordered_at, n.fiche_number, n.caisse_code)
           is distinct from (o.status, o.ordered_at, o.fiche_number, o.caisse_code);
    insert into schedule_unconfirmed select n.id, n.ordered_at, n.fiche_number, n.caisse_code
      from new_rows n join old_rows o on o.id = n.id
     where n.status = 'ORDERED'
       and (n.status, n.ordered_at, n.fiche_number, n.caisse_code)
           is distinct from (o.status, o.ordered_at, o.fiche_number, o.caisse_code);
    return null;
end $$;

create function schedule_work_deleted() returns trigger language plpgsql as $$
begin
    delete from schedule_due d using old_rows o where d.schedule_id = o.id;
    delete from schedule_unconfirmed u using old_rows o where u.schedule_id = o.id;
    return null;
end $$;

create function schedule_work_truncated() returns trigger language plpgsql as $$
begin
    truncate schedule_due, schedule_unconfirmed;
    return null;
end $$;

create trigger schedule_work_insert after insert on schedule referencing new table as new_rows
    for each statement execute function schedule_work_inserted();
create trigger schedule_work_update after update on schedule referencing old table as old_rows new table as new_rows
    for each statement execute function schedule_work_updated();
create trigger schedule_work_delete after delete on schedule referencing old table as old_rows
    for each statement execute function schedule_work_deleted();
create trigger schedule_work_truncate after truncate on schedule
    for each statement execute function schedule_work_truncated();
