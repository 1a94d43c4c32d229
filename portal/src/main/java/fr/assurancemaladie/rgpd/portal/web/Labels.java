package fr.assurancemaladie.rgpd.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** The rights services' codes in French words, for the pages (presentation only). */
@TemplateExtension
public final class Labels {

    private Labels() {
    }

    /** ACCESS → « Accès à vos données »… */
    public static String typeFr(String type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case "ACCESS" -> "Accès aux données";
            case "RECTIFICATION" -> "Rectification";
            case "LIMITATION" -> "Limitation du traitement";
            case "OBJECTION" -> "Opposition";
            case "ERASURE" -> "Effacement";
            case "PORTABILITY" -> "Portabilité";
            default -> type;
        };
    }

    /** « le droit d'accès », « le droit d'opposition »… */
    public static String rightPhraseFr(String type) {
        if (type == null) {
            return "";
        }
        return switch (type) {
            case "ACCESS" -> "le droit d'accès";
            case "RECTIFICATION" -> "le droit de rectification";
            case "LIMITATION" -> "le droit à la limitation";
            case "OBJECTION" -> "le droit d'opposition";
            case "ERASURE" -> "le droit à l'effacement";
            case "PORTABILITY" -> "le droit à la portabilité";
            default -> type;
        };
    }

    /** « Demande d'accès », « Demande de rectification »… */
    public static String requestFr(String type) {
        if (type == null) {
            return "Demande";
        }
        return switch (type) {
            case "ACCESS" -> "Demande d'accès";
            case "RECTIFICATION" -> "Demande de rectification";
            case "LIMITATION" -> "Demande de limitation";
            case "OBJECTION" -> "Demande d'opposition";
            case "ERASURE" -> "Demande d'effacement";
            case "PORTABILITY" -> "Demande de portabilité";
            default -> "Demande";
        };
    }

    /** The API field of the register's rights for a request type: ACCESS → access. */
    public static String rightField(String type) {
        return type == null ? "" : switch (type) {
            case "ACCESS" -> "access";
            case "RECTIFICATION" -> "rectification";
            case "LIMITATION" -> "limitation";
            case "OBJECTION" -> "objection";
            case "ERASURE" -> "erasure";
            case "PORTABILITY" -> "portability";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    public static String statusFr(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "RECEIVED" -> "Reçue";
            case "IN_PROGRESS" -> "En cours de traitement";
            case "AWAITING_IDENTITY" -> "En attente d'informations d'identité";
            case "EXTENDED" -> "En cours, délai prolongé";
            case "ANSWERED" -> "Répondue";
            case "ANSWERED_NOT_APPLICABLE" -> "Répondue : droit non applicable";
            case "REFUSED" -> "Refusée";
            case "CLOSED" -> "Close";
            default -> status;
        };
    }

    /** The design system's tag colour for a status. */
    public static String statusTag(String status) {
        if (status == null) {
            return "govuk-tag--grey";
        }
        return switch (status) {
            case "RECEIVED" -> "govuk-tag--blue";
            case "IN_PROGRESS", "EXTENDED" -> "govuk-tag--light-blue";
            case "AWAITING_IDENTITY" -> "govuk-tag--yellow";
            case "ANSWERED", "ANSWERED_NOT_APPLICABLE" -> "govuk-tag--green";
            case "REFUSED" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }

    public static String scopeFr(String scope) {
        if (scope == null) {
            return "";
        }
        return switch (scope) {
            case "FICHE" -> "Un traitement";
            case "DOMAIN" -> "Un domaine du registre";
            case "ALL" -> "Tous les traitements";
            default -> scope;
        };
    }

    public static String channelFr(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "ONLINE" -> "en ligne";
            case "POSTAL" -> "par courrier";
            case "EMAIL" -> "par courriel";
            case "COUNTER" -> "au guichet";
            default -> channel.toLowerCase(Locale.ROOT);
        };
    }

    public static String groundFr(String ground) {
        if (ground == null) {
            return "";
        }
        return switch (ground) {
            case "MANIFESTLY_UNFOUNDED" -> "Demande manifestement infondée (article 12, paragraphe 5 du RGPD)";
            case "EXCESSIVE" -> "Demande excessive, notamment répétitive (article 12, paragraphe 5 du RGPD)";
            case "IDENTITY_NOT_ESTABLISHED" -> "Identité non établie (article 12, paragraphe 6 du RGPD)";
            case "OTHER" -> "Autre motif";
            default -> ground;
        };
    }

    /** What a line of the audit trail records, in words. */
    public static String auditFr(String action) {
        if (action == null) {
            return "";
        }
        return switch (action) {
            case "SUBMIT" -> "Demande envoyée en ligne";
            case "REGISTER" -> "Demande enregistrée par la caisse";
            case "ANSWER_NOT_APPLICABLE" -> "Réponse : droit non applicable";
            case "READ" -> "Consultation";
            case "ACCESS_SUMMARY" -> "Consultation du récapitulatif d'accès";
            case "ASSIGN" -> "Affectation";
            case "START" -> "Prise en charge";
            case "REQUEST_IDENTITY" -> "Demande d'informations d'identité";
            case "IDENTITY_RECEIVED" -> "Informations d'identité reçues";
            case "EXTEND" -> "Prolongation du délai";
            case "ANSWER" -> "Réponse";
            case "REFUSE" -> "Refus";
            case "CLOSE" -> "Clôture";
            case "NOTIFY_LIFT" -> "Information avant levée de la limitation";
            case "LIFT" -> "Levée de la limitation";
            case "REVIEW_FLAGS" -> "Examen d'un signalement (doublon, répétition)";
            default -> action;
        };
    }

    /** Who acted, by role. */
    public static String roleFr(String role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case "dpo" -> "DPO";
            case "citizen" -> "personne concernée";
            case "admin" -> "administrateur";
            case "system" -> "automatique";
            default -> role;
        };
    }
}
