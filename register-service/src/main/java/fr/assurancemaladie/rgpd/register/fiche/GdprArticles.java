package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GDPR lawfulness references (art. 6 and 9) a legal basis invokes, as the register writes them. */
public final class GdprArticles {

    /** "Article 6-1-c du RGPD", "art. 6.1.e", "article 6 (1) f", "article 6, paragraphe 1, c)"… */
    private static final Pattern ARTICLE = Pattern.compile(
            "(?i)\\bart(?:icle|\\.)?\\s*([69])\\s*(?:[-.‑–(,]\\s*|\\s+)(?:paragraphe\\s*|§\\s*)?([12])\\s*\\)?\\s*[-.‑–(,]?\\s*(?:point\\s*)?([a-j])\\b\\)?");

    /** The first GDPR article 6/9 reference of a text, normalised, if any. */
    public static Optional<String> articleOf(String text) {
        Matcher m = ARTICLE.matcher(text);
        if (m.find()) {
            return Optional.of(m.group(1) + "-" + m.group(2) + "-" + m.group(3).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** Distinct normalised references, sorted. */
    public static List<String> distinctArticles(Collection<LegalBasis> bases) {
        TreeSet<String> articles = new TreeSet<>();
        for (LegalBasis b : bases) {
            if (b.gdprArticle() != null) {
                articles.add(b.gdprArticle());
            }
        }
        return List.copyOf(articles);
    }

    private GdprArticles() {
    }
}
