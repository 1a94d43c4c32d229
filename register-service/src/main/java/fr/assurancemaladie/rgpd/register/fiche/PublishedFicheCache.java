package fr.assurancemaladie.rgpd.register.fiche;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published fiches, serialised once, for {@code GET /api/v1/fiches/{n}}: the register is read far more than it
 * is written, and the read path then costs no database round trip and no JSON work. Kept fresh by a local
 * publication (at once) and by a cheap poll of the published versions (other replicas; every
 * {@code rgpd.register.cache.refresh}, 2 s by default). A miss falls back to the database.
 */
@ApplicationScoped
public class PublishedFicheCache {

    /** A published fiche as served: its version, its JSON and its entity tag. */
    public record Entry(int version, byte[] json, String etag) {
    }

    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    FicheService fiches;

    @Inject
    FicheCodec codec;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        refresh(); // after the seeding observer (default priority APPLICATION + 500 runs first)
    }

    /** The cached entry only, without touching the database (safe on the event loop). */
    public Optional<Entry> cached(int number) {
        return Optional.ofNullable(entries.get(number));
    }

    /** The cached entry, else the database's (blocking). */
    public Optional<Entry> get(int number) {
        Entry e = entries.get(number);
        if (e != null) {
            return Optional.of(e);
        }
        return load(number);
    }

    /** Re-reads one fiche (after a local publication, once committed). */
    public Optional<Entry> load(int number) {
        Optional<Entry> loaded = QuarkusTransaction.joiningExisting().call(() -> fiches.published(number).map(this::entry));
        loaded.ifPresentOrElse(e -> entries.put(number, e), () -> entries.remove(number));
        return loaded;
    }

    @Scheduled(every = "${rgpd.register.cache.refresh:2s}", delayed = "${rgpd.register.cache.refresh:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Map<Integer, Integer> published = QuarkusTransaction.requiringNew().call(() -> {
            Map<Integer, Integer> versions = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = FicheVersion.getEntityManager()
                    .createNativeQuery("select number, version from fiche_version where status = 'PUBLISHED'")
                    .getResultList();
            rows.forEach(r -> versions.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue()));
            return versions;
        });
        entries.keySet().removeIf(n -> !published.containsKey(n));
        published.forEach((number, version) -> {
            Entry cached = entries.get(number);
            if (cached == null || cached.version() != version) {
                load(number);
            }
        });
    }

    private Entry entry(Fiche fiche) {
        return new Entry(fiche.version(), codec.toJson(fiche).getBytes(StandardCharsets.UTF_8),
                "\"" + fiche.number() + "-" + fiche.version() + "\"");
    }
}
