package fr.assurancemaladie.rgpd.events.fiche;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;

/**
 * One retention item of the register ("Durée de conservation" cell, one {@code <li>}) as a rule.
 *
 * @param text      the item text, unchanged
 * @param duration  ISO-8601 period of the main clause ({@code P3Y}, {@code P13M}, {@code P3W}, {@code P7D});
 *                  {@code P0D} when the data are kept until the event itself or not kept at all; {@code null} when
 *                  no duration can be stated
 * @param trigger   the event the main duration runs from, or {@code null}
 * @param fate      what happens after the main period ({@code null} when there is no duration)
 * @param untilFinalDecisionIfLitigation the item also keeps the data until a final decision in case of litigation,
 *                  while its main trigger is another event
 * @param scope     the population or data the rule is limited to, or {@code null}
 * @param status    how complete the rule is
 */
public record RetentionRule(String text, String duration, RetentionTrigger trigger, Fate fate,
        boolean untilFinalDecisionIfLitigation, String scope, RuleStatus status) {

    /** A DPO must look at every rule that is not fully structured. */
    public boolean needsReview() {
        return status != RuleStatus.STRUCTURED;
    }
}
