package fr.assurancemaladie.rgpd.support.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Kafka record headers as text ({@code ce_id}, {@code ce_type}…). */
public final class Headers {

    private Headers() {
    }

    /** The last value of header {@code name} in UTF-8, or null (absent, or a header without value). */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
