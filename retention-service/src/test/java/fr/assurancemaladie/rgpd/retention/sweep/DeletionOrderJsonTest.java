package fr.assurancemaladie.rgpd.retention.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.assurancemaladie.rgpd.events.DeletionOrder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sweep's JSON writer writes every order byte for byte as the service's ObjectMapper does. */
@QuarkusTest
class DeletionOrderJsonTest {

    @Inject
    ObjectMapper mapper;

    static List<DeletionOrder> orders(Instant at) {
        Random random = new Random(15);
        List<String> texts = List.of("3 ans après la fin de validité des droits",
                "Jusqu'à la décision définitive « en cas de contentieux » — 10 ans",
                "guillemets \" et barre \\ oblique, tab\t, retour\nligne, emoji 😀, \u2028 séparateur, \u0001",
                "");
        List<DeletionOrder> orders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            LocalDate trigger = LocalDate.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28));
            orders.add(new DeletionOrder(UUID.randomUUID().toString(), "%064x".formatted(random.nextLong()),
                    random.nextInt(100), texts.get(i % texts.size()), i % 2 == 0 ? "RIGHTS_END" : "DEATH", trigger,
                    trigger.plusYears(random.nextInt(80)), i % 3 == 0 ? "ARCHIVE" : "DESTRUCTION", at));
        }
        orders.add(new DeletionOrder("s", "a".repeat(64), 1, null, "DEATH", LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1), "DESTRUCTION", at));
        orders.add(new DeletionOrder("s", "a".repeat(64), 1, "r", "DEATH", LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1), "DESTRUCTION", at.plusSeconds(1)));
        return orders;
    }

    @Test
    void sameBytesAsTheMapper() throws Exception {
        for (Instant at : new Instant[] { Instant.parse("2026-12-02T01:02:03.456789Z"), Instant.parse(
                "2026-12-02T00:00:00Z"), Instant.parse("2026-01-01T10:00:00.100Z") }) {
            DeletionOrderJson.Chunk chunk = new DeletionOrderJson(mapper).chunk(at);
            for (DeletionOrder o : orders(at)) {
                assertEquals(new String(mapper.writeValueAsBytes(o), StandardCharsets.UTF_8),
                        new String(chunk.write(o), StandardCharsets.UTF_8));
            }
        }
    }
}
