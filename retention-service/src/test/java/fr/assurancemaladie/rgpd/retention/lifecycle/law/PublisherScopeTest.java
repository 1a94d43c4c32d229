package fr.assurancemaladie.rgpd.retention.lifecycle.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.retention.lifecycle.law.LifecycleEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may publish what: one case per situation a system of the network can be in. */
class PublisherScopeTest {

    static final PublisherScope AFFILIATION = new PublisherScope("sih-lifecycle",
            "urn:assurancemaladie:sih:affiliation", Set.of("*"), Set.of("*"));
    static final PublisherScope LITIGATION = new PublisherScope("sij-contentieux", "urn:assurancemaladie:contentieux",
            Set.of("litigation-opened", "litigation-closed"), Set.of("*"));
    static final PublisherScope METZ_DEATHS = new PublisherScope("cpam57-deces", "urn:cpam57:deces",
            Set.of("death"), Set.of("CPAM-57"));

    static LifecycleEvent event(String source, String name, String caisse) {
        String type = "fr.assurancemaladie.lifecycle." + name;
        RetentionTrigger trigger = RetentionTrigger.fromEventName(name).orElse(null);
        return new LifecycleEvent(source, "e-1", type, trigger, "a".repeat(64), LocalDate.of(2026, 1, 15), caisse,
                null, null);
    }

    @Test
    void aSystemWithEveryTriggerPublishesAnyTriggerForAnyCaisse() {
        assertEquals(Optional.empty(), AFFILIATION.refusal(event("urn:assurancemaladie:sih:affiliation",
                "rights-end", "CPAM-75")));
        assertEquals(Optional.empty(), AFFILIATION.refusal(event("urn:assurancemaladie:sih:affiliation", "death",
                "CGSS-971")));
    }

    @Test
    void everyTriggerIsNeverALitigationWhichLiftsHolds() {
        String reason = AFFILIATION.refusal(event("urn:assurancemaladie:sih:affiliation", "litigation-closed",
                "CPAM-75")).orElseThrow();
        assertTrue(reason.contains("litigation-closed") && reason.contains("lèvent des gels"), reason);
        assertTrue(AFFILIATION.refusal(event("urn:assurancemaladie:sih:affiliation", "litigation-opened",
                "CPAM-75")).isPresent());
        assertEquals(Optional.empty(), LITIGATION.refusal(event("urn:assurancemaladie:contentieux",
                "litigation-closed", "CPAM-75")));
    }

    @Test
    void aSystemNamedForLitigationsPublishesNothingElse() {
        assertTrue(LITIGATION.refusal(event("urn:assurancemaladie:contentieux", "rights-end", "CPAM-75"))
                .isPresent());
    }

    @Test
    void aSystemSpeaksForItsOwnCaissesOnly() {
        assertEquals(Optional.empty(), METZ_DEATHS.refusal(event("urn:cpam57:deces", "death", "CPAM-57")));
        String reason = METZ_DEATHS.refusal(event("urn:cpam57:deces", "death", "CPAM-75")).orElseThrow();
        assertTrue(reason.contains("CPAM-75"), reason);
        assertTrue(METZ_DEATHS.refusal(event("urn:cpam57:deces", "rights-end", "CPAM-57")).isPresent());
    }

    @Test
    void aSystemCannotSpeakUnderAnotherSystemsSource() {
        String reason = AFFILIATION.refusal(event("urn:assurancemaladie:contentieux", "rights-end", "CPAM-75"))
                .orElseThrow();
        assertTrue(reason.contains("urn:assurancemaladie:sih:affiliation"), reason);
    }

    @Test
    void aRecordMustHaveBeenProducedWhileItsTokenWasValid() {
        Instant iat = Instant.parse("2026-01-15T10:00:00Z");
        Instant exp = Instant.parse("2026-01-15T10:05:00Z");
        assertEquals(Optional.empty(), PublisherScope.outsideValidity(Instant.parse("2026-01-15T10:03:00Z"), iat, exp));
        assertEquals(Optional.empty(), PublisherScope.outsideValidity(Instant.parse("2026-01-15T10:09:59Z"), iat, exp),
                "five minutes of clock skew");
        assertTrue(PublisherScope.outsideValidity(Instant.parse("2026-01-15T10:10:01Z"), iat, exp).isPresent(),
                "a token reused on a later record");
        assertTrue(PublisherScope.outsideValidity(Instant.parse("2026-01-15T09:54:59Z"), iat, exp).isPresent());
    }

    @Test
    void aScopeWithoutSourceTypesOrCaissesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PublisherScope.of("c", null, List.of("*"), List.of("*")));
        assertThrows(IllegalArgumentException.class, () -> PublisherScope.of("c", "urn:x", List.of(), List.of("*")));
        assertThrows(IllegalArgumentException.class, () -> PublisherScope.of("c", "urn:x", List.of("*"), null));
    }
}
