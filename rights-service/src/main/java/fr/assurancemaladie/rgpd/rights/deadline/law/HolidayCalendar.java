package fr.assurancemaladie.rgpd.rights.deadline.law;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The days, other than Saturdays and Sundays, a period cannot end on where a caisse is, with their French names. The
 * legal list of a département ({@link #legal}) is what the law says today; a caisse's calendar is data (seeded with
 * that list, edited by an admin with a reason: local observances) and reaches the law as {@link #of(Map)}. Pure Java.
 */
@FunctionalInterface
public interface HolidayCalendar {

    /** The day's name when a period cannot end on it (besides weekends), else empty. */
    Optional<String> holiday(LocalDate day);

    /** The public holidays of a département ({@link FrenchPublicHolidays}). */
    static HolidayCalendar legal(Departement departement) {
        return day -> FrenchPublicHolidays.name(day, departement);
    }

    /** A calendar given as data: each non-working day and its name (it must cover the years it is asked about). */
    static HolidayCalendar of(Map<LocalDate, String> days) {
        Map<LocalDate, String> copy = Map.copyOf(days);
        return day -> Optional.ofNullable(copy.get(day));
    }
}
