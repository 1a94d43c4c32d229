package fr.assurancemaladie.rgpd.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** How the pages write what the APIs answer: cases a person checked by reading them. */
class FormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "P3Y    | 3 ans",
        "P1Y    | 1 an",
        "P1Y6M  | 1 an et 6 mois",
        "P10Y   | 10 ans",
        "P6M    | 6 mois",
        "P1D    | 1 jour",
        "P2Y1D  | 2 ans et 1 jour",
        "P0D    | jusqu'à l'événement",
        "bogus  | bogus",
    })
    void durationsInWords(String iso, String words) {
        assertEquals(words, Formats.durationFr(iso));
    }

    @Test
    void aMissingDurationIsSaidSo() {
        assertEquals("durée non précisée", Formats.durationFr(null));
        assertEquals("durée non précisée", Formats.durationFr(" "));
    }

    @Test
    void datesInFrench() {
        assertEquals("jeudi 26 novembre 2026", Formats.fr(LocalDate.of(2026, 11, 26)));
        assertEquals("1 janvier 2027", Formats.frShort(LocalDate.of(2027, 1, 1)));
        assertEquals("", Formats.fr((LocalDate) null));
    }

    @Test
    void instantsInParisTimeAcrossDaylightSaving() {
        // winter: UTC+1; summer (from 29 March 2026, 2 h): UTC+2
        assertEquals("15 janvier 2026 à 11 h 05", Formats.fr(Instant.parse("2026-01-15T10:05:00Z")));
        assertEquals("29 mars 2026 à 3 h 30", Formats.fr(Instant.parse("2026-03-29T01:30:00Z")));
        assertEquals("29 mars 2026 à 1 h 30", Formats.fr(Instant.parse("2026-03-29T00:30:00Z")));
    }

    @ParameterizedTest
    @EnumSource(RetentionTrigger.class)
    void everyTriggerOfTheRegisterHasWords(RetentionTrigger trigger) {
        String words = Formats.triggerFr(trigger.name());
        assertNotEquals(trigger.name(), words);
        assertFalse(words.isBlank());
        assertEquals(Character.toLowerCase(words.charAt(0)), words.charAt(0), words);
    }

    @Test
    void unknownCodesAreShownAsTheyCome() {
        assertEquals("SOMETHING_NEW", Formats.triggerFr("SOMETHING_NEW"));
        assertEquals("Droit inconnu", Formats.rightFr("Droit inconnu"));
    }

    @Test
    void daysLeft() {
        assertEquals("1 jour", Formats.days(1));
        assertEquals("1 jour", Formats.days(-1));
        assertEquals("0 jour", Formats.days(0));
        assertEquals("12 jours", Formats.days(-12));
    }

    @Test
    void fatesAndRuleStatuses() {
        assertEquals("archivage", Formats.fateFr("ARCHIVE"));
        assertEquals("destruction", Formats.fateFr("DESTRUCTION"));
        assertEquals("partielle (à revoir)", Formats.ruleStatusFr("PARTIAL"));
    }
}
