package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import fr.assurancemaladie.rgpd.events.fiche.RetentionRule;
import fr.assurancemaladie.rgpd.events.fiche.RuleStatus;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks an edited fiche before it becomes a draft; every message is French, for the register's editors. */
public final class FicheValidator {

    static final int MAX_ITEM = 5_000;
    static final int MAX_TITLE = 500;
    static final int MAX_ITEMS = 1_000;
    private static final Pattern DOMAIN_CODE = Pattern.compile("\\d{2}");
    private static final Pattern ISO_PERIOD = Pattern.compile("P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?");

    /** One problem: the JSON path of the field and a French message. */
    public record Violation(String field, String message) {
    }

    private FicheValidator() {
    }

    public static List<Violation> validate(Fiche f) {
        List<Violation> v = new ArrayList<>();
        if (f.number() < 1 || f.number() > 9999) {
            v.add(new Violation("number", "Le numéro de fiche doit être compris entre 1 et 9999."));
        }
        if (f.domainCode() == null || !DOMAIN_CODE.matcher(f.domainCode()).matches()) {
            v.add(new Violation("domainCode", "Le code de domaine doit comporter deux chiffres (ex. « 01 »)."));
        }
        if (f.title() != null && f.title().length() > MAX_TITLE) {
            v.add(new Violation("title", "Le titre ne doit pas dépasser " + MAX_TITLE + " caractères."));
        }
        if (f.retentionRules().size() > MAX_ITEMS || f.legalBases().size() > MAX_ITEMS) {
            v.add(new Violation("retentionRules", "Une liste ne doit pas dépasser " + MAX_ITEMS + " éléments."));
        }
        String[] names = {"title", "domain", "objectionExclusionReason"};
        String[] texts = {f.title(), f.domain(), f.objectionExclusionReason()};
        for (int i = 0; i < texts.length; i++) {
            if (!TextHygiene.isCleanText(texts[i])) {
                v.add(new Violation(names[i], TextHygiene.refusal("Le texte", texts[i], true)));
            }
        }
        items(v, "purposeDetails", f.purposeDetails());
        items(v, "subPurposes", f.subPurposes());
        items(v, "dataSubjectCategories", f.dataSubjectCategories());
        items(v, "dataTypes", f.dataTypes());
        items(v, "recipients", f.recipients());
        items(v, "accessors", f.accessors());
        items(v, "rightsText", f.rightsText());
        items(v, "securityMeasures", f.securityMeasures());
        items(v, "controllerNotes", f.controllerNotes());
        items(v, "legalBases", f.legalBases().stream().map(LegalBasis::text).toList());
        for (int i = 0; i < f.legalBases().size(); i++) {
            String article = f.legalBases().get(i).gdprArticle();
            if (article != null && !article.matches("[69]-[12]-[a-j]")) {
                v.add(new Violation("legalBases[" + i + "].gdprArticle",
                        "Référence RGPD attendue sous la forme « 6-1-c »."));
            }
        }
        for (int i = 0; i < f.retentionRules().size(); i++) {
            rule(v, "retentionRules[" + i + "]", f.retentionRules().get(i));
        }
        return v;
    }

    private static void rule(List<Violation> v, String path, RetentionRule r) {
        if (r == null || r.text() == null || r.text().isBlank()) {
            v.add(new Violation(path + ".text", "Le texte de la règle de conservation est obligatoire."));
            return;
        }
        if (!TextHygiene.isCleanText(r.text())) {
            v.add(new Violation(path + ".text", TextHygiene.refusal("Le texte", r.text(), true)));
        }
        if (!TextHygiene.isCleanText(r.scope())) {
            v.add(new Violation(path + ".scope", TextHygiene.refusal("La portée", r.scope(), true)));
        }
        if (r.text().length() > MAX_ITEM) {
            v.add(new Violation(path + ".text", "Le texte ne doit pas dépasser " + MAX_ITEM + " caractères."));
        }
        if (r.duration() != null && !validPeriod(r.duration())) {
            v.add(new Violation(path + ".duration", "Durée attendue au format ISO-8601, 150 ans au plus (ex. « P3Y », « P6M », « P0D »)."));
        }
        if (r.status() == RuleStatus.STRUCTURED && (r.duration() == null || r.trigger() == null)) {
            v.add(new Violation(path + ".status", "Une règle STRUCTURED doit avoir une durée et un événement déclencheur."));
        }
        if (r.status() == RuleStatus.IMPLICIT_TRIGGER && r.duration() == null) {
            v.add(new Violation(path + ".status", "Une règle IMPLICIT_TRIGGER doit avoir une durée."));
        }
    }

    static boolean validPeriod(String duration) {
        if (!ISO_PERIOD.matcher(duration).matches()) {
            return false;
        }
        try {
            Period p = Period.parse(duration);
            // no retention period comes near 150 years: a longer one is a typing mistake (and overflows dates)
            return p.toTotalMonths() <= 150 * 12L && p.getDays() <= 150 * 366L;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void items(List<Violation> v, String field, List<String> items) {
        if (items.size() > MAX_ITEMS) {
            v.add(new Violation(field, "Une liste ne doit pas dépasser " + MAX_ITEMS + " éléments."));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || item.isBlank()) {
                v.add(new Violation(field + "[" + i + "]", "Un élément de liste ne peut pas être vide."));
            } else if (item.length() > MAX_ITEM) {
                v.add(new Violation(field + "[" + i + "]", "Un élément ne doit pas dépasser " + MAX_ITEM + " caractères."));
            } else if (!TextHygiene.isCleanText(item)) {
                v.add(new Violation(field + "[" + i + "]", TextHygiene.refusal("L'élément", item, true)));
            }
        }
    }
}
