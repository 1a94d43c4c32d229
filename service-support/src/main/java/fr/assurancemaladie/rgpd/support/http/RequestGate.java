package fr.assurancemaladie.rgpd.support.http;

import fr.assurancemaladie.rgpd.support.problem.Problem;
import fr.assurancemaladie.rgpd.support.text.TextHygiene;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first thing every request meets, on every route (API, OpenAPI document, Swagger UI): what no resource may ever
 * see is answered here in {@code application/problem+json}, with a French detail that quotes nothing of the request.
 *
 * <ul>
 * <li>a request line longer than {@code rgpd.http.max-request-line}: 414; headers larger than
 * {@code rgpd.http.max-header-bytes}: 431; a declared body larger than {@code quarkus.http.limits.max-body-size}:
 * 413;</li>
 * <li>a path or a query that, once percent-decoded, is not valid UTF-8 or holds a control character (NUL, line feed,
 * ESC…; the {@link TextHygiene} line rule): 400 — so no path or query parameter can reach the database, a log line
 * or a header with one.</li>
 * </ul>
 * Runs after Quarkus's CORS and authentication routes and before its own body-size check (order -2), whose answer
 * has no body. Beyond Vert.x's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}), Vert.x answers 414/431 itself, with an empty body: nothing in Quarkus can change that.
 */
@ApplicationScoped
public class RequestGate {

    static final int ORDER = -3;

    @Inject
    HttpLimitsConfig limits;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBody;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        String uri = req.uri();
        if (req.method().name().length() + uri.length() + 10 > limits.maxRequestLine()) {
            problem(ctx, 414, "Adresse trop longue", "L'adresse de la requête dépasse " + limits.maxRequestLine()
                    + " caractères.");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            headerBytes += h.getKey().length() + 2 + h.getValue().length();
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            problem(ctx, 431, "En-têtes trop volumineux", "Les en-têtes de la requête dépassent "
                    + limits.maxHeaderBytes() + " octets.");
            return;
        }
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                problem(ctx, 400, "Requête invalide", "En-tête Content-Length invalide.");
                return;
            }
            if (declared > maxBody.asLongValue()) {
                problem(ctx, 413, "Requête trop volumineuse", "Le corps de la requête dépasse "
                        + maxBody.asLongValue() + " octets.");
                return;
            }
        }
        String refusal = uriRefusal(uri);
        if (refusal != null) {
            problem(ctx, 400, "Requête invalide", refusal);
            return;
        }
        ctx.next();
    }

    /** Why the path or query is refused, or null when it is clean. */
    static String uriRefusal(String uri) {
        String decoded;
        try {
            decoded = percentDecode(uri);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return "L'adresse de la requête n'est pas de l'UTF-8 valide une fois décodée.";
        }
        if (!TextHygiene.isCleanLine(decoded)) {
            return TextHygiene.refusal("L'adresse de la requête", decoded, false);
        }
        return null;
    }

    static String percentDecode(String s) throws CharacterCodingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                out.write(c); // the request line arrives as bytes, one char each
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                .toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    static void problem(RoutingContext ctx, int status, String title, String detail) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413 || status == 414 || status == 431) {
            // the rest of an oversized request is not read: the connection ends with the answer
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body.encode());
    }
}
