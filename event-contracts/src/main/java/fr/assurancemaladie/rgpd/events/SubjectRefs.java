package fr.assurancemaladie.rgpd.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym of a person on the bus: {@code subjectRef = hex(HMAC-SHA256(pepper, normalised NIR))}, lowercase.
 *
 * <p>Persons are never named on Kafka (docs/design.md §3). The pepper is a secret of the deployment: the same NIR gives
 * the same subjectRef only under the same pepper, so every service that must compute or match subjectRefs shares
 * it, and changing it cuts the link with every subjectRef already published.
 */
public final class SubjectRefs {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{64}");
    /** A pepper shorter than this is refused: it would make brute force over the NIR space trivial. */
    public static final int MIN_PEPPER_BYTES = 16;

    private final SecretKeySpec key;

    public SubjectRefs(String pepper) {
        if (pepper == null || pepper.getBytes(StandardCharsets.UTF_8).length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException(
                    "The pseudonymisation pepper must be at least " + MIN_PEPPER_BYTES + " bytes long");
        }
        this.key = new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(Nir nir) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(nir.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** True when {@code candidate} has the shape of a subjectRef: 64 lowercase hexadecimal characters. */
    public static boolean isWellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }
}
