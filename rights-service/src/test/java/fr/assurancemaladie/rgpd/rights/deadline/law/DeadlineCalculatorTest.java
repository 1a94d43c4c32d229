package fr.assurancemaladie.rgpd.rights.deadline.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Worked cases ({@code deadline-cases.csv}), computed by hand from the calendar (the weekday of each date was
 * checked): receipt, département, months, due date, and why. The deadline endpoint is tested on the same file.
 */
class DeadlineCalculatorTest {

    @ParameterizedTest(name = "{0} in {1} + {2} month(s) → {3}: {4}")
    @CsvFileSource(resources = "/deadline-cases.csv", numLinesToSkip = 1, encoding = "UTF-8")
    void workedCases(LocalDate receivedOn, String departement, int months, LocalDate dueOn, String why) {
        assertEquals(dueOn, DeadlineCalculator.dueOn(receivedOn, months, new Departement(departement)), why);
    }

    @Test
    void easterSundays2026To2030() {
        assertEquals(LocalDate.of(2026, 4, 5), FrenchPublicHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), FrenchPublicHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2028, 4, 16), FrenchPublicHolidays.easterSunday(2028));
        assertEquals(LocalDate.of(2029, 4, 1), FrenchPublicHolidays.easterSunday(2029));
        assertEquals(LocalDate.of(2030, 4, 21), FrenchPublicHolidays.easterSunday(2030));
        assertEquals(LocalDate.of(2024, 3, 31), FrenchPublicHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2038, 4, 25), FrenchPublicHolidays.easterSunday(2038), "latest possible Easter");
    }

    @Test
    void holidayCountsPerKindOfDepartement() {
        for (int year = 2026; year <= 2030; year++) {
            assertEquals(11, FrenchPublicHolidays.of(year, new Departement("75")).size(), "national, " + year);
            assertEquals(13, FrenchPublicHolidays.of(year, new Departement("57")).size(), "Alsace-Moselle, " + year);
            for (String overseas : new String[] {"971", "972", "973", "974", "976"}) {
                Set<LocalDate> days = FrenchPublicHolidays.of(year, new Departement(overseas));
                assertTrue(days.containsAll(FrenchPublicHolidays.of(year, new Departement("75"))), overseas);
                int expected = overseas.equals("973") && year == 2030 ? 11 : 12; // 10 June 2030 is also Whit Monday
                assertEquals(expected, days.size(), overseas + ", " + year);
            }
        }
        Set<LocalDate> paris2026 = FrenchPublicHolidays.of(2026, new Departement("75"));
        assertTrue(paris2026.contains(LocalDate.of(2026, 4, 6)), "Easter Monday");
        assertTrue(paris2026.contains(LocalDate.of(2026, 5, 14)), "Ascension");
        assertTrue(paris2026.contains(LocalDate.of(2026, 5, 25)), "Whit Monday");
        assertFalse(paris2026.contains(LocalDate.of(2026, 4, 3)), "Good Friday only in Alsace-Moselle");
    }

    @Test
    void departementCodes() {
        assertEquals("07", Departement.parse("7").orElseThrow().code());
        assertEquals("2A", Departement.parse("2a").orElseThrow().code());
        assertTrue(Departement.parse("20").isEmpty(), "Corsica is 2A/2B");
        assertTrue(Departement.parse("96").isEmpty());
        assertTrue(Departement.parse("975").isEmpty(), "Saint-Pierre-et-Miquelon has no CGSS");
        assertTrue(Departement.parse("977").isEmpty());
        assertTrue(Departement.parse("abc").isEmpty());
        assertTrue(Departement.parse(null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> DeadlineCalculator.dueOn(LocalDate.of(2026, 1, 1), 2,
                new Departement("75")));
    }

    @Test
    void theExplanationNamesTheDaysThePeriodCouldNotEndOn() {
        // received Thursday 26 November 2026 in Paris: Saturday 26 and Sunday 27 December skipped
        DeadlineCalculator.Explanation paris = DeadlineCalculator.explain(LocalDate.of(2026, 11, 26), 1,
                new Departement("75"));
        assertEquals(LocalDate.of(2026, 12, 26), paris.nominal());
        assertEquals(List.of(new DeadlineCalculator.SkippedDay(LocalDate.of(2026, 12, 26), "samedi"),
                new DeadlineCalculator.SkippedDay(LocalDate.of(2026, 12, 27), "dimanche")), paris.skipped());
        assertEquals(LocalDate.of(2026, 12, 28), paris.dueOn());
        // received Tuesday 25 November 2025 in Moselle: Christmas (Thursday), Saint-Étienne (Friday, a holiday there
        // only), then the weekend: Monday 29 December
        DeadlineCalculator.Explanation metz = DeadlineCalculator.explain(LocalDate.of(2025, 11, 25), 1,
                new Departement("57"));
        assertEquals(List.of(new DeadlineCalculator.SkippedDay(LocalDate.of(2025, 12, 25), "Noël"),
                new DeadlineCalculator.SkippedDay(LocalDate.of(2025, 12, 26), "Saint-Étienne (Alsace-Moselle)"),
                new DeadlineCalculator.SkippedDay(LocalDate.of(2025, 12, 27), "samedi"),
                new DeadlineCalculator.SkippedDay(LocalDate.of(2025, 12, 28), "dimanche")), metz.skipped());
        assertEquals(LocalDate.of(2025, 12, 29), metz.dueOn());
        // a working day: nothing skipped
        DeadlineCalculator.Explanation plain = DeadlineCalculator.explain(LocalDate.of(2026, 11, 23), 1,
                new Departement("75"));
        assertEquals(List.of(), plain.skipped());
        assertEquals(LocalDate.of(2026, 12, 23), plain.dueOn());
    }
}
