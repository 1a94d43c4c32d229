-- The retention law inside PostgreSQL, one function per rule: the twin of RetentionLaw (Java), built into every
-- statement by RetentionSql; RetentionCasesTest runs one table of cases through both.

-- The rule's own due date: trigger date + ISO-8601 duration (months before days, 29 Feb + 1 year = 28 Feb).
create function retention_rule_due(p_trigger_date date, p_duration varchar) returns date
    language sql stable parallel safe as $$
    select (p_trigger_date + cast(p_duration as interval))::date
$$;

-- With the litigation clause: the later of the rule's own date and the last final decision (final_decision_on, V2).
create function retention_due(p_rule_due date, p_until_final boolean, p_subject varchar, p_fiche integer)
    returns date language sql stable parallel safe as $$
    select case when p_until_final then greatest(p_rule_due, coalesce(final_decision_on(p_subject, p_fiche), p_rule_due))
                else p_rule_due end
$$;

-- A hold of the same person covers a schedule on a day: in force (from its first day until the day before its
-- release), on all the person's fiches or the schedule's, and a manual hold only for its own caisse. Not strict and a
-- single expression: PostgreSQL inlines it into the calling query.
create function hold_covers(p_kind varchar, p_fiches integer[], p_hold_caisse varchar, p_from date, p_until date,
                            p_fiche integer, p_caisse varchar, p_day date)
    returns boolean language sql immutable parallel safe as $$
    select p_from <= p_day and (p_until is null or p_until > p_day)
       and (p_fiches is null or p_fiche = any (p_fiches))
       and (p_kind <> 'MANUAL' or p_hold_caisse = p_caisse)
$$;
