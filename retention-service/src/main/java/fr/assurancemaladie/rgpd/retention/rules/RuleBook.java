package fr.assurancemaladie.rgpd.retention.rules;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.retention.schedule.law.RetentionLaw;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The executable retention rules of the published register, by trigger: what a lifecycle event schedules.
 * An event naming its fiches applies to those fiches only; an event naming none applies to every published fiche with
 * a rule on its trigger. Rules that are not executable (PARTIAL, UNSTRUCTURED, no duration) are never here.
 */
public final class RuleBook {

    /** One retention item of one fiche: its position in the fiche's list identifies it across versions. */
    public record RuleRef(int ficheNumber, int ficheVersion, int index, String text, RetentionLaw.Rule rule) {
    }

    public static final RuleBook EMPTY = new RuleBook(0, List.of());

    private final long revision;
    private final Map<RetentionTrigger, List<RuleRef>> byTrigger = new HashMap<>();

    public RuleBook(long revision, Collection<RuleRef> rules) {
        this.revision = revision;
        for (RuleRef r : rules) {
            if (r.rule().executable()) {
                byTrigger.computeIfAbsent(r.rule().trigger(), t -> new ArrayList<>()).add(r);
            }
        }
        byTrigger.values().forEach(list -> list.sort(
                Comparator.comparingInt(RuleRef::ficheNumber).thenComparingInt(RuleRef::index)));
    }

    public long revision() {
        return revision;
    }

    /** The rules an event on {@code trigger} gives schedules for; {@code ficheNumbers} null or empty = every fiche. */
    public List<RuleRef> matching(RetentionTrigger trigger, Collection<Integer> ficheNumbers) {
        List<RuleRef> rules = byTrigger.getOrDefault(trigger, List.of());
        if (ficheNumbers == null || ficheNumbers.isEmpty()) {
            return rules;
        }
        return rules.stream().filter(r -> ficheNumbers.contains(r.ficheNumber())).toList();
    }

    public int size() {
        return byTrigger.values().stream().mapToInt(List::size).sum();
    }
}
