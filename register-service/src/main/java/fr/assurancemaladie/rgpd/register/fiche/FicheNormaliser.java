package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RightDecision;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import fr.assurancemaladie.rgpd.events.fiche.Rights;
import fr.assurancemaladie.rgpd.register.retention.RetentionRuleParser;
import fr.assurancemaladie.rgpd.register.rights.law.RightsApplicability;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes what a fiche derives from its own text, so that an imported fiche and an edited one obey the same
 * law: GDPR references of the legal bases, the distinct article list, rights applicability (keeping what the
 * editor states) and the structure of retention rules an editor left unstructured (text only).
 */
public final class FicheNormaliser {

    private final RightsApplicability applicability = new RightsApplicability();
    private final RetentionRuleParser retention = new RetentionRuleParser();

    /**
     * @param fiche        the fiche as written (by the importer or an editor)
     * @param keepStated   true to keep the {@code stated} values already in {@code fiche.rights()} (an editor's
     *                     correction); false to read them from the fiche's text
     */
    public Fiche normalise(Fiche fiche, boolean keepStated) {
        List<LegalBasis> bases = fiche.legalBases().stream()
                .map(b -> b.gdprArticle() != null ? b
                        : new LegalBasis(b.text(), GdprArticles.articleOf(b.text()).orElse(null)))
                .toList();
        List<String> articles = GdprArticles.distinctArticles(bases);
        String objection = blankToNull(fiche.objectionExclusionReason());
        Map<Right, Boolean> stated = keepStated && fiche.rights() != null ? statedOf(fiche.rights())
                : applicability.stated(fiche.rightsText(), objection);
        Rights rights = applicability.decide(stated, articles, fiche.rightsText(), objection);
        List<RetentionRule> rules = new ArrayList<>();
        for (RetentionRule rule : fiche.retentionRules()) {
            rules.add(rule.status() == null ? retention.parse(rule.text(), rule.scope()) : rule);
        }
        return new Fiche(fiche.number(), fiche.domainCode(), fiche.domain(), blankToNull(fiche.title()),
                fiche.purposeDetails(), fiche.subPurposes(), bases, articles, fiche.dataSubjectCategories(),
                fiche.dataTypes(), fiche.recipients(), fiche.accessors(), rules, fiche.rightsText(), rights, objection,
                fiche.securityMeasures(), fiche.controllerNotes(), fiche.version(), fiche.status(), fiche.updatedAt(),
                fiche.updatedBy());
    }

    private static Map<Right, Boolean> statedOf(Rights rights) {
        Map<Right, Boolean> stated = new EnumMap<>(Right.class);
        for (Right r : Right.values()) {
            RightDecision d = rights.get(r);
            stated.put(r, d == null ? null : d.stated());
        }
        return stated;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
