package fr.assurancemaladie.rgpd.rights.deadline.law;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays where a caisse is (docs/design.md §5, docs/law.md): the eleven national ones (1 January, Easter Monday, 1 May,
 * 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November, 11 November, 25 December); in Moselle, Bas-Rhin
 * and Haut-Rhin also Good Friday and 26 December; overseas also the day of the abolition of slavery (Guadeloupe
 * 27 May, Martinique 22 May, Guyane 10 June, La Réunion 20 December, Mayotte 27 April). Pure Java.
 */
public final class FrenchPublicHolidays {

    private static final Map<String, LocalDateOfYear> ABOLITION_OF_SLAVERY = Map.of(
            "971", new LocalDateOfYear(Month.MAY, 27),
            "972", new LocalDateOfYear(Month.MAY, 22),
            "973", new LocalDateOfYear(Month.JUNE, 10),
            "974", new LocalDateOfYear(Month.DECEMBER, 20),
            "976", new LocalDateOfYear(Month.APRIL, 27));

    private record LocalDateOfYear(Month month, int day) {
        LocalDate in(int year) {
            return LocalDate.of(year, month, day);
        }
    }

    private FrenchPublicHolidays() {
    }

    /** The public holidays of a year in a département, sorted. */
    public static Set<LocalDate> of(int year, Departement departement) {
        return new TreeSet<>(named(year, departement).keySet());
    }

    /** The same with their French names, sorted by date. */
    public static java.util.SortedMap<LocalDate, String> named(int year, Departement departement) {
        LocalDate easter = easterSunday(year);
        java.util.SortedMap<LocalDate, String> days = new java.util.TreeMap<>();
        days.put(LocalDate.of(year, Month.JANUARY, 1), "jour de l'An");
        days.put(easter.plusDays(1), "lundi de Pâques");
        days.put(LocalDate.of(year, Month.MAY, 1), "fête du Travail");
        days.put(LocalDate.of(year, Month.MAY, 8), "Victoire 1945");
        days.put(easter.plusDays(39), "Ascension");
        days.put(easter.plusDays(50), "lundi de Pentecôte");
        days.put(LocalDate.of(year, Month.JULY, 14), "fête nationale");
        days.put(LocalDate.of(year, Month.AUGUST, 15), "Assomption");
        days.put(LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint");
        days.put(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918");
        days.put(LocalDate.of(year, Month.DECEMBER, 25), "Noël");
        if (departement.alsaceMoselle()) {
            days.put(easter.minusDays(2), "Vendredi saint (Alsace-Moselle)");
            days.put(LocalDate.of(year, Month.DECEMBER, 26), "Saint-Étienne (Alsace-Moselle)");
        }
        LocalDateOfYear abolition = ABOLITION_OF_SLAVERY.get(departement.code());
        if (abolition != null) {
            days.put(abolition.in(year), "abolition de l'esclavage");
        }
        return days;
    }

    /** The holiday's French name, or empty when the day is not a public holiday there. */
    public static java.util.Optional<String> name(LocalDate day, Departement departement) {
        return java.util.Optional.ofNullable(named(day.getYear(), departement).get(day));
    }

    public static boolean isHoliday(LocalDate day, Departement departement) {
        return of(day.getYear(), departement).contains(day);
    }

    /** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
