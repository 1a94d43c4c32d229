package fr.assurancemaladie.rgpd.register.retention;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Fate;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one retention item of the register of processing activities (one {@code <li>} of a "Durée de conservation"
 * cell, already trimmed, HTML and bullets removed) into exactly one {@link RetentionRule}.
 *
 * <h2>How an item is read</h2>
 * <ol>
 *   <li><b>Candidates.</b> Every duration of the item is a candidate: a period in digits or words
 *       ("3 ans", "trois mois", "Un an", "3 années"), an "until the event" phrase ("jusqu'à l'intervention de la
 *       décision définitive", "toute la durée de l'accompagnement", "tant qu'il n'est pas soldé" → {@code P0D}) and a
 *       "not kept" phrase ("ne sont pas conservées", "aucune conservation" → {@code P0D}). Maxima count as the
 *       duration ("au maximum 5 ans", "jusqu'à 12 mois", "ne … pas plus de deux ans").</li>
 *   <li><b>Main clause.</b> The first candidate in reading order is the main clause. A clause runs from a candidate
 *       to the next candidate of the same sentence; everything after it (secondary clauses, other data) only feeds
 *       the fate and the litigation flag.</li>
 *   <li><b>Trigger.</b> The nearest event phrase after the duration within its clause, else the nearest one before it
 *       in its sentence, else one in the parent scope. An explicit event always beats "archivage"/"au-delà de ce
 *       délai" ({@link RetentionTrigger#PREVIOUS_PERIOD_END}), which only counts when it comes before the duration
 *       ("archivées pendant 10 ans") or as "N ans supplémentaires": archiving named after the duration is the next
 *       phase, i.e. the {@link Fate}.</li>
 * </ol>
 *
 * <h2>Status</h2>
 * Explicit duration and event: {@link RuleStatus#STRUCTURED}. Explicit duration and no event: the period runs from
 * collection, {@link RuleStatus#IMPLICIT_TRIGGER}, unless the text is vague about the start or the length ("durée
 * moyenne", "en fonction du programme", "après un évènement (clôture, décès, etc.)"): {@link RuleStatus#PARTIAL}, as
 * is an event without a duration (archiving with no length). Nothing computable: {@link RuleStatus#UNSTRUCTURED}.
 *
 * <h2>Judgement calls (see the report of the register survey)</h2>
 * <ul>
 *   <li>"Toute la durée de X puis N" / "augmentée d'un délai de N": N from the end of X (fiches 25, 26).</li>
 *   <li>"jusqu'au ciblage suivant … et … ne peut excéder 3 ans" (fiche 22): the first clause, {@code P0D}
 *       NEXT_TARGETING; the cap is secondary.</li>
 *   <li>"La durée moyenne est de 3 ans et peut aller jusqu'à 10 ans après un évènement" (fiche 30): an average is no
 *       limit, so {@code P10Y}, PARTIAL.</li>
 *   <li>"le temps de son affiliation" (fiche 33): {@code P0D} RIGHTS_END.</li>
 *   <li>"n'excédant pas les délais de procédures contentieuses" (fiche 81): {@code P0D} PROCEEDINGS_END.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe: all patterns are compiled once.
 */
public final class RetentionRuleParser {

    /*
     * The scanning patterns are written in lower case and run over a lower-cased copy of the item (same length, so
     * positions hold): much faster than case-insensitive Unicode matching. Only the sentence and scope patterns, which
     * work on the item as written, look at case.
     */
    private static final int CASE_INSENSITIVE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Word boundaries that also work for accented letters. */
    private static final String B = "(?<![\\p{L}\\d])";
    private static final String E = "(?![\\p{L}\\d])";

    private static final String P0D = "P0D";

    /** French number words found in retention texts (un an, deux ans, trois mois, dix-huit mois …). */
    private static final Map<String, Integer> NUMBER_WORDS = numberWords();
    private static final String NUMBER = "\\d+|" + NUMBER_WORDS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.joining("|"));
    private static final String UNIT = "ans?|ann[ée]es?|mois|semaines?|jours?";

    /**
     * A period: number + unit, optionally "supplémentaires" (an additional period that runs from the end of the
     * previous one).
     */
    private static final Pattern PERIOD = Pattern.compile(
            "(?<![\\p{L}\\d-])(" + NUMBER + ")\\s+(" + UNIT + ")" + E + "(\\s+suppl[ée]mentaires?)?");

    /**
     * A period that is a condition, not a retention ("décède moins de 10 ans après son dernier passage"), or an
     * average, which is no limit ("la durée moyenne est de 3 ans et peut aller jusqu'à 10 ans": the maximum counts).
     */
    private static final Pattern NOT_A_LIMIT_BEFORE = Pattern.compile(
            "(?:moins de|moyenne(?:\\s+est)?\\s+de)\\s*$");

    /**
     * Kept until the event itself ({@code P0D}). Only a candidate when an explicit event phrase is in the same
     * sentence ("jusqu'à cette date" refers back to "vingt-huitième anniversaire"); "jusqu'à 12 mois" is a maximum
     * and is read by {@link #PERIOD}; "pendant la durée nécessaire" is not a lifetime.
     */
    private static final Pattern UNTIL_EVENT = Pattern.compile(String.join("|",
            "jusqu'(?:[àa]|au|aux)\\s+(?!(?:" + NUMBER + ")\\s+(?:" + UNIT + ")" + E + ")",
            "tant qu(?:e\\s|')",
            "(?:toute|pendant) la dur[ée]e d(?:e\\s|u\\s|')(?!conservation)",
            "le temps de (?:son|sa|leur)" + E,
            "ne peut exc[ée]der la date",
            "n'exc[ée]dant pas les d[ée]lais",
            "d[ée]truit(?:e|s|es)? apr[èe]s"));

    /** Explicitly not kept ({@code P0D} from collection); "ne sont pas conservées plus de deux ans" is a maximum. */
    private static final Pattern NOT_KEPT = Pattern.compile(
            "ne (?:sont|soient|est) pas conserv\\p{L}*+(?!\\s+(?:plus|au-del[àa]))|aucune conservation");

    /**
     * Event phrases per trigger, in the enum's (fixed) order; ties at the same position go to the first.
     * Phrasings from docs/retention-trigger-survey.md, plus those the 171 items need:
     * "fin de l'action" of a social worker (fiche 56) is the end of the support, not a public-health action;
     * "le temps de son affiliation" (fiche 33) ends with the rights; "ensuite" (fiche 55 "ensuite désidentifiées
     * puis 3 ans après") chains on the previous period.
     */
    private static final Map<RetentionTrigger, Pattern> TRIGGER_PHRASES = triggerPhrases();

    /** "à l'exception des … classés sans suite" (fiche 22) excludes those files: it names no starting event. */
    private static final Pattern EXCLUSION = Pattern.compile(
            "[àa] l'exception des? [^.;]*?class[ée]s sans suite");

    /** "… ou jusqu'à (l'intervention d')une décision définitive (en cas de contentieux)" anywhere in the item. */
    private static final Pattern UNTIL_FINAL_DECISION = Pattern.compile(
            "jusqu'(?:[àa]|au)\\s+(?:l'intervention\\s+d(?:'une|e la)\\s+|la\\s+|une\\s+)?d[ée]cision d[ée]finitive");

    /**
     * The item defers to another rule (DUA, Code du Patrimoine, "même durée que", periods "définis pour chacune"
     * of the experiments) or only allows an early deletion on request: it states no duration of its own, even when it
     * mentions one ("avant l'expiration du délai des 10 ans", fiche 32). References to decrees need no pattern: the
     * items citing one state no duration.
     */
    private static final Pattern DEFERS_ELSEWHERE = Pattern.compile(String.join("|",
            "m[êe]me dur[ée]e que", "peut demander la suppression", "d[ée]finis pour chacune",
            "selon les dua", "justification de la dua", "code du patrimoine"));

    /** The text itself says the length or the start is not fixed: a duration found there is only PARTIAL. */
    private static final Pattern VAGUE = Pattern.compile(
            "dur[ée]e moyenne|en fonction d(?:u|e|es|')" + E + "|apr[èe]s un [ée]v[èée]nement");

    /**
     * A period followed by a start the vocabulary does not know ("5 ans après la clôture du dossier"): the start is
     * named, so it is not an implicit collection date — the rule is PARTIAL, for a person to structure.
     */
    private static final Pattern UNKNOWN_EVENT_AFTER = Pattern.compile(
            "^\\s*(?:\\([^)]*\\)\\s*)?(?:apr[èe]s|[àa] compter d|[àa] partir d|suivant" + E + "|suite [àa]" + E + ")");

    /**
     * "Jusqu'à" an event that only extends another rule ("la conservation est prorogée jusqu'à cette date", "En
     * outre, lorsqu'il existe un recours …, jusqu'à la décision définitive"): a minimum, not a deletion date of its
     * own — PARTIAL, never executed alone.
     */
    private static final Pattern MINIMUM_ONLY = Pattern.compile("prorog|en outre|lorsqu'il existe|en cas de recours");

    /** After the main period the same data are archived. */
    private static final Pattern ARCHIVING = Pattern.compile("archiv");
    /** Kept "en archive courante"/"en base courante" during the main period: archiving follows it. */
    private static final Pattern CURRENT_STORAGE = Pattern.compile("en (?:archive|base) courante");
    /** A lifetime extended by a further period: "toute la durée de l'accompagnement puis 3 ans …". */
    private static final Pattern EXTENSION = Pattern.compile(B + "(?:puis|augment[ée]e?s?)" + E);
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");

    /** Sentence ends: ";" and "." before a capital or the end ("R. 1112-7" and "etc.)" are no ends). */
    private static final Pattern SENTENCE_END = Pattern.compile(";|(?<![\\s(]\\p{Lu})\\.(?=\\s+\\p{Lu}|\\s*$)");

    private static final Pattern SECTION_LABEL =
            Pattern.compile("^dur[ée]e de conservation\\s*:\\s*", CASE_INSENSITIVE);
    private static final Pattern LEADING_LABEL = Pattern.compile("^([^:]+?)\\s*:\\s");
    private static final int MAX_LABEL_WORDS = 12;
    /** A label holds no number ("R. 1112-7", "3 ans"); digits inside a word are fine ("C2P"). */
    private static final Pattern NUMBER_IN_LABEL = Pattern.compile("(?<!\\p{L})\\d");
    private static final Pattern LEADING_POUR = Pattern.compile("^(Pour\\s[^,:.]+?)\\s*,", CASE_INSENSITIVE);
    private static final Pattern KEPT_VERB = Pattern.compile(
            "(?:" + B + "ne\\s+)?" + B + "(?:sont|est|peuvent\\s+[êe]tre|peut\\s+[êe]tre)(?:\\s+pas)?(?:\\s+ensuite)?"
                    + "\\s+(?:conserv|archiv|d[ée]truit|supprim)", CASE_INSENSITIVE);
    private static final Set<String> GENERIC_SUBJECTS =
            Set.of("les données", "elles", "elle", "ils", "il", "les informations", "ces données");

    /** Parses one item; {@code parentScope} is the text of the enclosing list entry, or {@code null}. */
    public RetentionRule parse(String itemText, String parentScope) {
        Objects.requireNonNull(itemText, "itemText");
        String normalized = normalize(itemText);
        String work = mask(lowerCase(normalized));
        String parent = parentScope == null ? "" : normalize(parentScope);
        List<Sentence> sentences = sentences(normalized);
        List<Hit> hits = hits(work);
        List<Candidate> candidates = candidates(work, sentences, hits);
        Candidate main = main(candidates);
        String scope = scope(normalized, parent, main == null ? sentences.get(0) : sentenceOf(sentences, main.start));

        if (DEFERS_ELSEWHERE.matcher(work).find()) {
            return new RetentionRule(itemText, null, null, null, false, scope, RuleStatus.UNSTRUCTURED);
        }
        if (main == null) {
            return withoutDuration(itemText, hits, parent, scope);
        }
        if (main.kind == Kind.NOT_KEPT) {
            return new RetentionRule(itemText, P0D, RetentionTrigger.COLLECTION, Fate.DESTRUCTION, false, scope,
                    RuleStatus.IMPLICIT_TRIGGER);
        }
        Sentence sentence = sentenceOf(sentences, main.start);
        RetentionTrigger trigger = trigger(main, candidates, sentence, hits, parent);
        String duration = main.duration;
        Candidate extension = extension(work, main, candidates, sentence);
        if (extension != null) {
            duration = extension.duration;
            RetentionTrigger own = explicitAfter(extension, candidates, sentence, hits);
            trigger = own != null ? own : trigger;
        }
        Fate fate = fate(work, main, sentences);
        boolean litigation = trigger != RetentionTrigger.FINAL_DECISION && UNTIL_FINAL_DECISION.matcher(work).find();
        if (trigger != null) {
            RuleStatus status = P0D.equals(duration) && MINIMUM_ONLY.matcher(work).find()
                    ? RuleStatus.PARTIAL : RuleStatus.STRUCTURED;
            return new RetentionRule(itemText, duration, trigger, fate, litigation, scope, status);
        }
        if (VAGUE.matcher(work).find() || UNKNOWN_EVENT_AFTER.matcher(work.substring(main.end)).find()) {
            return new RetentionRule(itemText, duration, null, fate, litigation, scope, RuleStatus.PARTIAL);
        }
        return new RetentionRule(itemText, duration, RetentionTrigger.COLLECTION, fate, litigation, scope,
                RuleStatus.IMPLICIT_TRIGGER);
    }

    /**
     * The first duration of the item; but when the item says some data are not kept and others are ("Aucune
     * conservation du matricule … Conservation des traces pour 6 mois"), the kept data's period is the rule: data
     * never stored need no deletion, and a deletion must never be ordered before the kept data's time.
     */
    private static Candidate main(List<Candidate> candidates) {
        return candidates.stream().filter(c -> c.kind != Kind.NOT_KEPT).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    /** No duration: an event alone (archiving with no length) is PARTIAL, nothing at all is UNSTRUCTURED. */
    private static RetentionRule withoutDuration(String itemText, List<Hit> hits, String parent, String scope) {
        RetentionTrigger trigger = firstExplicitElsePrevious(hits);
        if (trigger == null) {
            trigger = firstExplicitElsePrevious(hits(lowerCase(parent)));
        }
        RuleStatus status = trigger == null ? RuleStatus.UNSTRUCTURED : RuleStatus.PARTIAL;
        return new RetentionRule(itemText, null, trigger, null, false, scope, status);
    }

    // ---------------------------------------------------------------- candidates

    private enum Kind { PERIOD, UNTIL_EVENT, NOT_KEPT }

    /** A duration found in the text; {@code depth} is the parenthesis depth ("5 ans (2 ans actives puis …)"). */
    private record Candidate(Kind kind, int start, int end, String duration, boolean additional, int depth) {
    }

    private record Sentence(int start, int end) {
        boolean contains(int position) {
            return position >= start && position < end;
        }
    }

    private record Hit(RetentionTrigger trigger, int start) {
        boolean explicit() {
            return trigger != RetentionTrigger.PREVIOUS_PERIOD_END;
        }
    }

    private static List<Candidate> candidates(String work, List<Sentence> sentences, List<Hit> hits) {
        List<Candidate> found = new ArrayList<>();
        Matcher period = PERIOD.matcher(work);
        while (period.find()) {
            if (!NOT_A_LIMIT_BEFORE.matcher(work.substring(Math.max(0, period.start() - 30), period.start())).find()) {
                found.add(new Candidate(Kind.PERIOD, period.start(), period.end(),
                        iso(period.group(1), period.group(2)), period.group(3) != null, depth(work, period.start())));
            }
        }
        Matcher until = UNTIL_EVENT.matcher(work);
        while (until.find()) {
            Sentence sentence = sentenceOf(sentences, until.start());
            boolean eventNamed = hits.stream().anyMatch(h -> h.explicit() && sentence.contains(h.start()));
            if (eventNamed) {
                found.add(new Candidate(Kind.UNTIL_EVENT, until.start(), until.end(), P0D, false,
                        depth(work, until.start())));
            }
        }
        Matcher notKept = NOT_KEPT.matcher(work);
        while (notKept.find()) {
            found.add(new Candidate(Kind.NOT_KEPT, notKept.start(), notKept.end(), P0D, false,
                    depth(work, notKept.start())));
        }
        found.sort(Comparator.comparingInt(Candidate::start));
        return found;
    }

    /**
     * "Toute la durée de l'accompagnement puis 3 ans à partir de la sortie du programme", "toute la durée de la
     * campagne … augmentée d'un délai de gestion de 12 mois": the lifetime ends with the event and the extension is
     * the period that counts from it.
     */
    private static Candidate extension(String work, Candidate main, List<Candidate> candidates, Sentence sentence) {
        if (main.kind != Kind.UNTIL_EVENT) {
            return null;
        }
        Candidate next = next(main, candidates);
        if (next == null || next.kind != Kind.PERIOD || !sentence.contains(next.start)) {
            return null;
        }
        return EXTENSION.matcher(work.substring(main.end, next.start)).find() ? next : null;
    }

    // ---------------------------------------------------------------- trigger

    /**
     * Nearest explicit event after the duration within its clause, else the nearest one before it in its sentence
     * (back to the previous duration), else "N supplémentaires"/archiving/"au-delà de ce délai" before it, else an
     * event of the parent scope ("Au-delà de ce délai :").
     */
    private static RetentionTrigger trigger(Candidate main, List<Candidate> candidates, Sentence sentence,
            List<Hit> hits, String parent) {
        RetentionTrigger after = explicitAfter(main, candidates, sentence, hits);
        if (after != null) {
            return after;
        }
        Candidate previous = previous(main, candidates);
        int from = Math.max(sentence.start, previous == null ? 0 : previous.end);
        Hit before = null;
        for (Hit hit : hits) {
            if (hit.explicit() && hit.start >= from && hit.start < main.start) {
                before = hit;
            }
        }
        if (before != null) {
            return before.trigger;
        }
        boolean archivingBefore = hits.stream()
                .anyMatch(h -> !h.explicit() && h.start >= from && h.start < main.start);
        if (main.additional || archivingBefore) {
            return RetentionTrigger.PREVIOUS_PERIOD_END;
        }
        return firstExplicitElsePrevious(hits(lowerCase(parent)));
    }

    private static RetentionTrigger explicitAfter(Candidate candidate, List<Candidate> candidates, Sentence sentence,
            List<Hit> hits) {
        Candidate next = next(candidate, candidates);
        int to = Math.min(sentence.end, next == null ? Integer.MAX_VALUE : next.start);
        return hits.stream()
                .filter(h -> h.explicit() && h.start >= candidate.start && h.start < to)
                .findFirst().map(Hit::trigger).orElse(null);
    }

    private static RetentionTrigger firstExplicitElsePrevious(List<Hit> hits) {
        return hits.stream().filter(Hit::explicit).findFirst()
                .or(() -> hits.stream().findFirst())
                .map(Hit::trigger).orElse(null);
    }

    /** Next/previous candidate at the same parenthesis depth: "(2 ans actives puis 3 ans en archives)" is a detail. */
    private static Candidate next(Candidate candidate, List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> c.start > candidate.start && c.depth == candidate.depth)
                .findFirst().orElse(null);
    }

    private static Candidate previous(Candidate candidate, List<Candidate> candidates) {
        Candidate previous = null;
        for (Candidate c : candidates) {
            if (c.start < candidate.start && c.depth == candidate.depth) {
                previous = c;
            }
        }
        return previous;
    }

    /** All event phrases of a text, in reading order. */
    private static List<Hit> hits(String text) {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<RetentionTrigger, Pattern> phrase : TRIGGER_PHRASES.entrySet()) {
            Matcher m = phrase.getValue().matcher(text);
            while (m.find()) {
                hits.add(new Hit(phrase.getKey(), m.start()));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start)); // stable: ties keep the map order
        return hits;
    }

    // ---------------------------------------------------------------- fate

    /**
     * ARCHIVE when the same data are archived after the main period: kept "en archive/base courante" meanwhile, or
     * archiving named after the duration in its sentence or in the next one ("Au-delà de ce délai, elles sont
     * archivées…"). A breakdown in parentheses ("5 ans (2 ans actives puis 3 ans en archives)") is inside the main
     * period, and archiving two sentences later concerns other data (fiches 15–17). When the main period is itself
     * the archiving period ("archivées pendant 10 ans"), DESTRUCTION follows it.
     */
    private static Fate fate(String work, Candidate main, List<Sentence> sentences) {
        int index = sentences.indexOf(sentenceOf(sentences, main.start));
        Sentence sentence = sentences.get(index);
        if (CURRENT_STORAGE.matcher(work.substring(sentence.start, sentence.end)).find()) {
            return Fate.ARCHIVE;
        }
        int tailEnd = index + 1 < sentences.size() ? sentences.get(index + 1).end : sentence.end;
        String tail = PARENTHESISED.matcher(work.substring(main.end, tailEnd)).replaceAll(" ");
        return ARCHIVING.matcher(tail).find() ? Fate.ARCHIVE : Fate.DESTRUCTION;
    }

    // ---------------------------------------------------------------- scope

    /**
     * The parent list entry when there is one; else a short leading label without numbers ("Cookies : 60 jours",
     * "Données relatives au C2P : 3 ans…", after dropping
     * "Durée de conservation :"); else a leading "Pour …," phrase; else the subject of "sont conservées" when it says
     * more than "Les données". Labels may have up to {@value #MAX_LABEL_WORDS} words: fiche 27's "Données relatives
     * à la prévention de la désinsertion professionnelle" (9 words) is the only thing telling its items apart.
     */
    private static String scope(String text, String parent, Sentence mainSentence) {
        if (!parent.isBlank()) {
            return clean(parent);
        }
        String body = SECTION_LABEL.matcher(text).replaceFirst("");
        Matcher label = LEADING_LABEL.matcher(body);
        if (label.find() && isShortLabel(label.group(1))) {
            return clean(label.group(1));
        }
        Matcher pour = LEADING_POUR.matcher(body);
        if (pour.find()) {
            return clean(pour.group(1));
        }
        return subject(text.substring(mainSentence.start, mainSentence.end));
    }

    private static boolean isShortLabel(String label) {
        return !label.isBlank() && !NUMBER_IN_LABEL.matcher(label).find() && label.indexOf('.') < 0
                && label.trim().split("\\s+").length <= MAX_LABEL_WORDS;
    }

    private static String subject(String sentence) {
        Matcher verb = KEPT_VERB.matcher(sentence);
        if (!verb.find()) {
            return null;
        }
        String[] parts = sentence.substring(0, verb.start()).split(",");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = clean(parts[i]);
            if (!part.isEmpty()) {
                return GENERIC_SUBJECTS.contains(part.toLowerCase(Locale.ROOT)) ? null : part;
            }
        }
        return null;
    }

    private static String clean(String scope) {
        return scope.strip().replaceAll("[\\s:]+$", "").strip();
    }

    // ---------------------------------------------------------------- text helpers

    private static String normalize(String text) {
        return text.replace('\u2019', '\'').replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Character by character, so that positions in the lower-cased copy are those of the item. */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** Blanks out excluded passages (same length, so positions stay valid). */
    private static String mask(String text) {
        Matcher m = EXCLUSION.matcher(text);
        StringBuilder masked = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                masked.setCharAt(i, ' ');
            }
        }
        return masked.toString();
    }

    private static List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            sentences.add(new Sentence(start, end.end()));
            start = end.end();
        }
        if (start < text.length() || sentences.isEmpty()) {
            sentences.add(new Sentence(start, text.length()));
        }
        return sentences;
    }

    private static Sentence sentenceOf(List<Sentence> sentences, int position) {
        for (Sentence s : sentences) {
            if (s.contains(position)) {
                return s;
            }
        }
        return sentences.get(sentences.size() - 1);
    }

    private static int depth(String text, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static String iso(String number, String unit) {
        String n = number.toLowerCase(Locale.ROOT);
        int value = Character.isDigit(n.charAt(0)) ? Integer.parseInt(n) : NUMBER_WORDS.get(n);
        String u = unit.toLowerCase(Locale.ROOT);
        char designator = u.startsWith("an") ? 'Y' : u.startsWith("mois") ? 'M' : u.startsWith("semaine") ? 'W' : 'D';
        return "P" + value + designator;
    }

    // ---------------------------------------------------------------- vocabularies

    private static Map<String, Integer> numberWords() {
        Map<String, Integer> words = new LinkedHashMap<>();
        String[] names = {"un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
            "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf", "vingt", "trente",
            "quarante", "cinquante", "soixante"};
        int[] values = {1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60};
        for (int i = 0; i < names.length; i++) {
            words.put(names[i], values[i]);
        }
        // compounds: "vingt-cinq ans", "trente-six mois", "vingt et un ans" (never read as "cinq ans", "six mois")
        String[] tens = {"vingt", "trente", "quarante", "cinquante", "soixante"};
        int[] tenValues = {20, 30, 40, 50, 60};
        for (int t = 0; t < tens.length; t++) {
            words.put(tens[t] + " et un", tenValues[t] + 1);
            words.put(tens[t] + "-et-un", tenValues[t] + 1);
            for (int u = 2; u <= 9; u++) {
                words.put(tens[t] + "-" + names[u], tenValues[t] + u);
            }
        }
        return Collections.unmodifiableMap(words);
    }

    private static Map<RetentionTrigger, Pattern> triggerPhrases() {
        Map<RetentionTrigger, String> p = new EnumMap<>(RetentionTrigger.class);
        p.put(RetentionTrigger.RIGHTS_END, "fin de validit[ée] des droits|fermeture des droits"
                + "|fin des droits d(?:u|es) b[ée]n[ée]ficiaires?|le temps de (?:son|sa|leur) affiliation");
        p.put(RetentionTrigger.FINAL_DECISION, "d[ée]cision d[ée]finitive");
        p.put(RetentionTrigger.DEATH, "apr[èe]s (?:le|son|leur) d[ée]c[èe]s|date du d[ée]c[èe]s|en cas de d[ée]c[èe]s");
        p.put(RetentionTrigger.PAYMENT, "date de versement|date (?:du|de) paiement");
        p.put(RetentionTrigger.EMPLOYEE_DEPARTURE,
                "d[ée]part de l'(?:organisme|agent)|cess[ée] de faire partie du personnel");
        p.put(RetentionTrigger.PREVIOUS_PERIOD_END,
                "au-del[àa] (?:de (?:ce|leur|son)|des) d[ée]lais?|archiv(?:age|[ée]e?s?)" + E + "|" + B + "ensuite" + E);
        p.put(RetentionTrigger.LAST_SURVIVOR_RIGHTS_END, "extinction des droits du dernier survivant");
        p.put(RetentionTrigger.COLLECTION, "apr[èe]s (?:leur|la) collecte|[àa] compter de la collecte");
        p.put(RetentionTrigger.SUPPORT_END, "(?:fin|cl[ôo]ture) de l'accompagnement|sortie du programme"
                + "|dur[ée]e de l'accompagnement|fin de l'action(?! de sant[ée])");
        p.put(RetentionTrigger.PRACTICE_END,
                "exercice (?:du )?professionnel|dur[ée]e d'exercice|inactivit[ée] d'un professionnel");
        p.put(RetentionTrigger.ACCOUNT_CLOSURE,
                "cl[ôo]ture du dmp|dur[ée]e du dmp|date de la cl[ôo]ture|d[ée]tention du compte");
        p.put(RetentionTrigger.LAST_STAY, "dernier s[ée]jour|derni[èe]re consultation externe");
        p.put(RetentionTrigger.PROCEEDINGS_END,
                "fin des actions (?:gracieuses|contentieuses)|d[ée]lais de proc[ée]dures? contentieuses");
        p.put(RetentionTrigger.LAST_ACTIVITY, "dernier [ée]v[èée]nement|derni[èe]re op[ée]ration");
        p.put(RetentionTrigger.LAST_CONTACT, "dernier contact|derni[èe]re proposition d'adh[ée]sion");
        p.put(RetentionTrigger.ACTION_END, "dur[ée]e de la campagne|dur[ée]e de l'action");
        p.put(RetentionTrigger.TWENTY_EIGHTH_BIRTHDAY, "vingt-huiti[èe]me anniversaire|28(?:e|[èe]me) anniversaire");
        p.put(RetentionTrigger.HEALTH_EMERGENCY_END, "fin de l'(?:[ée]tat d')?urgence sanitaire");
        p.put(RetentionTrigger.CONTRACT_END, "fin de l'ex[ée]cution du contrat|expiration du contrat");
        p.put(RetentionTrigger.RELATIONSHIP_END, "fin de la relation|fin de l'intervention de la personne");
        p.put(RetentionTrigger.DISMISSAL_DECISION, "class[ée]s sans suite|non-lieu|relaxe");
        p.put(RetentionTrigger.CARD_ISSUANCE, "apr[èe]s [ée]mission");
        p.put(RetentionTrigger.DISPATCH, "apr[èe]s leurs? envois?");
        p.put(RetentionTrigger.PENSION_LIQUIDATION, "liquidation de la pension");
        p.put(RetentionTrigger.DEBT_EXTINCTION, "extinction de la dette|dette est [ée]teinte|n'est pas sold[ée]");
        p.put(RetentionTrigger.OBLIGATION_END, "fin de (?:cette|l') ?obligation");
        p.put(RetentionTrigger.NEXT_TARGETING, "ciblage suivant");
        p.put(RetentionTrigger.RESULTS_PROCLAMATION, "proclamation des r[ée]sultats");
        p.put(RetentionTrigger.STUDY_END, "fin de l'[ée]tude");
        Map<RetentionTrigger, Pattern> compiled = new EnumMap<>(RetentionTrigger.class);
        p.forEach((trigger, regex) -> compiled.put(trigger, Pattern.compile(regex)));
        if (compiled.size() != RetentionTrigger.values().length) {
            throw new IllegalStateException("a trigger has no phrasing");
        }
        return Collections.unmodifiableMap(compiled);
    }
}
