package fr.assurancemaladie.rgpd.register.fiche;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.assurancemaladie.rgpd.events.fiche.LegalBasis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** JSON of fiches as stored, hashed, diffed and published: one place, one mapper configuration. */
@ApplicationScoped
public class FicheCodec {

    private final ObjectMapper mapper;

    @Inject
    public FicheCodec(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public Fiche fiche(String json) {
        try {
            return mapper.readValue(json, Fiche.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored fiche is not readable", e);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }

    /** SHA-256 (hex) of the content of a fiche, metadata excluded: equal content, equal hash. */
    public String contentSha256(Fiche fiche) {
        return sha256(toJson(fiche.content()));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL limits a tsvector to 1 MB: the searchable text is capped well below. */
    static final int MAX_SEARCH_TEXT = 200_000;

    /** The words the French full-text search looks into. */
    public static String searchText(Fiche f) {
        String text = String.join("\n", Stream.of(
                Stream.of(f.domain()), f.purposeDetails().stream(), f.subPurposes().stream(),
                f.legalBases().stream().map(LegalBasis::text), f.dataSubjectCategories().stream(),
                f.dataTypes().stream(), f.recipients().stream(), f.accessors().stream(),
                f.retentionRules().stream().map(r -> r.text()), f.rightsText().stream(),
                Stream.of(f.objectionExclusionReason()), f.securityMeasures().stream(), f.controllerNotes().stream())
                .flatMap(s -> s).filter(s -> s != null && !s.isBlank()).toList());
        return text.length() <= MAX_SEARCH_TEXT ? text : text.substring(0, MAX_SEARCH_TEXT);
    }

    public List<FicheDiff.Change> diff(Fiche before, Fiche after) {
        return FicheDiff.between(before == null ? null : tree(before.content()), tree(after.content()));
    }
}
