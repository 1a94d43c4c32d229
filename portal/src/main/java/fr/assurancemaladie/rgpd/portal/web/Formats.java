package fr.assurancemaladie.rgpd.portal.web;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How values read from the APIs are written for people: French dates, ISO-8601 durations and the register's codes in
 * words. Presentation only: what a right, a deadline or a rule means is the services' business.
 */
@TemplateExtension
public final class Formats {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Locale FR = Locale.FRANCE;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FR);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", FR);
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", FR);

    private Formats() {
    }

    /** « jeudi 26 novembre 2026 ». */
    public static String fr(LocalDate d) {
        return d == null ? "" : d.format(DAY);
    }

    /** « 26 novembre 2026 ». */
    public static String frShort(LocalDate d) {
        return d == null ? "" : d.format(SHORT_DAY);
    }

    /** « 26 novembre 2026 à 10 h 05 » (heure de Paris). */
    public static String fr(Instant i) {
        return i == null ? "" : i.atZone(PARIS).format(AT);
    }

    /** An ISO-8601 period in words: P3Y → « 3 ans », P1Y6M → « 1 an et 6 mois », P0D → « jusqu'à l'événement ». */
    public static String durationFr(String iso) {
        if (iso == null || iso.isBlank()) {
            return "durée non précisée";
        }
        Period p;
        try {
            p = Period.parse(iso);
        } catch (DateTimeParseException e) {
            return iso;
        }
        if (p.isZero()) {
            return "jusqu'à l'événement";
        }
        List<String> parts = new ArrayList<>();
        if (p.getYears() > 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " an" : " ans"));
        }
        if (p.getMonths() > 0) {
            parts.add(p.getMonths() + " mois");
        }
        if (p.getDays() > 0) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " jour" : " jours"));
        }
        return String.join(" et ", parts);
    }

    /** The trigger of a retention rule in words (the register's vocabulary). */
    public static String triggerFr(String code) {
        if (code == null) {
            return "événement non précisé";
        }
        return RetentionTrigger.fromCode(code).map(t -> t.label().substring(0, 1).toLowerCase(FR)
                + t.label().substring(1)).orElse(code);
    }

    /** DESTRUCTION → « destruction », ARCHIVE → « archivage ». */
    public static String fateFr(String fate) {
        if (fate == null) {
            return "sort non précisé";
        }
        return switch (fate) {
            case "DESTRUCTION" -> "destruction";
            case "ARCHIVE" -> "archivage";
            default -> fate.toLowerCase(FR);
        };
    }

    /** How far the register's text of a retention rule could be structured. */
    public static String ruleStatusFr(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "STRUCTURED" -> "structurée (exécutable)";
            case "IMPLICIT_TRIGGER" -> "départ implicite : la collecte (exécutable)";
            case "PARTIAL" -> "partielle (à revoir)";
            case "UNSTRUCTURED" -> "non structurée (à revoir)";
            default -> status;
        };
    }

    /** The name of a right, from its API field or request type. */
    public static String rightFr(String right) {
        if (right == null) {
            return "";
        }
        return switch (right.toLowerCase(Locale.ROOT)) {
            case "access" -> "Droit d'accès";
            case "rectification" -> "Droit de rectification";
            case "erasure" -> "Droit à l'effacement";
            case "limitation" -> "Droit à la limitation";
            case "objection" -> "Droit d'opposition";
            case "portability" -> "Droit à la portabilité";
            default -> right;
        };
    }

    /** « 1 jour », « 3 jours ». */
    public static String days(long n) {
        long a = Math.abs(n);
        return a + (a <= 1 ? " jour" : " jours");
    }
}
