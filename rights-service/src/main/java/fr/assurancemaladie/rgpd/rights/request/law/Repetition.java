package fr.assurancemaladie.rgpd.rights.request.law;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Duplicates and repetition (GDPR art. 12(5)): what a DPO is told about a new request, never a decision — a request
 * is never refused automatically, the DPO decides (and the decision is in the audit trail).
 * <ul>
 * <li><b>Duplicate</b>: an earlier request of the same person, of the same right, at the same caisse, on at least one
 * of the same fiches, still open: the new one is linked to the earliest such request (received first; the same day,
 * recorded first).</li>
 * <li><b>Repetition</b>: the earlier requests of the same person, right and caisse on at least one of the same fiches,
 * received within the period before the new one (whatever their status); from {@code flagFrom} of them on, the new
 * request is flagged repetitive — "in particular because of their repetitive character".</li>
 * </ul>
 * Pure Java.
 */
public final class Repetition {

    /**
     * An earlier request of the same person, right and caisse: its fiches, whether it is open, when it was received
     * and when it was recorded (two requests received the same day are in the order they were recorded).
     */
    public record Earlier(UUID id, Set<Integer> fiches, boolean open, LocalDate receivedOn, Instant recordedAt) {
    }

    /** What the DPO is told: the open request this one duplicates, the similar requests within the period. */
    public record Flags(UUID duplicateOf, int earlierSimilar, boolean repetitive) {

        public static final Flags NONE = new Flags(null, 0, false);

        public boolean any() {
            return duplicateOf != null || repetitive;
        }
    }

    private Repetition() {
    }

    /**
     * @param fiches     the new request's fiches
     * @param receivedOn when it was received
     * @param earlier    the person's earlier requests of the same right at the same caisse
     * @param period     the period a repetition is looked for in (e.g. six months)
     * @param flagFrom   how many similar earlier requests within the period make the new one repetitive (≥ 1)
     */
    public static Flags assess(Set<Integer> fiches, LocalDate receivedOn, Collection<Earlier> earlier, Period period,
            int flagFrom) {
        if (flagFrom < 1) {
            throw new IllegalArgumentException("flagFrom must be at least 1");
        }
        List<Earlier> overlapping = earlier.stream().filter(e -> e.fiches().stream().anyMatch(fiches::contains)).toList();
        UUID duplicateOf = overlapping.stream().filter(Earlier::open)
                .min(Comparator.comparing(Earlier::receivedOn).thenComparing(Earlier::recordedAt)
                        .thenComparing(Earlier::id)).map(Earlier::id).orElse(null);
        LocalDate since = receivedOn.minus(period);
        int similar = (int) overlapping.stream()
                .filter(e -> e.receivedOn().isAfter(since) && !e.receivedOn().isAfter(receivedOn)).count();
        return new Flags(duplicateOf, similar, similar >= flagFrom);
    }
}
