package fr.assurancemaladie.rgpd.register.fiche;

import fr.assurancemaladie.rgpd.events.RetentionTrigger;
import fr.assurancemaladie.rgpd.events.fiche.Rights.Right;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Searching the register in PostgreSQL: filters on columns and on the fiche JSON, French full-text search. */
@ApplicationScoped
public class FicheSearch {

    /**
     * Filters; null means "any".
     *
     * @param domainCode   two-digit domain code
     * @param text         French full-text query (web-search syntax: words, "phrases", -excluded)
     * @param gdprArticle  normalised reference among the fiche's legal bases ("6-1-e")
     * @param right        a right, with {@code applies}
     * @param applies      the applicability wanted for {@code right}
     * @param trigger      a retention trigger used by one of the fiche's rules
     * @param status       PUBLISHED or DRAFT
     */
    public record Criteria(String domainCode, String text, String gdprArticle, Right right, Boolean applies,
            RetentionTrigger trigger, FicheVersion.Status status) {
    }

    /** One line of a result. */
    public record FicheSummary(int number, int version, String status, String domainCode, String domain, String title,
            List<String> gdprArticles, int rulesToReview, Instant updatedAt, String updatedBy) {
    }

    public record Page(List<FicheSummary> items, int page, int size, long totalItems) {
    }

    public Page search(Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder("where v.status = :status");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", c.status().name());
        if (c.domainCode() != null) {
            where.append(" and v.domain_code = :domain");
            params.put("domain", c.domainCode());
        }
        if (c.text() != null) {
            where.append(" and v.search_vector @@ websearch_to_tsquery('french', :q)");
            params.put("q", c.text());
        }
        if (c.gdprArticle() != null) {
            // containment at the root of the payload: served by the jsonb_path_ops GIN index
            where.append(" and v.payload @> jsonb_build_object('gdprArticles', jsonb_build_array(cast(:article as text)))");
            params.put("article", c.gdprArticle());
        }
        if (c.right() != null && c.applies() != null) {
            where.append(" and v.payload @> jsonb_build_object('rights', jsonb_build_object(cast(:right as text),"
                    + " jsonb_build_object('applies', cast(:applies as boolean))))");
            params.put("right", c.right().field());
            params.put("applies", c.applies());
        }
        if (c.trigger() != null) {
            where.append(" and v.payload @> jsonb_build_object('retentionRules',"
                    + " jsonb_build_array(jsonb_build_object('trigger', cast(:trigger as text))))");
            params.put("trigger", c.trigger().name());
        }
        String order = c.text() != null
                ? "order by ts_rank(v.search_vector, websearch_to_tsquery('french', :q)) desc, v.number"
                : "order by v.number";
        Query count = Panache.getEntityManager().createNativeQuery("select count(*) from fiche_version v " + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query select = Panache.getEntityManager().createNativeQuery("""
                select v.number, v.version, v.status, v.domain_code, v.payload ->> 'domain', v.title,
                       cast(v.payload -> 'gdprArticles' as text),
                       (select count(*) from jsonb_array_elements(v.payload -> 'retentionRules') r
                         where r ->> 'status' <> 'STRUCTURED'),
                       v.updated_at, v.updated_by
                from fiche_version v
                """ + where + " " + order + " limit :limit offset :offset");
        params.forEach(select::setParameter);
        select.setParameter("limit", size);
        select.setParameter("offset", (long) page * size);
        List<FicheSummary> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new FicheSummary(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], (String) r[4], (String) r[5], articles((String) r[6]), ((Number) r[7]).intValue(),
                    instant(r[8]), (String) r[9]));
        }
        return new Page(items, page, size, total);
    }

    private static List<String> articles(String json) {
        if (json == null || json.length() <= 2) {
            return List.of();
        }
        return Arrays.stream(json.substring(1, json.length() - 1).split(","))
                .map(s -> s.strip().replace("\"", "")).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }
}
