package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import java.time.Instant;
import java.util.List;

/**
 * A fiche of the register, as {@code GET /api/v1/fiches/{number}} returns it, drafts and old versions included. A
 * published version goes on {@code register.fiches} as its contract, {@link FichePublished} (the same fields, the same
 * JSON: {@link #published()}).
 *
 * @param number                   fiche number, 1…87 in the official register
 * @param domainCode               two-digit domain code ("01")
 * @param domain                   domain name ("GESTION DES DROITS")
 * @param title                    title, or null when the document has none
 * @param purposeDetails           further purpose lines printed under the title (rare)
 * @param subPurposes              "Sous-finalités"
 * @param legalBases               "Fondements juridiques", each with its GDPR reference
 * @param gdprArticles             distinct normalised GDPR references of the legal bases, sorted
 * @param dataSubjectCategories    "Catégories de personnes concernées"
 * @param dataTypes                "Type de données"
 * @param recipients               "Destinataires des données"
 * @param accessors                "Personnes accédant aux données"
 * @param retentionRules           one structured rule per item of "Durée de conservation"
 * @param rightsText               "Droits des personnes concernées", as written
 * @param rights                   the six rights: stated by the fiche, applicable, and why
 * @param objectionExclusionReason "Justification absence du droit d'opposition", items joined by " ; ", or null
 * @param securityMeasures         "Sécurité des données"
 * @param controllerNotes          "Responsable de traitement" (joint controllers), when the fiche has it
 * @param version                  version number, from 1
 * @param status                   DRAFT or PUBLISHED (SUPERSEDED for old versions in the history)
 * @param updatedAt                when this version was written
 * @param updatedBy                who wrote it (user name, or "import")
 */
public record Fiche(int number, String domainCode, String domain, String title, List<String> purposeDetails,
        List<String> subPurposes, List<LegalBasis> legalBases, List<String> gdprArticles,
        List<String> dataSubjectCategories, List<String> dataTypes, List<String> recipients, List<String> accessors,
        List<RetentionRule> retentionRules, List<String> rightsText, Rights rights, String objectionExclusionReason,
        List<String> securityMeasures, List<String> controllerNotes, Integer version, String status,
        Instant updatedAt, String updatedBy) {

    public Fiche {
        purposeDetails = copy(purposeDetails);
        subPurposes = copy(subPurposes);
        legalBases = copy(legalBases);
        gdprArticles = copy(gdprArticles);
        dataSubjectCategories = copy(dataSubjectCategories);
        dataTypes = copy(dataTypes);
        recipients = copy(recipients);
        accessors = copy(accessors);
        retentionRules = copy(retentionRules);
        rightsText = copy(rightsText);
        securityMeasures = copy(securityMeasures);
        controllerNotes = copy(controllerNotes);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The same content with other version metadata. */
    public Fiche withMetadata(Integer version, String status, Instant updatedAt, String updatedBy) {
        return new Fiche(number, domainCode, domain, title, purposeDetails, subPurposes, legalBases, gdprArticles,
                dataSubjectCategories, dataTypes, recipients, accessors, retentionRules, rightsText, rights,
                objectionExclusionReason, securityMeasures, controllerNotes, version, status, updatedAt, updatedBy);
    }

    /** The fiche as {@code register.fiches} carries it ({@code register.fiche.published}). */
    public FichePublished published() {
        return new FichePublished(number, domainCode, domain, title, purposeDetails, subPurposes, legalBases,
                gdprArticles, dataSubjectCategories, dataTypes, recipients, accessors, retentionRules, rightsText,
                rights, objectionExclusionReason, securityMeasures, controllerNotes, version, status, updatedAt,
                updatedBy);
    }

    /** The content alone (metadata cleared): two versions with equal content are the same fiche. */
    public Fiche content() {
        return withMetadata(null, null, null, null);
    }
}
