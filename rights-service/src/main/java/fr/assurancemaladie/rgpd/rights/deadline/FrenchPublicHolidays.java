package fr.assurancemaladie.rgpd.rights.deadline;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Public holidays where a caisse is (design.md §5): the eleven national ones (1 January, Easter Monday, 1 May,
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
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.plusDays(1)); // Easter Monday
        days.add(LocalDate.of(year, Month.MAY, 1));
        days.add(LocalDate.of(year, Month.MAY, 8));
        days.add(easter.plusDays(39)); // Ascension Thursday
        days.add(easter.plusDays(50)); // Whit Monday
        days.add(LocalDate.of(year, Month.JULY, 14));
        days.add(LocalDate.of(year, Month.AUGUST, 15));
        days.add(LocalDate.of(year, Month.NOVEMBER, 1));
        days.add(LocalDate.of(year, Month.NOVEMBER, 11));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        if (departement.alsaceMoselle()) {
            days.add(easter.minusDays(2)); // Good Friday
            days.add(LocalDate.of(year, Month.DECEMBER, 26));
        }
        LocalDateOfYear abolition = ABOLITION_OF_SLAVERY.get(departement.code());
        if (abolition != null) {
            days.add(abolition.in(year));
        }
        return days;
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
