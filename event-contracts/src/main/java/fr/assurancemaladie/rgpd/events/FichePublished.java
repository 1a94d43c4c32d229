package fr.assurancemaladie.rgpd.events;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import java.time.Instant;
import java.util.List;

/**
 * Data of a {@code register.fiche.published} CloudEvent on {@code register.fiches} (key = the fiche number): the
 * published version of a fiche of the register of processing activities, whole. A later version replaces it;
 * {@code register.fiche.withdrawn} (no data) withdraws the fiche. The same JSON is what
 * {@code GET /api/v1/fiches/{number}} answers for a published fiche.
 *
 * <p>Readers are tolerant: an unknown field is ignored, and so is an unknown value of an enum of a retention
 * rule (the rule is then not executable), so a newer register never stops an older consumer.
 *
 * @param number                   fiche number, 1…9999 (1…87 in the official register); equals the record key
 * @param domainCode               two-digit domain code ("01")
 * @param domain                   domain name ("GESTION DES DROITS")
 * @param title                    title, or null when the register has none
 * @param purposeDetails           further purpose lines printed under the title (rare)
 * @param subPurposes              "Sous-finalités"
 * @param legalBases               "Fondements juridiques", each with its GDPR reference
 * @param gdprArticles             distinct normalised GDPR references of the legal bases, sorted
 * @param dataSubjectCategories    "Catégories de personnes concernées"
 * @param dataTypes                "Type de données"
 * @param recipients               "Destinataires des données" (told of rectifications, erasures, limitations: art. 19)
 * @param accessors                "Personnes accédant aux données"
 * @param retentionRules           one structured rule per item of "Durée de conservation", in the register's order
 * @param rightsText               "Droits des personnes concernées", as written
 * @param rights                   the six rights: stated by the fiche, applicable, and why
 * @param objectionExclusionReason "Justification absence du droit d'opposition", or null
 * @param securityMeasures         "Sécurité des données"
 * @param controllerNotes          "Responsable de traitement" (joint controllers), when the fiche has it
 * @param version                  version number, from 1; a consumer keeps the highest it has seen
 * @param status                   {@code PUBLISHED}
 * @param updatedAt                when this version was written
 * @param updatedBy                who wrote it (user name, or "import")
 */
public record FichePublished(int number, String domainCode, String domain, String title, List<String> purposeDetails,
        List<String> subPurposes, List<LegalBasis> legalBases, List<String> gdprArticles,
        List<String> dataSubjectCategories, List<String> dataTypes, List<String> recipients, List<String> accessors,
        List<RetentionRule> retentionRules, List<String> rightsText, Rights rights, String objectionExclusionReason,
        List<String> securityMeasures, List<String> controllerNotes, Integer version, String status,
        Instant updatedAt, String updatedBy) {

    public static final String STATUS = "PUBLISHED";

    public FichePublished {
        purposeDetails = copy(purposeDetails);
        subPurposes = copy(subPurposes);
        legalBases = copy(legalBases);
        gdprArticles = copy(gdprArticles);
        dataSubjectCategories = copy(dataSubjectCategories);
        dataTypes = copy(dataTypes);
        recipients = copy(recipients);
        accessors = copy(accessors);
        retentionRules = retentionRules == null ? List.of()
                : retentionRules.stream().filter(java.util.Objects::nonNull).toList();
        rightsText = copy(rightsText);
        securityMeasures = copy(securityMeasures);
        controllerNotes = copy(controllerNotes);
    }

    /** Null items (a {@code null} in a JSON array) are dropped: a list of the contract never holds null. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
