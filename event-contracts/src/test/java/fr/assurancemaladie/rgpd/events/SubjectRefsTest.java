package fr.assurancemaladie.rgpd.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SubjectRefsTest {

    private static final String PEPPER = "test-pepper-0123456789";
    private final Nir paris = Nir.parse("185057505612388");

    @Test
    void isLowercaseHexHmacSha256OfTheNormalisedNir() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PEPPER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("185057505612388".getBytes(StandardCharsets.US_ASCII)));

        String ref = new SubjectRefs(PEPPER).of(paris);

        assertEquals(expected, ref);
        assertTrue(SubjectRefs.isWellFormed(ref));
        assertEquals(64, ref.length());
    }

    @Test
    void isStableAcrossInstancesAndInputSpellings() {
        assertEquals(new SubjectRefs(PEPPER).of(paris),
                new SubjectRefs(PEPPER).of(Nir.parse("1 85 05 75 056 123 88")));
    }

    @Test
    void dependsOnThePepper() {
        assertNotEquals(new SubjectRefs(PEPPER).of(paris), new SubjectRefs(PEPPER + "-rotated").of(paris));
    }

    @Test
    void differsBetweenPersons() {
        SubjectRefs refs = new SubjectRefs(PEPPER);
        assertNotEquals(refs.of(paris), refs.of(Nir.parse("290035746304546")));
    }

    @Test
    void neverContainsTheNir() {
        String ref = new SubjectRefs(PEPPER).of(paris);
        assertNotEquals(paris.value(), ref);
        assertFalse(ref.contains(paris.value()));
        assertFalse(ref.contains("0575056123"));
    }

    @Test
    void refusesAShortPepper() {
        assertThrows(IllegalArgumentException.class, () -> new SubjectRefs("short"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectRefs(null));
    }

    @Test
    void recognisesWellFormedRefs() {
        assertTrue(SubjectRefs.isWellFormed("a".repeat(64)));
        assertFalse(SubjectRefs.isWellFormed("A".repeat(64)));
        assertFalse(SubjectRefs.isWellFormed("a".repeat(63)));
        assertFalse(SubjectRefs.isWellFormed("185057505612388"));
        assertFalse(SubjectRefs.isWellFormed(null));
    }
}
