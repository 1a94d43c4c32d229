package fr.assurancemaladie.rgpd.rights.deadline.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

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
        return dueOn(from, months, HolidayCalendar.legal(departement));
    }

    /** The same with the caisse's calendar (its public holidays and local days, as data). */
    public static LocalDate dueOn(LocalDate from, int months, HolidayCalendar calendar) {
        if (months != ONE_MONTH && months != EXTENDED) {
            throw new IllegalArgumentException("A GDPR period is 1 or 3 months, not " + months);
        }
        // plusMonths keeps the day-of-month, or takes the month's last day when it has none (art. 3(2)(c))
        return nextWorkingDay(from.plusMonths(months), calendar);
    }

    /** A day the period could not end on, and why: « samedi », « dimanche », or the public holiday's name. */
    public record SkippedDay(LocalDate day, String why) {
    }

    /**
     * How a due date comes about: the period's start, its length, the day it would end on, the days skipped because
     * the period cannot end on them, and the due date — what a person is told, never recomputed elsewhere.
     */
    public record Explanation(LocalDate from, int months, LocalDate nominal, List<SkippedDay> skipped, LocalDate dueOn) {
    }

    public static Explanation explain(LocalDate from, int months, Departement departement) {
        return explain(from, months, HolidayCalendar.legal(departement));
    }

    public static Explanation explain(LocalDate from, int months, HolidayCalendar calendar) {
        LocalDate due = dueOn(from, months, calendar);
        LocalDate nominal = from.plusMonths(months);
        List<SkippedDay> skipped = new java.util.ArrayList<>();
        for (LocalDate d = nominal; d.isBefore(due); d = d.plusDays(1)) {
            DayOfWeek dow = d.getDayOfWeek();
            skipped.add(new SkippedDay(d, dow == DayOfWeek.SATURDAY ? "samedi" : dow == DayOfWeek.SUNDAY ? "dimanche"
                    : calendar.holiday(d).orElse("jour non ouvré")));
        }
        return new Explanation(from, months, nominal, List.copyOf(skipped), due);
    }

    /** The day itself when it is a working day, else the next one (art. 3(4)). */
    public static LocalDate nextWorkingDay(LocalDate day, Departement departement) {
        return nextWorkingDay(day, HolidayCalendar.legal(departement));
    }

    public static LocalDate nextWorkingDay(LocalDate day, HolidayCalendar calendar) {
        LocalDate d = day;
        while (!isWorkingDay(d, calendar)) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static boolean isWorkingDay(LocalDate day, Departement departement) {
        return isWorkingDay(day, HolidayCalendar.legal(departement));
    }

    public static boolean isWorkingDay(LocalDate day, HolidayCalendar calendar) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && calendar.holiday(day).isEmpty();
    }
}
