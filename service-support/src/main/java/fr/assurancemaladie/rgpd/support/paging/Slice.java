package fr.assurancemaladie.rgpd.support.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: a query fetches {@code size + 1} rows; the extra row only says that there is a
 * next page, whose cursor is the sort key of this page's last item.
 */
public record Slice<T>(List<T> items, String nextCursor) {

    public static <T> Slice<T> of(List<T> fetched, int size, Function<T, String> cursorOf) {
        if (fetched.size() <= size) {
            return new Slice<>(fetched, null);
        }
        List<T> page = List.copyOf(fetched.subList(0, size));
        return new Slice<>(page, cursorOf.apply(page.get(size - 1)));
    }
}
