package fr.assurancemaladie.rgpd.events.fiche;

/** How far a register retention item could be turned into a computable rule. */
public enum RuleStatus {
    /** Explicit duration (including {@code P0D} "until the event") and explicit starting event. */
    STRUCTURED,
    /** Explicit duration, no event named: the period runs from collection/recording ({@code COLLECTION} implied). */
    IMPLICIT_TRIGGER,
    /**
     * Half a rule: a duration whose start or length the text leaves vague ("durée moyenne", "en fonction du
     * programme", "après un évènement (clôture, décès, etc.)"), or an event without a duration (archiving with no
     * length).
     */
    PARTIAL,
    /** No duration can be stated ("durée nécessaire", DUA, decrees, "même durée que", …). */
    UNSTRUCTURED
}
