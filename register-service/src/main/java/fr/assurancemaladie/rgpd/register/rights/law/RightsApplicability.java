package fr.assurancemaladie.rgpd.register.rights.law;

import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import java.text.Normalizer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which rights apply to a fiche (GDPR art. 15 to 21; docs/design.md §5), and why, in words a citizen can read.
 *
 * <p>Two steps. {@link #stated} reads what the fiche itself says, from its "Droits des personnes concernées"
 * cell and its "Justification absence du droit d'opposition" cell. {@link #decide} turns that into the decision
 * rights-service applies:
 * <ul>
 * <li>access (art. 15), rectification (art. 16), limitation (art. 18): always, unless the fiche says otherwise;</li>
 * <li>objection (art. 21): only for processing based on art. 6-1-e (public interest) or 6-1-f (legitimate
 * interests), and never when the fiche gives a reason for excluding it — unless that reason itself names
 * exceptions, in which case the request goes to a DPO with the exceptions quoted; a fiche that explicitly opens
 * it is followed;</li>
 * <li>erasure (art. 17): excluded when the processing is necessary for a legal obligation (6-1-c) or a
 * public-interest mission (6-1-e) — art. 17(3)(b) — unless the fiche explicitly opens it;</li>
 * <li>portability (art. 20): only for processing based on consent (6-1-a) or a contract (6-1-b), unless the fiche
 * explicitly says something else.</li>
 * </ul>
 * What the fiche states always wins over the general rule: a controller may grant more than the law requires,
 * and when the register says a right is excluded the citizen's answer quotes its reason.
 */
public final class RightsApplicability {

    private static final Pattern ACCESS = Pattern.compile("droits? d'acces|droit d.acces");
    private static final Pattern RECTIFICATION = Pattern.compile("rectification");
    private static final Pattern ERASURE = Pattern.compile("suppression|effacement|droit a l'oubli");
    private static final Pattern LIMITATION = Pattern.compile("limitation");
    private static final Pattern PORTABILITY = Pattern.compile("portabilite");
    private static final Pattern OBJECTION_OPEN = Pattern.compile(
            "d'opposition s'exerce|opposition s'exercent|d'opposition\\b[^.]*s'exercent|s'opposer a (la|l')");
    private static final Pattern OBJECTION_CLOSED = Pattern.compile(
            "(droit d'opposition|opposition) ne s'appli|pas de droit d'opposition|ne peut pas s'opposer");
    /** An objection cell that, instead of excluding the right, says how it is exercised. */
    private static final Pattern OBJECTION_CELL_OPENS = Pattern.compile("^le droit d'opposition s'exerce");
    /**
     * An exclusion with exceptions the fiche itself names ("sauf dispositions spécifiques…", "à l'exception de…",
     * "uniquement sur…", "possibilité de refuser…", "Droit d'opposition pour la personne contact…"): the right is
     * stated as excluded, but a request may fall within an exception, so it applies — a DPO examines it against
     * the quoted exceptions instead of an automatic refusal.
     */
    private static final Pattern OBJECTION_EXCEPTIONS = Pattern.compile("sauf dispositions|a l'exception de|uniquement sur"
            + "|s'applique uniquement|applicable uniquement|possibilite de refuser|peut refuser|droit d'opposition pour");

    private static final Set<String> ERASURE_EXCLUDING = Set.of("6-1-c", "6-1-e");
    private static final Set<String> OBJECTION_BASES = Set.of("6-1-e", "6-1-f");
    private static final Set<String> PORTABILITY_BASES = Set.of("6-1-a", "6-1-b");

    /** What the fiche says about each right: true, false or null (silent). */
    public Map<Right, Boolean> stated(List<String> rightsText, String objectionExclusionReason) {
        String rights = normalise(String.join(" ", rightsText));
        Map<Right, Boolean> stated = new EnumMap<>(Right.class);
        stated.put(Right.ACCESS, ACCESS.matcher(rights).find() ? Boolean.TRUE : null);
        stated.put(Right.RECTIFICATION, RECTIFICATION.matcher(rights).find() ? Boolean.TRUE : null);
        stated.put(Right.ERASURE, ERASURE.matcher(rights).find() ? Boolean.TRUE : null);
        stated.put(Right.LIMITATION, LIMITATION.matcher(rights).find() ? Boolean.TRUE : null);
        stated.put(Right.PORTABILITY, PORTABILITY.matcher(rights).find() ? Boolean.TRUE : null);
        Boolean objection;
        if (objectionExclusionReason != null && !objectionExclusionReason.isBlank()) {
            // the cell justifies excluding the right (stated false), unless it says how the right is exercised
            objection = OBJECTION_CELL_OPENS.matcher(normalise(objectionExclusionReason)).find();
        } else if (OBJECTION_CLOSED.matcher(rights).find()) {
            objection = Boolean.FALSE;
        } else if (OBJECTION_OPEN.matcher(rights).find()) {
            objection = Boolean.TRUE;
        } else {
            objection = null;
        }
        stated.put(Right.OBJECTION, objection);
        return stated;
    }

    /**
     * The decision for each right.
     *
     * @param stated                   what the fiche says (null values allowed)
     * @param gdprArticles             the fiche's legal bases, normalised ("6-1-c")
     * @param rightsText               the fiche's rights cell (quoted when it opens a right)
     * @param objectionExclusionReason the fiche's justification for excluding objection, or null
     */
    public Rights decide(Map<Right, Boolean> stated, Collection<String> gdprArticles, List<String> rightsText,
            String objectionExclusionReason) {
        String bases = describeBases(gdprArticles);
        return new Rights(
                always(Right.ACCESS, stated.get(Right.ACCESS), rightsText,
                        "Vous pouvez obtenir la communication des données vous concernant (article 15 du RGPD)."),
                always(Right.RECTIFICATION, stated.get(Right.RECTIFICATION), rightsText,
                        "Vous pouvez faire corriger ou compléter des données inexactes ou incomplètes (article 16 du RGPD)."),
                erasure(stated.get(Right.ERASURE), gdprArticles, bases, rightsText),
                always(Right.LIMITATION, stated.get(Right.LIMITATION), rightsText,
                        "Vous pouvez demander la limitation du traitement (article 18 du RGPD), par exemple le temps de "
                                + "vérifier l'exactitude de vos données ou si vous vous êtes opposé au traitement : "
                                + "elles sont alors conservées mais ne sont plus utilisées."),
                objection(stated.get(Right.OBJECTION), gdprArticles, bases, rightsText, objectionExclusionReason),
                portability(stated.get(Right.PORTABILITY), gdprArticles, bases, rightsText));
    }

    private RightDecision always(Right right, Boolean stated, List<String> rightsText, String general) {
        if (Boolean.FALSE.equals(stated)) {
            return new RightDecision(false, false, "Selon le registre, le droit " + rightName(right)
                    + " ne s'applique pas à ce traitement."
                    + quote(rightsText, patternOf(right)).map(q -> " Le registre indique : « " + q + " ».").orElse(""));
        }
        String reason = general + quote(rightsText, patternOf(right))
                .map(q -> " Le registre précise : « " + q + " »").orElse(
                        " La demande s'adresse au délégué à la protection des données de l'organisme qui traite vos "
                                + "données (votre caisse, ou la Cnam pour un traitement national).");
        return new RightDecision(stated, true, reason);
    }

    private RightDecision erasure(Boolean stated, Collection<String> articles, String bases, List<String> rightsText) {
        if (Boolean.TRUE.equals(stated)) {
            return new RightDecision(true, true, "Le registre prévoit que vous pouvez demander la suppression de vos données"
                    + quote(rightsText, ERASURE).map(q -> " : « " + q + " ».").orElse(" (article 17 du RGPD)."));
        }
        if (Boolean.FALSE.equals(stated)) {
            return new RightDecision(false, false, "Selon le registre, le droit à l'effacement ne s'applique pas à ce traitement.");
        }
        if (articles.stream().anyMatch(ERASURE_EXCLUDING::contains)) {
            return new RightDecision(null, false, "Le droit à l'effacement ne s'applique pas dans la mesure où ce traitement "
                    + "est nécessaire " + excludingPurpose(articles) + " (article 17, paragraphe 3, b du RGPD). Vos données sont supprimées à "
                    + "la fin de leur durée de conservation ; vous pouvez demander la rectification de données inexactes "
                    + "ou la limitation du traitement.");
        }
        return new RightDecision(null, true, "Vous pouvez demander l'effacement de vos données (article 17 du RGPD) lorsqu'elles "
                + "ne sont plus nécessaires, que vous vous êtes opposé au traitement ou qu'elles ont été traitées illicitement"
                + bases + ".");
    }

    private RightDecision objection(Boolean stated, Collection<String> articles, String bases, List<String> rightsText,
            String exclusion) {
        boolean hasExclusion = exclusion != null && !exclusion.isBlank();
        if (Boolean.FALSE.equals(stated) && hasExclusion && OBJECTION_EXCEPTIONS.matcher(normalise(exclusion)).find()) {
            return new RightDecision(false, true, "Le registre exclut le droit d'opposition (article 21 du RGPD) pour "
                    + "l'essentiel de ce traitement, mais prévoit des exceptions : « " + withoutFinalStop(exclusion)
                    + " ». Votre demande sera examinée au regard de ces exceptions par le délégué à la protection des données.");
        }
        if (Boolean.FALSE.equals(stated)) {
            String why = hasExclusion ? "Justification donnée par le registre : « " + withoutFinalStop(exclusion) + " »."
                    : quote(rightsText, Pattern.compile("opposition")).map(q -> "Le registre indique : « " + q + " ».")
                            .orElse("");
            return new RightDecision(false, false,
                    ("Le droit d'opposition (article 21 du RGPD) ne s'applique pas à ce traitement. " + why).strip());
        }
        if (Boolean.TRUE.equals(stated)) {
            String what = hasExclusion ? exclusion
                    : quote(rightsText, Pattern.compile("oppos")).orElse(null);
            return new RightDecision(true, true, "Vous pouvez vous opposer à ce traitement pour des raisons tenant à votre "
                    + "situation particulière (article 21 du RGPD)" + (what == null ? "."
                            : ", dans les limites que précise le registre : « " + withoutFinalStop(what) + " »."));
        }
        if (articles.stream().anyMatch(OBJECTION_BASES::contains)) {
            return new RightDecision(null, true, "Vous pouvez vous opposer à ce traitement pour des raisons tenant à votre "
                    + "situation particulière (article 21 du RGPD) : il repose sur " + describeEf(articles) + ".");
        }
        return new RightDecision(null, false, "Le droit d'opposition (article 21 du RGPD) ne vaut que pour les traitements "
                + "fondés sur une mission d'intérêt public ou sur un intérêt légitime" + (bases.isEmpty()
                        ? " ; le registre n'indique pas de tel fondement pour ce traitement."
                        : " ; ce traitement repose" + bases.replaceFirst("^ ; ce traitement repose", "") + "."));
    }

    private RightDecision portability(Boolean stated, Collection<String> articles, String bases, List<String> rightsText) {
        if (stated != null) {
            return new RightDecision(stated, stated, stated
                    ? "Le registre prévoit la portabilité de vos données (article 20 du RGPD)"
                            + quote(rightsText, PORTABILITY).map(q -> " : « " + q + " ».").orElse(".")
                    : "Selon le registre, le droit à la portabilité ne s'applique pas à ce traitement.");
        }
        if (articles.stream().anyMatch(PORTABILITY_BASES::contains)) {
            return new RightDecision(null, true, "Vous pouvez recevoir les données que vous avez fournies dans un format "
                    + "structuré et lisible par machine, ou les faire transmettre à un autre organisme (article 20 du RGPD)"
                    + bases + ".");
        }
        return new RightDecision(null, false, "Le droit à la portabilité (article 20 du RGPD) ne vaut que pour les données "
                + "traitées sur la base de votre consentement ou d'un contrat" + (bases.isEmpty()
                        ? " ; le registre n'indique pas de tel fondement pour ce traitement."
                        : " ; ce traitement repose" + bases.replaceFirst("^ ; ce traitement repose", "") + "."));
    }

    // ---- wording

    private static String withoutFinalStop(String s) {
        return s.strip().replaceAll("\\s*\\.$", "");
    }

    private static String describeBases(Collection<String> articles) {
        List<String> parts = articles.stream().sorted().map(RightsApplicability::describe).flatMap(Optional::stream).toList();
        return parts.isEmpty() ? "" : " ; ce traitement repose sur " + String.join(" et sur ", parts);
    }

    private static Optional<String> describe(String article) {
        return Optional.ofNullable(switch (article) {
            case "6-1-a" -> "votre consentement (article 6-1-a du RGPD)";
            case "6-1-b" -> "l'exécution d'un contrat (article 6-1-b du RGPD)";
            case "6-1-c" -> "une obligation légale (article 6-1-c du RGPD)";
            case "6-1-d" -> "la sauvegarde des intérêts vitaux (article 6-1-d du RGPD)";
            case "6-1-e" -> "une mission d'intérêt public (article 6-1-e du RGPD)";
            case "6-1-f" -> "l'intérêt légitime (article 6-1-f du RGPD)";
            default -> null;
        });
    }

    private static String describeEf(Collection<String> articles) {
        return String.join(" et sur ", articles.stream().filter(OBJECTION_BASES::contains).sorted()
                .map(RightsApplicability::describe).flatMap(Optional::stream).toList());
    }

    private static String excludingPurpose(Collection<String> articles) {
        boolean c = articles.contains("6-1-c");
        boolean e = articles.contains("6-1-e");
        if (c && e) {
            return "au respect d'une obligation légale et à l'exécution d'une mission d'intérêt public";
        }
        return c ? "au respect d'une obligation légale" : "à l'exécution d'une mission d'intérêt public";
    }

    private static String rightName(Right right) {
        return switch (right) {
            case ACCESS -> "d'accès";
            case RECTIFICATION -> "de rectification";
            case ERASURE -> "à l'effacement";
            case LIMITATION -> "à la limitation du traitement";
            case OBJECTION -> "d'opposition";
            case PORTABILITY -> "à la portabilité";
        };
    }

    private static Pattern patternOf(Right right) {
        return switch (right) {
            case ACCESS -> ACCESS;
            case RECTIFICATION -> RECTIFICATION;
            case ERASURE -> ERASURE;
            case LIMITATION -> LIMITATION;
            case OBJECTION -> Pattern.compile("opposition");
            case PORTABILITY -> PORTABILITY;
        };
    }

    /** The sentence of the rights text that mentions a right, as written. */
    static Optional<String> quote(List<String> rightsText, Pattern keyword) {
        for (String item : rightsText) {
            for (String sentence : item.split("(?<=\\.)\\s+")) {
                if (keyword.matcher(normalise(sentence)).find()) {
                    return Optional.of(sentence.strip().replaceAll("\\s*\\.$", ""));
                }
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String s = text.replace('’', '\'').replace('‘', '\'');
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
