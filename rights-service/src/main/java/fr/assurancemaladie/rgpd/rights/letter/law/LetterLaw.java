package fr.assurancemaladie.rgpd.rights.letter.law;

import fr.assurancemaladie.rgpd.rights.request.law.RequestWorkflow.Step;
import fr.assurancemaladie.rgpd.rights.request.law.RightType;
import java.time.LocalDate;
import java.util.List;

/**
 * What the person is told, and when (GDPR art. 12 to 19): the letters each event of a request gives rise to, and the
 * days a DPO's daily digest covers. Pure Java.
 * <ul>
 * <li>submission: an acknowledgement, or at once the not-applicable answer with the register's reasons (art. 12(4));</li>
 * <li>identity information asked: what is needed and why (art. 12(6));</li>
 * <li>extension: its notice, with reasons and the new due date, recorded with the extension itself, so never after
 * the first due date (art. 12(3));</li>
 * <li>answer: the answer; and when the right is one the recipients must be told of (rectification, erasure,
 * limitation), the statement of the recipients informed (art. 19);</li>
 * <li>refusal: the ground, the reason, the CNIL and court remedies (art. 12(4));</li>
 * <li>notice before a limitation is lifted (art. 18(3)).</li>
 * </ul>
 * The other steps (start, identity received, assignment, closing, lifting) change nothing the person must be told.
 */
public final class LetterLaw {

    /** The complaint route every answer names (art. 12(4), art. 77). */
    public static final String CNIL_ROUTE = "Si vous estimez, après avoir contacté le délégué à la protection des données, "
            + "que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la Commission nationale de "
            + "l'informatique et des libertés (CNIL) : www.cnil.fr/fr/plaintes, ou par courrier à la CNIL, 3 place de "
            + "Fontenoy, TSA 80715, 75334 Paris Cedex 07 (article 77 du RGPD).";

    /** The judicial remedy a refusal names (art. 12(4), art. 79). */
    public static final String COURT_ROUTE = "Vous pouvez également former un recours juridictionnel contre cette "
            + "décision devant la juridiction compétente (article 79 du RGPD).";

    /** The digest's horizon: requests due within this many days, and the late ones. */
    public static final int DIGEST_DAYS_AHEAD = 7;

    private LetterLaw() {
    }

    /** The letters of a submission. */
    public static List<LetterKind> onSubmission(boolean rightApplies) {
        return List.of(rightApplies ? LetterKind.ACKNOWLEDGEMENT : LetterKind.NOT_APPLICABLE);
    }

    /** The letters of a DPO's step, in the order they are written. */
    public static List<LetterKind> onStep(Step step, RightType right) {
        return switch (step) {
            case REQUEST_IDENTITY -> List.of(LetterKind.IDENTITY_REQUEST);
            case EXTEND -> List.of(LetterKind.EXTENSION_NOTICE);
            case ANSWER -> right.informsRecipients() ? List.of(LetterKind.ANSWER, LetterKind.RECIPIENTS_STATEMENT)
                    : List.of(LetterKind.ANSWER);
            case REFUSE -> List.of(LetterKind.REFUSAL);
            case NOTIFY_LIFT -> List.of(LetterKind.LIFT_NOTICE);
            case START, IDENTITY_RECEIVED, ASSIGN, CLOSE, LIFT, REVIEW_FLAGS -> List.of();
        };
    }

    /**
     * Whether an extension's notice recorded on {@code today} is in time: on or before the first due date. The
     * workflow refuses the extension otherwise; the notice is recorded in the extension's own transaction, so an
     * extension whose notice cannot be recorded does not happen.
     */
    public static boolean extensionNoticeInTime(LocalDate today, LocalDate firstDueOn) {
        return !today.isAfter(firstDueOn);
    }

    /** Whether an open request belongs in the digest of {@code today}: late, or due within {@link #DIGEST_DAYS_AHEAD} days. */
    public static boolean inDigest(LocalDate dueOn, LocalDate today) {
        return !dueOn.isAfter(today.plusDays(DIGEST_DAYS_AHEAD));
    }
}
