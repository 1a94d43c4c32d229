package fr.assurancemaladie.rgpd.rights.caisse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The caisse directory in memory for the hot path (routing, deadlines, answers): about a hundred rows that change
 * when an admin edits a DPO contact. Reloaded after a local edit and at most every 30 s (other replicas' edits).
 */
@ApplicationScoped
public class CaisseDirectory {

    /** What requests need of a caisse. */
    public record CaisseInfo(String code, String name, String departement, String dpoEmail, String dpoPostalAddress) {
        static CaisseInfo of(Caisse c) {
            return new CaisseInfo(c.code, c.name, c.departement, c.dpoEmail, c.dpoPostalAddress);
        }
    }

    private static final Duration TTL = Duration.ofSeconds(30);
    private volatile Map<String, CaisseInfo> byCode = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public Optional<CaisseInfo> get(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (Instant.now().isAfter(loadedAt.plus(TTL))) {
            reload();
        }
        return Optional.ofNullable(byCode.get(code));
    }

    /** Every caisse, by code. */
    public java.util.List<CaisseInfo> all() {
        if (Instant.now().isAfter(loadedAt.plus(TTL))) {
            reload();
        }
        return byCode.values().stream().sorted(java.util.Comparator.comparing(CaisseInfo::code)).toList();
    }

    public void reload() {
        byCode = QuarkusTransaction.joiningExisting().call(() -> Caisse.<Caisse>listAll().stream()
                .map(CaisseInfo::of).collect(Collectors.toUnmodifiableMap(CaisseInfo::code, Function.identity())));
        loadedAt = Instant.now();
    }

    /** After a local edit: the next read reloads. */
    public void invalidate() {
        loadedAt = Instant.EPOCH;
    }
}
