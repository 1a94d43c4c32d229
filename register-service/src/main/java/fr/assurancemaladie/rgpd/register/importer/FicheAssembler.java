package fr.assurancemaladie.rgpd.register.importer;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.register.fiche.Fiche;
import fr.assurancemaladie.rgpd.register.fiche.FicheNormaliser;
import fr.assurancemaladie.rgpd.register.fiche.GdprArticles;
import fr.assurancemaladie.rgpd.register.importer.HtmlList.Item;
import fr.assurancemaladie.rgpd.register.importer.RegisterDocumentParser.RawFiche;
import fr.assurancemaladie.rgpd.register.retention.RetentionRuleParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw fiche into the structured {@link Fiche}: lists flattened in document order, legal bases with their
 * GDPR reference (an item nested under "Article 6-1-c du RGPD : …" inherits it), one retention rule per innermost
 * item (the text of an enclosing item is its scope), rights applicability. Pure Java.
 */
public final class FicheAssembler {

    private final RetentionRuleParser retention = new RetentionRuleParser();
    private final FicheNormaliser normaliser = new FicheNormaliser();

    public Fiche assemble(RawFiche raw) {
        List<String> objection = HtmlList.flatten(raw.items(Section.OBJECTION));
        Fiche fiche = new Fiche(raw.number, raw.domainCode(), raw.domain(), raw.title(), raw.purposeDetails(),
                HtmlList.flatten(raw.items(Section.SUB_PURPOSES)), legalBases(raw.items(Section.LEGAL_BASES), null),
                List.of(), HtmlList.flatten(raw.items(Section.DATA_SUBJECTS)),
                HtmlList.flatten(raw.items(Section.DATA_TYPES)), HtmlList.flatten(raw.items(Section.RECIPIENTS)),
                HtmlList.flatten(raw.items(Section.ACCESSORS)), rules(raw.items(Section.RETENTION), null),
                HtmlList.flatten(raw.items(Section.RIGHTS)), null,
                objection.isEmpty() ? null : String.join(" ; ", objection),
                HtmlList.flatten(raw.items(Section.SECURITY)), HtmlList.flatten(raw.items(Section.CONTROLLER)), null,
                null, null, null);
        return normaliser.normalise(fiche, false);
    }

    private static List<LegalBasis> legalBases(List<Item> items, String inherited) {
        List<LegalBasis> out = new ArrayList<>();
        for (Item item : items) {
            String own = GdprArticles.articleOf(item.text()).orElse(inherited);
            if (!item.text().isEmpty()) {
                out.add(new LegalBasis(item.text(), own));
            }
            out.addAll(legalBases(item.children(), own));
        }
        return out;
    }

    private List<RetentionRule> rules(List<Item> items, String scope) {
        List<RetentionRule> out = new ArrayList<>();
        for (Item item : items) {
            if (item.children().isEmpty()) {
                out.add(retention.parse(item.text(), scope));
            } else {
                String childScope = item.text().isEmpty() ? scope
                        : scope == null ? item.text() : scope + " > " + item.text();
                out.addAll(rules(item.children(), childScope));
            }
        }
        return out;
    }
}
