-- The day the current period runs from: the receipt, or the day missing identity information arrived (the clock
-- restarts then); an extension counts three months from it.
alter table rights_request add column period_start date;
update rights_request set period_start = received_on;
alter table rights_request alter column period_start set not null,
    add constraint rights_request_period_after_receipt check (period_start >= received_on);
