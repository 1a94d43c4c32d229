package fr.assurancemaladie.rgpd.rights.request.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.rights.request.law.Repetition.Earlier;
import fr.assurancemaladie.rgpd.rights.request.law.Repetition.Flags;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepetitionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Period SIX_MONTHS = Period.ofMonths(6);
    static final java.time.Instant AT = java.time.Instant.parse("2026-11-26T09:00:00Z");
    static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

    @Test
    void aFirstRequestHasNoFlag() {
        Flags f = Repetition.assess(Set.of(1), TODAY, List.of(), SIX_MONTHS, 2);
        assertEquals(Flags.NONE, f);
        assertFalse(f.any());
    }

    @Test
    void anOpenRequestOnAnOverlappingScopeIsTheOneDuplicated() {
        Flags f = Repetition.assess(Set.of(1, 2), TODAY, List.of(
                new Earlier(B, Set.of(2, 3), true, TODAY.minusDays(3), AT),
                new Earlier(A, Set.of(1), true, TODAY.minusDays(10), AT),
                new Earlier(C, Set.of(2), false, TODAY.minusDays(20), AT)), SIX_MONTHS, 5);
        assertEquals(A, f.duplicateOf(), "the earliest open one");
        assertEquals(3, f.earlierSimilar());
        assertFalse(f.repetitive());
        assertTrue(f.any());
    }

    @Test
    void anotherScopeOrAClosedRequestIsNoDuplicate() {
        Flags f = Repetition.assess(Set.of(1), TODAY, List.of(
                new Earlier(A, Set.of(2), true, TODAY.minusDays(3), AT),
                new Earlier(B, Set.of(1), false, TODAY.minusDays(3), AT)), SIX_MONTHS, 2);
        assertNull(f.duplicateOf());
        assertEquals(1, f.earlierSimilar(), "the closed one on fiche 1 counts for repetition");
        assertFalse(f.repetitive());
    }

    @Test
    void repetitionCountsOnlyWithinThePeriod() {
        List<Earlier> earlier = List.of(
                new Earlier(A, Set.of(1), false, TODAY.minusMonths(6), AT),          // exactly six months before: out
                new Earlier(B, Set.of(1), false, TODAY.minusMonths(6).plusDays(1), AT),
                new Earlier(C, Set.of(1), false, TODAY.minusDays(1), AT));
        Flags f = Repetition.assess(Set.of(1), TODAY, earlier, SIX_MONTHS, 2);
        assertEquals(2, f.earlierSimilar());
        assertTrue(f.repetitive());
        assertFalse(Repetition.assess(Set.of(1), TODAY, earlier, SIX_MONTHS, 3).repetitive());
        assertFalse(Repetition.assess(Set.of(1), TODAY, earlier, Period.ofDays(1), 2).repetitive());
    }

    @Test
    void theSameDayTheFirstRecordedIsTheOneDuplicated() {
        // B's id sorts first, but A was recorded first
        Earlier a = new Earlier(C, Set.of(1), true, TODAY, AT);
        Earlier b = new Earlier(A, Set.of(1), true, TODAY, AT.plusSeconds(60));
        assertEquals(C, Repetition.assess(Set.of(1), TODAY, List.of(b, a), SIX_MONTHS, 2).duplicateOf());
    }

    @Test
    void theThresholdIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> Repetition.assess(Set.of(1), TODAY, List.of(), SIX_MONTHS, 0));
    }
}
