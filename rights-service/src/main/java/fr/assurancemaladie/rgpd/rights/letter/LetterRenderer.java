package fr.assurancemaladie.rgpd.rights.letter;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.assurancemaladie.rgpd.rights.letter.law.LetterKind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders letters: a template's subject (text) and body (an XHTML fragment, Qute, values HTML-escaped) with a letter's
 * data, inside the page every letter shares (the caisse's DPO as sender, the date, the template's version). The same
 * HTML goes into the e-mail and, through openhtmltopdf, into the PDF of a postal answer.
 */
@ApplicationScoped
public class LetterRenderer {

    /** A letter as rendered: its subject and its whole XHTML page. */
    public record Rendered(String subject, String html) {
    }

    /** A template that does not parse, does not render with a letter's data, or is not well-formed XHTML. */
    public static final class InvalidTemplate extends RuntimeException {
        InvalidTemplate(String frenchMessage, Throwable cause) {
            super(frenchMessage, cause);
        }
    }

    @Inject
    Engine engine;

    private Template page;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        page = engine.parse(resource("letters/page.html"), Variant.forContentType(Variant.TEXT_HTML));
    }

    /** Renders a stored template version (parsed once per version: versions never change). */
    public Rendered render(LetterTemplate t, Map<String, Object> data) {
        Template subject = parsed.computeIfAbsent(t.kind + "/" + t.version + "/subject",
                k -> engine.parse(t.subject, Variant.forContentType("text/plain")));
        Template body = parsed.computeIfAbsent(t.kind + "/" + t.version + "/body",
                k -> engine.parse(t.body, Variant.forContentType(Variant.TEXT_HTML)));
        return render(t.kind, t.version, subject, body, data);
    }

    /**
     * Renders a draft (a preview, or the check before a new version is saved): the same as a stored version, plus
     * the PDF, so that a draft that would fail on paper is refused too.
     */
    public Rendered preview(LetterKind kind, int version, String subject, String body, Map<String, Object> data) {
        Rendered r;
        try {
            r = render(kind, version, engine.parse(subject, Variant.forContentType("text/plain")),
                    engine.parse(body, Variant.forContentType(Variant.TEXT_HTML)), data);
        } catch (TemplateException e) {
            throw new InvalidTemplate("Le modèle ne peut pas être lu ou rendu : " + firstLine(e.getMessage()), e);
        }
        try {
            pdf(r.html());
        } catch (RuntimeException e) {
            throw new InvalidTemplate("Le modèle ne donne pas un document XHTML bien formé (balises fermées, "
                    + "caractères & écrits &amp;amp;) : il ne pourrait pas être imprimé.", e);
        }
        return r;
    }

    private Rendered render(LetterKind kind, int version, Template subject, Template body, Map<String, Object> data) {
        String s = subject.render(data).strip().replaceAll("\\s+", " ");
        String fragment = body.render(data);
        Map<String, Object> pageData = new LinkedHashMap<>(data);
        pageData.put("subject", s);
        pageData.put("body", new RawString(fragment));
        pageData.put("label", kind.label());
        pageData.put("version", version);
        pageData.putIfAbsent("reference", "");
        return new Rendered(s.length() > 300 ? s.substring(0, 299) + "…" : s, page.render(pageData));
    }

    /** The letter as a PDF (A4), for a postal answer. */
    public byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "erreur inconnue";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
