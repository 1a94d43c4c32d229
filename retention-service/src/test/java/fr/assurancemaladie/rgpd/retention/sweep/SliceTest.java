package fr.assurancemaladie.rgpd.retention.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The workers' ranges of schedule ids: together the whole uuid space, each id in exactly one, in PostgreSQL's order. */
class SliceTest {

    static boolean in(Sweep.Slice s, UUID id) {
        return compare(s.from(), id) <= 0 && compare(id, s.to()) <= 0;
    }

    /** PostgreSQL compares uuids as 16 unsigned bytes. */
    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Test
    void everyIdIsInExactlyOneSliceWhateverTheNumberOfWorkers() {
        for (int workers = 1; workers <= 7; workers++) {
            assertEquals(new UUID(0, 0), Sweep.Slice.of(0, workers).from());
            assertEquals(new UUID(-1L, -1L), Sweep.Slice.of(workers - 1, workers).to());
            for (int w = 1; w < workers; w++) {
                Sweep.Slice before = Sweep.Slice.of(w - 1, workers);
                Sweep.Slice slice = Sweep.Slice.of(w, workers);
                assertEquals(before.to().getMostSignificantBits() + 1, slice.from().getMostSignificantBits(),
                        "contiguous");
                assertTrue(compare(slice.from(), slice.to()) < 0);
            }
            for (int i = 0; i < 10_000; i++) {
                UUID id = i < 4 ? new UUID[] { new UUID(0, 0), new UUID(-1L, -1L), new UUID(Long.MIN_VALUE, 0),
                        new UUID(Long.MAX_VALUE, -1L) }[i] : UUID.randomUUID();
                int found = 0;
                for (int w = 0; w < workers; w++) {
                    found += in(Sweep.Slice.of(w, workers), id) ? 1 : 0;
                }
                assertEquals(1, found, id + " with " + workers + " workers");
            }
        }
    }
}
