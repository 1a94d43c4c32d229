package fr.assurancemaladie.rgpd.retention.access;

import fr.assurancemaladie.rgpd.support.problem.Params;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code where} clause of a native list query, built from the filters given, with its parameters. */
public final class Filter {

    private final StringBuilder where = new StringBuilder("where 1 = 1");
    private final Map<String, Object> params = new LinkedHashMap<>();

    /**
     * The filters every retention list shares, on a table with {@code caisse_code}, {@code subject_ref} and
     * {@code fiche_number} columns: the caller's caisse (null = all, for an admin), the person, the fiche.
     */
    public static Filter of(String alias, String caisseScope, String subjectRef, String fiche) {
        String p = alias == null ? "" : alias + ".";
        return new Filter()
                .and(p + "caisse_code = :caisse", "caisse", caisseScope)
                .and(p + "subject_ref = :subject", "subject", subjectRef == null ? null : Params.subjectRef(subjectRef))
                .and(p + "fiche_number = :fiche", "fiche", fiche == null ? null : Params.integer("fiche", fiche));
    }

    /** Adds {@code condition} when {@code value} is not null. */
    public Filter and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition with two parameters (a keyset cursor). */
    public Filter and(String condition, String name1, Object value1, String name2, Object value2) {
        where.append(" and ").append(condition);
        params.put(name1, value1);
        params.put(name2, value2);
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }
}
