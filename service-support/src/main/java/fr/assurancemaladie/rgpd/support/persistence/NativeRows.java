package fr.assurancemaladie.rgpd.support.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Column values of native query rows, whichever Java type the driver or Hibernate returned them as; and the array
 * literals native statements take as parameters.
 */
public final class NativeRows {

    private NativeRows() {
    }

    public static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d
                : o instanceof java.sql.Date s ? s.toLocalDate() : LocalDate.parse(o.toString());
    }

    public static Instant instant(Object o) {
        return o == null ? null : o instanceof Instant i ? i
                : o instanceof OffsetDateTime t ? t.toInstant() : ((java.sql.Timestamp) o).toInstant();
    }

    public static int integer(Object o) {
        return ((Number) o).intValue();
    }

    /** {@code {1,2,3}} for {@code cast(? as integer[])}; null for null. */
    public static String integerArray(java.util.Collection<Integer> values) {
        return values == null ? null : values.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
