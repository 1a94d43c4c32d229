-- The litigation clause is now written into each statement by RetentionSql.due (a scalar subquery PostgreSQL plans
-- with the statement): as a function it could not be inlined and cost 4.7 µs per schedule written, against 0.6 µs
-- inline (issue 15). The function form goes, so that the clause has one SQL form.
drop function retention_due(date, boolean, varchar, integer);
drop function final_decision_on(varchar, integer);
