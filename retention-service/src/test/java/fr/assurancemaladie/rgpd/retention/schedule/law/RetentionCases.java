package fr.assurancemaladie.rgpd.retention.schedule.law;

import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.Decision;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw.HoldKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table of retention cases, with the answers a person worked out by hand: run through {@link RetentionLaw} by
 * {@code RetentionLawTest} and through PostgreSQL ({@link RetentionSql}, migration V3) by {@code
 * RetentionCasesInDatabaseTest}. The schedule is fiche 1 of CPAM-75 unless a case says otherwise.
 */
final class RetentionCases {

    static final String CAISSE = "CPAM-75";

    /** A hold of the case's person: fiches null = all; until null = not released. */
    record H(HoldKind kind, Set<Integer> fiches, String caisse, LocalDate from, LocalDate until) {
        RetentionLaw.Hold law() {
            return new RetentionLaw.Hold(kind, fiches, caisse, from, until);
        }
    }

    record Case(String name, LocalDate triggerDate, String duration, boolean untilFinal, int fiche, List<H> holds,
            LocalDate today, LocalDate ruleDue, LocalDate due, Decision decision) {
        @Override
        public String toString() {
            return name;
        }
    }

    static LocalDate d(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static H h(HoldKind kind, String fiches, String caisse, String from, String until) {
        Set<Integer> set = fiches == null ? null
                : Arrays.stream(fiches.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        return new H(kind, set, caisse, d(from), d(until));
    }

    static Case c(String name, String trigger, String duration, boolean untilFinal, List<H> holds, String today,
            String ruleDue, String due, Decision decision) {
        return new Case(name, d(trigger), duration, untilFinal, 1, holds, d(today), d(ruleDue), d(due), decision);
    }

    static final HoldKind LIM = HoldKind.LIMITATION;
    static final HoldKind LIT = HoldKind.LITIGATION;
    static final HoldKind MAN = HoldKind.MANUAL;
    static final Decision NOT_DUE = Decision.NOT_DUE;
    static final Decision HELD = Decision.HELD;
    static final Decision ORDER = Decision.ORDER;

    static List<Case> all() {
        return List.of(
            // durations and calendars
            c("P3Y, the day before", "2026-01-15", "P3Y", false, List.of(), "2029-01-14", "2029-01-15", "2029-01-15", NOT_DUE),
            c("P3Y, on the day", "2026-01-15", "P3Y", false, List.of(), "2029-01-15", "2029-01-15", "2029-01-15", ORDER),
            c("P1Y from 29 February", "2028-02-29", "P1Y", false, List.of(), "2029-02-28", "2029-02-28", "2029-02-28", ORDER),
            c("P4Y from 29 February", "2024-02-29", "P4Y", false, List.of(), "2028-02-28", "2028-02-29", "2028-02-29", NOT_DUE),
            c("P1M from 31 January", "2026-01-31", "P1M", false, List.of(), "2026-02-28", "2026-02-28", "2026-02-28", ORDER),
            c("P1M from 31 January of a leap year", "2024-01-31", "P1M", false, List.of(), "2024-02-28", "2024-02-29", "2024-02-29", NOT_DUE),
            c("P1M1D: months before days", "2026-01-31", "P1M1D", false, List.of(), "2026-03-01", "2026-03-01", "2026-03-01", ORDER),
            c("P1Y6M to the end of February", "2025-08-31", "P1Y6M", false, List.of(), "2027-03-01", "2027-02-28", "2027-02-28", ORDER),
            c("P0D: the day of the event", "2026-01-15", "P0D", false, List.of(), "2026-01-15", "2026-01-15", "2026-01-15", ORDER),
            c("P10D over the new year", "2026-12-25", "P10D", false, List.of(), "2027-01-03", "2027-01-04", "2027-01-04", NOT_DUE),
            c("P2W", "2026-02-20", "P2W", false, List.of(), "2026-03-06", "2026-03-06", "2026-03-06", ORDER),
            c("P150Y", "2026-01-01", "P150Y", false, List.of(), "2100-01-01", "2176-01-01", "2176-01-01", NOT_DUE),
            // the litigation clause
            c("closed after the rule's date: moved, the day before",
                "2020-01-15", "P5Y", true, List.of(h(LIT, null, CAISSE, "2022-01-01", "2026-03-02")), "2026-03-01",
                "2025-01-15", "2026-03-02", NOT_DUE),
            c("closed after the rule's date: moved, on the day",
                "2020-01-15", "P5Y", true, List.of(h(LIT, null, CAISSE, "2022-01-01", "2026-03-02")), "2026-03-02",
                "2025-01-15", "2026-03-02", ORDER),
            c("closed before the rule's date: the rule's date",
                "2020-01-15", "P5Y", true, List.of(h(LIT, null, CAISSE, "2021-01-01", "2023-06-01")), "2025-01-15",
                "2025-01-15", "2025-01-15", ORDER),
            c("two closed litigations: the later decision",
                "2020-01-15", "P5Y", true, List.of(h(LIT, null, CAISSE, "2021-01-01", "2025-05-01"),
                        h(LIT, null, "CPAM-57", "2021-02-01", "2025-09-01")), "2025-08-31",
                "2025-01-15", "2025-09-01", NOT_DUE),
            c("open litigation, rule with the clause: held",
                "2020-01-15", "P5Y", true, List.of(h(LIT, null, CAISSE, "2024-01-01", null)), "2026-01-01",
                "2025-01-15", "2025-01-15", HELD),
            c("open litigation, rule without the clause: held",
                "2020-01-15", "P5Y", false, List.of(h(LIT, null, CAISSE, "2024-01-01", null)), "2026-01-01",
                "2025-01-15", "2025-01-15", HELD),
            c("closed litigation on another fiche: not moved",
                "2020-01-15", "P5Y", true, List.of(h(LIT, "2", CAISSE, "2022-01-01", "2026-03-02")), "2025-01-15",
                "2025-01-15", "2025-01-15", ORDER),
            c("closed litigation on this fiche among others: moved",
                "2020-01-15", "P5Y", true, List.of(h(LIT, "3,1", CAISSE, "2022-01-01", "2026-03-02")), "2025-06-01",
                "2025-01-15", "2026-03-02", NOT_DUE),
            c("rule without the clause, litigation in force: held",
                "2020-01-15", "P5Y", false, List.of(h(LIT, null, CAISSE, "2022-01-01", "2026-03-02")), "2025-06-01",
                "2025-01-15", "2025-01-15", HELD),
            c("rule without the clause, litigation closed: ordered",
                "2020-01-15", "P5Y", false, List.of(h(LIT, null, CAISSE, "2022-01-01", "2026-03-02")), "2026-03-02",
                "2025-01-15", "2025-01-15", ORDER),
            c("a litigation of another caisse covers the person",
                "2020-01-15", "P5Y", false, List.of(h(LIT, null, "CPAM-57", "2022-01-01", null)), "2025-06-01",
                "2025-01-15", "2025-01-15", HELD),
            // holds: kinds, scopes, days
            c("limitation on all fiches, in force", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, CAISSE, "2028-06-01", null)), "2029-02-01", "2029-01-15", "2029-01-15", HELD),
            c("limitation on another fiche", "2026-01-15", "P3Y", false,
                List.of(h(LIM, "2", CAISSE, "2028-06-01", null)), "2029-02-01", "2029-01-15", "2029-01-15", ORDER),
            c("limitation on this fiche among others", "2026-01-15", "P3Y", false,
                List.of(h(LIM, "1,3", CAISSE, "2028-06-01", null)), "2029-02-01", "2029-01-15", "2029-01-15", HELD),
            c("limitation of another caisse covers the person", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, "CPAM-57", "2028-06-01", null)), "2029-02-01", "2029-01-15", "2029-01-15", HELD),
            c("limitation from tomorrow", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, CAISSE, "2029-02-02", null)), "2029-02-01", "2029-01-15", "2029-01-15", ORDER),
            c("limitation from today", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, CAISSE, "2029-02-01", null)), "2029-02-01", "2029-01-15", "2029-01-15", HELD),
            c("limitation lifted today", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, CAISSE, "2028-06-01", "2029-03-01")), "2029-03-01", "2029-01-15", "2029-01-15", ORDER),
            c("limitation lifted tomorrow", "2026-01-15", "P3Y", false,
                List.of(h(LIM, null, CAISSE, "2028-06-01", "2029-03-01")), "2029-02-28", "2029-01-15", "2029-01-15", HELD),
            c("manual hold of the schedule's caisse", "2026-01-15", "P3Y", false,
                List.of(h(MAN, null, CAISSE, "2029-01-10", null)), "2029-03-31", "2029-01-15", "2029-01-15", HELD),
            c("manual hold of another caisse", "2026-01-15", "P3Y", false,
                List.of(h(MAN, null, "CPAM-57", "2029-01-10", null)), "2029-03-31", "2029-01-15", "2029-01-15", ORDER),
            c("manual hold on another fiche", "2026-01-15", "P3Y", false,
                List.of(h(MAN, "4", CAISSE, "2029-01-10", null)), "2029-03-31", "2029-01-15", "2029-01-15", ORDER),
            c("manual hold released", "2026-01-15", "P3Y", false,
                List.of(h(MAN, null, CAISSE, "2029-01-10", "2029-04-01")), "2029-04-01", "2029-01-15", "2029-01-15", ORDER),
            c("a hold before the due date: not due yet", "2026-01-15", "P3Y", false,
                List.of(h(MAN, null, CAISSE, "2028-01-10", null)), "2029-01-14", "2029-01-15", "2029-01-15", NOT_DUE),
            c("several holds, one covers", "2026-01-15", "P3Y", false,
                List.of(h(MAN, null, "CPAM-57", "2029-01-10", null), h(LIM, "2", CAISSE, "2028-06-01", null),
                        h(LIM, "1", CAISSE, "2028-06-01", "2029-06-01")), "2029-03-31", "2029-01-15", "2029-01-15", HELD));
    }

    private RetentionCases() {
    }
}
