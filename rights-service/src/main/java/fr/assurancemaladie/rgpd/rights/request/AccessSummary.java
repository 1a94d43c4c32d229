package fr.assurancemaladie.rgpd.rights.request;

import fr.assurancemaladie.rgpd.events.FichePublished;
import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The part of an answer to an access request that the register can give (GDPR art. 15(1)(a)–(h)), fiche by fiche:
 * purposes, legal bases, categories of data, recipients, retention periods, the rights, the complaint route, the
 * source and automated decisions. The DPO adds the person's own data.
 */
public record AccessSummary(UUID requestId, Instant generatedAt, List<FicheSummary> fiches, String rights,
        String complaint, String source, String automatedDecisions) {

    /** What the register says about one processing. */
    public record FicheSummary(int ficheNumber, String title, List<String> purposes, List<String> legalBases,
            List<String> dataCategories, List<String> recipients, List<String> retention, Map<String, Boolean> rights) {
    }

    static final String SOURCE = "Les données proviennent de vous-même, de votre employeur, des professionnels et "
            + "établissements de santé ou d'autres organismes de protection sociale selon les traitements ; le registre "
            + "ne le précise pas fiche par fiche : le délégué à la protection des données l'indique dans sa réponse.";
    static final String AUTOMATED = "Le registre ne mentionne pas de décision fondée exclusivement sur un traitement "
            + "automatisé produisant des effets juridiques à votre égard (article 22 du RGPD).";
    static final String RIGHTS = "Vous pouvez demander la rectification ou l'effacement de vos données, la limitation du "
            + "traitement ou vous y opposer, lorsque ces droits s'appliquent (colonne « rights » de chaque traitement), "
            + "auprès du délégué à la protection des données de votre caisse.";

    /** Builds the summary from the published fiches (as carried on register.fiches). */
    static AccessSummary of(UUID requestId, List<FichePublished> fiches, String complaintRoute) {
        List<FicheSummary> out = new ArrayList<>();
        boolean automated = false;
        for (FichePublished f : fiches) {
            List<String> purposes = new ArrayList<>();
            if (f.title() != null) {
                purposes.add(f.title());
            }
            purposes.addAll(f.subPurposes());
            List<String> bases = f.legalBases().stream().map(LegalBasis::text).toList();
            List<String> retention = f.retentionRules().stream().map(RetentionRule::text).toList();
            Map<String, Boolean> rights = new LinkedHashMap<>();
            if (f.rights() != null) {
                for (Rights.Right right : Rights.Right.values()) {
                    RightDecision d = f.rights().get(right);
                    if (d != null) {
                        rights.put(right.field(), d.applies());
                    }
                }
            }
            out.add(new FicheSummary(f.number(), f.title(), purposes, bases, f.dataTypes(), f.recipients(), retention,
                    rights));
            automated |= mentionsAutomatedDecision(f);
        }
        return new AccessSummary(requestId, Instant.now(), out, RIGHTS, complaintRoute, SOURCE,
                automated ? "Un traitement concerné mentionne une décision automatisée : le délégué à la protection des "
                        + "données vous en explique la logique et les conséquences (article 15, paragraphe 1, h du RGPD)."
                        : AUTOMATED);
    }

    /** Anywhere in the fiche's text (its title, purposes, data, rights…). */
    private static boolean mentionsAutomatedDecision(FichePublished f) {
        return f.toString().toLowerCase(Locale.ROOT).contains("décision automatisée");
    }
}
