package fr.assurancemaladie.rgpd.support.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.assurancemaladie.rgpd.support.text.Excerpt;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.chrono.IsoChronology;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads CloudEvents 1.0 the way the specification and its Kafka protocol binding define them, whoever produced them
 * (the official SDKs of any language, a hand-written producer, this platform):
 *
 * <ul>
 * <li><b>structured mode</b>: the record's {@code content-type} header starts with {@code application/cloudevents}
 * (any case, any parameter such as {@code charset}); the value is the whole event in JSON ({@code data} or
 * {@code data_base64}). A value that is a JSON event while the record has neither a {@code content-type} nor
 * {@code ce_*} headers is read the same way.</li>
 * <li><b>binary mode</b>: the attributes in {@code ce_<name>} headers, {@code content-type} as
 * {@code datacontenttype}, the value is the data.</li>
 * <li>Required: {@code specversion} "1.0", {@code id}, {@code source}, {@code type}, non-empty. Optional:
 * {@code subject}, {@code datacontenttype}, {@code dataschema}, {@code time} (RFC 3339, "T" and "Z" in either case,
 * any offset), and any extension ({@code [a-z0-9]+}, a string, an integer or a boolean in JSON). Attributes are single
 * lines ({@link TextHygiene}), at most {@value #MAX_ATTRIBUTE} characters; the record's key is UTF-8.</li>
 * <li>The data must be JSON when {@code datacontenttype} is absent or a JSON type: every topic of the platform
 * carries JSON.</li>
 * </ul>
 * Anything else throws {@link InvalidRecord} with a French reason that quotes at most a short prefix of the input.
 */
public final class CloudEventReader {

    public static final String STRUCTURED_PREFIX = "application/cloudevents";
    public static final int MAX_ATTRIBUTE = 2048;

    private static final Set<String> CORE = Set.of("specversion", "id", "source", "type", "subject",
            "datacontenttype", "dataschema", "time");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]{1,64}");
    /** RFC 3339 date-time: four-digit year, seconds required, fraction optional (up to nanoseconds), strict. */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2).appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HH:MM", "Z")
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private final ObjectReader json;

    /** @param json the application's mapper; repeated keys are refused whatever its settings */
    public CloudEventReader(ObjectMapper json) {
        this.json = json.readerFor(JsonNode.class).withFeatures(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * One Kafka record.
     *
     * @param maxValueBytes larger values are refused before they are parsed
     */
    public IncomingCloudEvent read(ConsumerRecord<byte[], byte[]> record, int maxValueBytes) {
        String key = record.key() == null ? null : utf8(record.key(), "La clé de l'enregistrement");
        if (key != null && !TextHygiene.isCleanLine(key)) {
            throw new InvalidRecord(TextHygiene.refusal("La clé de l'enregistrement", key, false));
        }
        byte[] value = record.value();
        if (value != null && value.length > maxValueBytes) {
            throw new InvalidRecord("Enregistrement trop volumineux : " + value.length + " octets (au plus "
                    + maxValueBytes + ").");
        }
        String contentType = header(record, "content-type");
        if (contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith(STRUCTURED_PREFIX)) {
            return structured(key, value, contentType);
        }
        if (header(record, "ce_specversion") != null) {
            return binary(key, record, value, contentType);
        }
        if (contentType == null && value != null && looksLikeEvent(value)) {
            return structured(key, value, null);
        }
        throw new InvalidRecord("Pas un CloudEvent : ni en-têtes ce_* (mode binaire), ni content-type "
                + "application/cloudevents+json (mode structuré).");
    }

    /** A CloudEvent in JSON structured mode, e.g. an HTTP body ({@code application/cloudevents+json}). */
    public IncomingCloudEvent readStructured(byte[] body) {
        return structured(null, body, null);
    }

    private IncomingCloudEvent structured(String key, byte[] value, String contentType) {
        if (contentType != null) {
            String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!media.equals("application/cloudevents+json") && !media.equals("application/cloudevents")) {
                throw new InvalidRecord("Format structuré non pris en charge : « " + Excerpt.of(media)
                        + " » (attendu : application/cloudevents+json).");
            }
        }
        if (value == null || value.length == 0) {
            throw new InvalidRecord("Mode structuré : la valeur doit être un CloudEvent JSON, elle est vide.");
        }
        JsonNode event = parse(value, "Mode structuré : la valeur");
        if (!event.isObject()) {
            throw new InvalidRecord("Mode structuré : la valeur doit être un objet JSON (le CloudEvent).");
        }
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (name.equals("data") || name.equals("data_base64")) {
                continue;
            }
            JsonNode v = member.getValue();
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new InvalidRecord("Nom d'attribut CloudEvents invalide : « " + Excerpt.of(name)
                        + " » (lettres minuscules et chiffres).");
            }
            if (CORE.contains(name)) {
                if (!v.isTextual() && !v.isNull()) {
                    throw new InvalidRecord("L'attribut CloudEvents « " + name + " » doit être une chaîne JSON.");
                }
                continue;
            }
            if (v.isNull()) {
                continue;
            }
            if (!v.isTextual() && !v.isBoolean() && !v.isIntegralNumber()) {
                throw new InvalidRecord("L'extension CloudEvents « " + name + " » doit être une chaîne, un entier ou "
                        + "un booléen.");
            }
            extensions.put(name, attribute(name, v.asText()));
        }
        String dataContentType = optional(event, "datacontenttype");
        JsonNode data = null;
        boolean hasData = event.has("data") && !event.get("data").isNull();
        boolean hasBase64 = event.has("data_base64") && !event.get("data_base64").isNull();
        if (hasData && hasBase64) {
            throw new InvalidRecord("Un CloudEvent porte « data » ou « data_base64 », pas les deux.");
        }
        if (hasData) {
            if (!isJson(dataContentType)) {
                throw new InvalidRecord("« datacontenttype » doit être application/json, reçu « "
                        + Excerpt.of(dataContentType) + " ».");
            }
            data = event.get("data");
        } else if (hasBase64) {
            if (!event.get("data_base64").isTextual()) {
                throw new InvalidRecord("« data_base64 » doit être une chaîne Base64.");
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(event.get("data_base64").asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidRecord("« data_base64 » n'est pas du Base64 valide.");
            }
            data = dataOf(bytes, dataContentType);
        }
        return event(key, true, optional(event, "specversion"), optional(event, "id"), optional(event, "source"),
                optional(event, "type"), optional(event, "subject"), dataContentType, optional(event, "dataschema"),
                optional(event, "time"), extensions, data);
    }

    private IncomingCloudEvent binary(String key, ConsumerRecord<byte[], byte[]> record, byte[] value,
            String contentType) {
        Map<String, String> attributes = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Header h : record.headers()) {
            String name = h.key();
            if (name == null || !name.startsWith("ce_")) {
                continue;
            }
            String attribute = name.substring(3);
            if (!ATTRIBUTE_NAME.matcher(attribute).matches()) {
                throw new InvalidRecord("En-tête CloudEvents invalide : « " + Excerpt.of(name)
                        + " » (ce_ puis des lettres minuscules et des chiffres).");
            }
            if (!seen.add(attribute)) {
                throw new InvalidRecord("En-tête « " + name + " » répété : un attribut n'a qu'une valeur.");
            }
            if (h.value() == null) {
                continue;
            }
            attributes.put(attribute, attribute(attribute, utf8(h.value(), "L'en-tête « " + name + " »")));
        }
        if (contentType != null) {
            attributes.put("datacontenttype", attribute("datacontenttype", contentType));
        }
        Map<String, String> extensions = new LinkedHashMap<>(attributes);
        CORE.forEach(extensions::remove);
        String dataContentType = attributes.get("datacontenttype");
        JsonNode data = value == null || value.length == 0 ? null : dataOf(value, dataContentType);
        return event(key, false, attributes.get("specversion"), attributes.get("id"), attributes.get("source"),
                attributes.get("type"), attributes.get("subject"), dataContentType, attributes.get("dataschema"),
                attributes.get("time"), extensions, data);
    }

    private IncomingCloudEvent event(String key, boolean structured, String specversion, String id, String source,
            String type, String subject, String dataContentType, String dataSchema, String time,
            Map<String, String> extensions, JsonNode data) {
        if (!"1.0".equals(specversion)) {
            throw new InvalidRecord(specversion == null ? "Attribut CloudEvents « specversion » absent."
                    : "Version CloudEvents non prise en charge : « " + Excerpt.of(specversion)
                            + " » (attendu : 1.0).");
        }
        requireNonEmpty("id", id);
        requireNonEmpty("source", source);
        requireNonEmpty("type", type);
        for (Map.Entry<String, String> a : Map.of("id", id, "source", source, "type", type, "subject",
                nonNull(subject), "datacontenttype", nonNull(dataContentType), "dataschema", nonNull(dataSchema),
                "time", nonNull(time)).entrySet()) {
            attribute(a.getKey(), a.getValue());
        }
        OffsetDateTime at = null;
        if (time != null) {
            try {
                at = OffsetDateTime.parse(time.strip(), RFC_3339);
            } catch (DateTimeParseException e) {
                throw new InvalidRecord("L'attribut « time » doit être un horodatage RFC 3339 (par exemple "
                        + "2026-01-15T10:00:00+01:00), reçu « " + Excerpt.of(time) + " ».");
            }
        }
        return new IncomingCloudEvent(key, structured, id, source, type, subject, dataContentType, dataSchema, at,
                Map.copyOf(extensions), data);
    }

    private JsonNode dataOf(byte[] bytes, String dataContentType) {
        if (!isJson(dataContentType)) {
            throw new InvalidRecord("« datacontenttype » doit être application/json, reçu « "
                    + Excerpt.of(dataContentType) + " ».");
        }
        return parse(bytes, "Les données de l'événement");
    }

    private JsonNode parse(byte[] bytes, String what) {
        utf8(bytes, what);
        try {
            JsonNode node = json.readValue(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRecord(what + " : JSON vide.");
            }
            return node;
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? " (clé répétée)" : "";
            throw new InvalidRecord(what + " : JSON invalide" + problem + ".");
        } catch (IOException e) {
            throw new InvalidRecord(what + " : JSON illisible.");
        }
    }

    /** JSON when absent (the platform's default) or application/json, text/json, or any +json suffix. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.equals("text/json") || media.endsWith("+json");
    }

    private static boolean looksLikeEvent(byte[] value) {
        for (byte b : value) {
            if (b == '{') {
                return new String(value, StandardCharsets.UTF_8).contains("\"specversion\"");
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return false;
    }

    private static String attribute(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_ATTRIBUTE) {
            throw new InvalidRecord("L'attribut CloudEvents « " + name + " » dépasse " + MAX_ATTRIBUTE
                    + " caractères.");
        }
        if (!TextHygiene.isCleanLine(value)) {
            throw new InvalidRecord(TextHygiene.refusal("L'attribut CloudEvents « " + name + " »", value, false));
        }
        return value;
    }

    private static void requireNonEmpty(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRecord("Attribut CloudEvents « " + name + " » absent ou vide.");
        }
    }

    private static String optional(JsonNode event, String name) {
        JsonNode v = event.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header found = null;
        for (Header h : record.headers()) {
            if (name.equalsIgnoreCase(h.key())) {
                if (found != null) {
                    throw new InvalidRecord("En-tête « " + name + " » répété.");
                }
                found = h;
            }
        }
        return found == null || found.value() == null ? null : utf8(found.value(), "L'en-tête « " + name + " »");
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecord(what + " : UTF-8 invalide.");
        }
    }
}
