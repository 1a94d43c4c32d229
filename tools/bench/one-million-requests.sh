# Sourced by rights-bench.sh and portal-bench.sh, with $PG set (psql on the rights database of ./run-local):
# puts 1,000,000 requests in the database once — 10 % for CPAM-75, 2 % of each caisse's requests open, the rest
# closed — and vacuums the table, as production's autovacuum would have.
existing=$($PG -t -A -c "select count(*) from rights_request")
if [ "$existing" -lt 1000000 ]; then
  echo "generating 1,000,000 requests…"
  $PG <<'SQL'
insert into rights_request (id, group_id, type, status, scope, fiche_number, nir, subject_ref, caisse_code, channel,
                            received_on, period_start, due_on, rectification, submitted_by, created_at,
                            updated_at)
select gen_random_uuid(), gen_random_uuid(),
       (array['ACCESS','RECTIFICATION','LIMITATION','OBJECTION','ERASURE','PORTABILITY'])[1 + i % 6],
       case when (i / 10) % 50 = 0 then 'RECEIVED' when (i / 10) % 50 = 1 then 'IN_PROGRESS' else 'CLOSED' end,
       'FICHE', 1 + i % 87, '185057505612388', md5(i::text) || md5((i + 1)::text),
       case when i % 10 = 0 then 'CPAM-75' else c.codes[1 + i % array_length(c.codes, 1)] end,
       'ONLINE', date '2024-01-01' + (i % 1000), date '2024-01-01' + (i % 1000), date '2024-01-01' + (i % 1000) + 30, 'Nouvelle adresse', 'bench',
       now(), now()
from generate_series(1, 1000000) i, (select array_agg(code order by code) codes from caisse) c;
SQL
  # a production table is vacuumed: without it, index-only scans visit the heap until autovacuum passes
  $PG -c "vacuum analyze rights_request"
fi
echo "requests in the database: $($PG -t -A -c "select count(*) from rights_request")," \
  "CPAM-75: $($PG -t -A -c "select count(*) from rights_request where caisse_code = 'CPAM-75'")"

