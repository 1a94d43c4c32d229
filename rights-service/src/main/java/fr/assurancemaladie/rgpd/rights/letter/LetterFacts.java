package fr.assurancemaladie.rgpd.rights.letter;

import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a letter about a request may say: the request as the person knows it, and what the step decided. */
public final class LetterFacts {

    private LetterFacts() {
    }

    /** One fiche of the request: whether the right applies there, and the register's reason. */
    public record FicheLine(int number, String title, boolean applies, String reason) {
    }

    /** The request. {@code email}: where letters go (none: they are posted). */
    public record AboutRequest(UUID id, RightType type, String scope, LocalDate receivedOn, LocalDate dueOn,
            String caisseCode, String email, List<FicheLine> fiches) {
    }

    /** What the register says of one processing, for the art. 15(1) part of an access answer. */
    public record FicheSummary(int number, String title, String purposes, String legalBases, String data,
            String recipients, String retention) {
    }

    public record AccessPart(List<FicheSummary> fiches, String source, String automated, String rights) {
    }

    /**
     * What the step decided: its reason (identity needed, extension, refusal, lift notice), the answer, the refusal's
     * ground, the due date before an extension, the recipients informed (art. 19), the access summary.
     */
    public record Decision(String reason, String answer, String ground, LocalDate firstDueOn, List<String> recipients,
            AccessPart summary) {

        public static Decision none() {
            return new Decision(null, null, null, null, List.of(), null);
        }
    }
}
