package fr.assurancemaladie.rgpd.rights.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The legal deadline of a rights request (GDPR art. 12(3); Regulation 1182/71 art. 3): a period of N months from
 * receipt ends on the same day-of-month N months later, or on the last day of that month when it has no such day
 * (31 January + 1 month → 28 or 29 February); when that day is a Saturday, a Sunday or a public holiday where the
 * caisse is, the period ends on the next working day. One month is the rule; three months when the controller
 * extends it (decided with reasons before the first deadline). Pure Java.
 */
public final class DeadlineCalculator {

    /** The periods the GDPR knows: one month, or three when extended by two further months. */
    public static final int ONE_MONTH = 1;
    public static final int EXTENDED = 3;

    private DeadlineCalculator() {
    }

    /**
     * @param from        the day the period starts from (receipt, or the day missing identity information arrived)
     * @param months      1 or 3
     * @param departement where the caisse is (its holidays)
     */
    public static LocalDate dueOn(LocalDate from, int months, Departement departement) {
        if (months != ONE_MONTH && months != EXTENDED) {
            throw new IllegalArgumentException("A GDPR period is 1 or 3 months, not " + months);
        }
        // plusMonths keeps the day-of-month, or takes the month's last day when it has none (art. 3(2)(c))
        return nextWorkingDay(from.plusMonths(months), departement);
    }

    /** The day itself when it is a working day, else the next one (art. 3(4)). */
    public static LocalDate nextWorkingDay(LocalDate day, Departement departement) {
        LocalDate d = day;
        while (!isWorkingDay(d, departement)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static boolean isWorkingDay(LocalDate day, Departement departement) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY
                && !FrenchPublicHolidays.isHoliday(day, departement);
    }
}
