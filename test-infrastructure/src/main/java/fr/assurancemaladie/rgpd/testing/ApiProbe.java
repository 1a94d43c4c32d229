package fr.assurancemaladie.rgpd.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schema-driven probe of a service's API, from its own OpenAPI document, as an outside fuzzer would run it: every
 * operation, with every caller given, gets a corpus of bad input in each path parameter, each query parameter and
 * each field of its JSON body (wrong types, fractions for integers, control characters, repeated keys, oversized and
 * malformed bodies, wrong content types). It reports what no client may ever get:
 *
 * <ul>
 * <li>a 5xx;</li>
 * <li>a 4xx that is not {@code application/problem+json};</li>
 * <li>a success for input that is bad in every reading (a control character, a repeated key, a fraction for an
 * integer, a number for a text) — the input was stored or acted on;</li>
 * <li>an answer that quotes a long input back whole;</li>
 * <li>a status the operation's own OpenAPI description does not document (what a generated client would not
 * expect).</li>
 * </ul>
 * Used by each service's tests, and runnable against {@code ./run-local} ({@link #main}).
 */
public final class ApiProbe {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MARKER = "FORGED-LOG-LINE";
    /** Text that a log line must never contain raw: a line break followed by the marker. */
    public static final String FORGED_LINE = "\n" + MARKER;

    private final URI base;
    private final Map<String, String> callers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> findings = new ArrayList<>();
    private final Map<String, Seed> seeds = new LinkedHashMap<>();
    /** The statuses the operation being probed documents. */
    private java.util.Set<String> documented = java.util.Set.of();
    private int requests;

    /** A valid request of one operation, which the corpus then spoils one value at a time. */
    record Seed(Map<String, String> parameters, String body) {
    }

    /**
     * Gives operation {@code METHOD /template} a valid starting point: parameter values ({@code "path:id"},
     * {@code "query:size"}…) and a JSON body. Without one, the probe builds a plausible request from the schema,
     * which validation may refuse before the spoilt value is even read.
     */
    public ApiProbe seed(String method, String template, Map<String, String> parameters, String body) {
        seeds.put(method + " " + template, new Seed(parameters, body));
        return this;
    }

    /**
     * @param base    the service's base URI (its OpenAPI document is {@code /q/openapi})
     * @param callers name → bearer token (null for an anonymous caller)
     */
    public ApiProbe(URI base, Map<String, String> callers) {
        this.base = base;
        this.callers = callers;
    }

    /** What the probe found (empty: nothing), and how many requests it sent. */
    public record Report(List<String> findings, int requests) {
    }

    public Report run() throws IOException, InterruptedException {
        JsonNode doc = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
        JsonNode paths = doc.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                probe(doc, method, path.getKey(), op.getValue());
            }
        }
        probeWholeRequests();
        return new Report(List.copyOf(findings), requests);
    }

    private void probe(JsonNode doc, String method, String template, JsonNode op)
            throws IOException, InterruptedException {
        List<JsonNode> params = new ArrayList<>();
        op.path("parameters").forEach(params::add);
        JsonNode bodySchema = resolve(doc, op.at("/requestBody/content/application~1json/schema"));
        documented = new java.util.HashSet<>();
        op.path("responses").fieldNames().forEachRemaining(documented::add);
        if (documented.stream().noneMatch(c -> c.startsWith("2") || c.startsWith("3"))) {
            findings.add(method + " " + template + ": no success documented " + documented);
        }
        String bodyType = op.path("requestBody").isMissingNode() ? null : firstContentType(op);
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            String token = caller.getValue();
            Map<String, String> good = new LinkedHashMap<>();
            for (JsonNode param : params) {
                good.put(param.path("in").asText() + ":" + param.path("name").asText(),
                        sample(resolve(doc, param.path("schema")), param.path("name").asText()));
            }
            JsonNode goodBody = bodySchema.isMissingNode() ? null : sampleBody(doc, bodySchema, 0);
            Seed seed = seeds.get(method + " " + template);
            if (seed != null) {
                good.putAll(seed.parameters());
                if (seed.body() != null) {
                    goodBody = JSON.readTree(seed.body());
                }
            }
            // each parameter in turn gets the corpus, the others keep a plausible value
            for (JsonNode param : params) {
                String key = param.path("in").asText() + ":" + param.path("name").asText();
                for (Bad bad : PARAMETER_CORPUS) {
                    Map<String, String> values = new LinkedHashMap<>(good);
                    values.put(key, bad.raw());
                    check(caller.getKey(), method, template, values, bodyType, goodBody == null ? null
                            : goodBody.toString(), bad, token);
                }
            }
            if (goodBody instanceof ObjectNode object) {
                for (Iterator<String> f = object.fieldNames(); f.hasNext();) {
                    String field = f.next();
                    JsonNode fieldSchema = resolve(doc, bodySchema.path("properties").path(field));
                    for (Bad bad : fieldCorpus(fieldSchema)) {
                        ObjectNode mutated = object.deepCopy();
                        mutated.set(field, bad.json());
                        check(caller.getKey(), method, template, good, "application/json",
                                mutated.toString().replace(LONE_SURROGATE, "\\ud800"), bad, token);
                    }
                }
                // a repeated key: which value wins would be a guess
                String first = object.fieldNames().hasNext() ? object.fieldNames().next() : "x";
                String twice = object.toString().replaceFirst("\\{", "{\"" + first + "\":" + object.get(first)
                        + ",");
                check(caller.getKey(), method, template, good, "application/json", twice,
                        new Bad("repeated key", null, null, true), token);
            }
            if (bodyType != null) {
                for (String malformed : List.of("{", "[]", "null", "\"text\"", "{\"a\":" + "[".repeat(5000), "")) {
                    check(caller.getKey(), method, template, good, bodyType, malformed,
                            new Bad("malformed body", null, null, false), token);
                }
                check(caller.getKey(), method, template, good, "application/xml", "<a/>",
                        new Bad("wrong content type", null, null, false), token);
            }
        }
    }

    /** Requests no operation expects: oversized lines, headers and bodies, unknown paths and methods. */
    private void probeWholeRequests() throws IOException, InterruptedException {
        expectProblem("GET", "/api/v1/" + "x".repeat(20_000), null, null, null, 414);
        expectProblem("POST", "/api/v1/me", "application/json", "{\"a\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}",
                null, 413);
        expectProblem("GET", "/api/v1/nothing-here-" + UUID.randomUUID(), null, null, null, 404);
        expectProblem("GET", "/api/v1/%00", null, null, null, 400);
        expectProblem("GET", "/api/v1/me%0A" + MARKER, null, null, null, 400);
        expectProblem("DELETE", "/api/v1/me", null, null, null, 405);
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/me"))
                .header("X-Padding", "y".repeat(30_000)).GET().build(), HttpResponse.BodyHandlers.ofString());
        requests++;
        expect("GET /api/v1/me with 30 kB of headers", big, 431);
        for (String token : new String[] {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsInJlYWxtX2FjY2VzcyI6eyJyb2xlcyI6WyJhZG1pbiJdfX0.x"}) {
            expectProblem("GET", "/api/v1/me", null, null, token, 401);
        }
    }

    private void expectProblem(String method, String path, String type, String body, String token, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, type, body, token);
        expect(method + " " + shorten(path), r, status);
    }

    private void expect(String what, HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            findings.add(what + ": expected " + status + ", got " + r.statusCode());
        } else if (!r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json")) {
            findings.add(what + ": " + status + " without application/problem+json");
        }
    }

    private void check(String caller, String method, String template, Map<String, String> values, String type,
            String body, Bad bad, String token) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder(template);
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> v : values.entrySet()) {
            String[] kind = v.getKey().split(":", 2);
            if (kind[0].equals("path")) {
                int i = path.indexOf("{" + kind[1] + "}");
                if (i >= 0) {
                    path.replace(i, i + kind[1].length() + 2, v.getValue());
                }
            } else if (kind[0].equals("query")) {
                query.append(query.length() == 0 ? "?" : "&").append(kind[1]).append('=').append(v.getValue());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            String[] kind = v.getKey().split(":", 2);
            if (kind[0].equals("header")) {
                headers.put(kind[1], v.getValue()); // sent as written: a client cannot put a raw control in a header
            }
        }
        boolean inHeader = values.entrySet().stream().anyMatch(v -> v.getKey().startsWith("header:")
                && v.getValue().equals(bad.raw()));
        HttpResponse<String> r = send(method, path + query.toString(), type, body, token, headers);
        String what = caller + " " + method + " " + template + " [" + bad.name() + "]";
        int status = r.statusCode();
        String contentType = r.headers().firstValue("content-type").orElse("");
        if (status >= 500) {
            findings.add(what + ": " + status + " " + shorten(r.body()));
        } else if (status >= 400 && !contentType.startsWith("application/problem+json") && status != 304) {
            findings.add(what + ": " + status + " without application/problem+json (" + contentType + ")");
        } else if (status < 400 && bad.alwaysBad() && !inHeader) {
            findings.add(what + ": accepted (" + status + ")");
        }
        if (status >= 400 && contentType.startsWith("application/problem+json")) {
            try {
                JsonNode problem = JSON.readTree(r.body());
                if (problem.path("status").asInt() != status || !problem.path("title").isTextual()
                        || !problem.path("detail").isTextual()) {
                    findings.add(what + ": a problem without its status, title and detail: " + shorten(r.body()));
                }
            } catch (IOException e) {
                findings.add(what + ": a problem that is not JSON: " + shorten(r.body()));
            }
        }
        if (status > 0 && !documented.contains(String.valueOf(status)) && !documented.contains("default")) {
            findings.add(what + ": " + status + " is not among the documented answers " + documented);
        }
        if (status >= 400 && r.body().length() > 4096) {
            findings.add(what + ": a " + r.body().length() + "-character problem (input quoted whole?)");
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String type, String body, String token)
            throws IOException, InterruptedException {
        return send(method, pathAndQuery, type, body, token, Map.of());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String type, String body, String token,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "")
                + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                b.header(name, value);
            }
        });
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        requests++;
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // an answer the client cannot read (connection closed mid-way) is a finding, not a crash of the probe
            findings.add(method + " " + shorten(pathAndQuery) + ": no readable answer (" + e + ")");
            return new Failed();
        }
    }

    /** One bad value: its name, as a raw URL component, as JSON; always bad = no reading can accept it. */
    record Bad(String name, String raw, JsonNode json, boolean alwaysBad) {
    }

    static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Plain text around a bad character: long enough for any minimum length, so only the character is at fault. */
    static final String TEXT = "12 rue de la Paix, 75002 Paris";
    /** Stands for the JSON escape of a lone surrogate, which no encoder would send as a character. */
    static final String LONE_SURROGATE = "\uE000lone-surrogate\uE000";

    static final List<Bad> PARAMETER_CORPUS = List.of(
            new Bad("NUL", "a%00b", null, true),
            new Bad("line feed", "a%0A" + MARKER, null, true),
            new Bad("ESC", "a%1B%5B31m", null, true),
            new Bad("C1 control", "a%C2%85b", null, true),
            new Bad("invalid UTF-8", "%FF%FE", null, true),
            new Bad("long", "x".repeat(3000), null, false),
            new Bad("fraction", "1.5", null, false),
            new Bad("huge number", "99999999999999999999999", null, false),
            new Bad("negative", "-1", null, false),
            new Bad("empty", "", null, false),
            new Bad("unicode", URLEncoder.encode("é😀\u202E", StandardCharsets.UTF_8), null, false),
            new Bad("sql", URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), null, false),
            new Bad("dot segments", "..%2F..%2Fetc", null, false));

    static List<Bad> fieldCorpus(JsonNode schema) {
        String type = schema.path("type").asText("");
        List<Bad> corpus = new ArrayList<>(List.of(
                new Bad("object", null, F.objectNode().put("a", 1), false),
                new Bad("array", null, F.arrayNode().add(1), false),
                new Bad("null", null, F.nullNode(), false),
                new Bad("long text", null, F.textNode("x".repeat(100_000)), false)));
        if (type.equals("integer")) {
            corpus.add(new Bad("fraction for an integer", null, F.numberNode(1.5), true));
            corpus.add(new Bad("text for an integer", null, F.textNode("1"), true));
            corpus.add(new Bad("huge integer", null, F.numberNode(new java.math.BigInteger("9".repeat(40))), false));
            corpus.add(new Bad("boolean for an integer", null, F.booleanNode(true), true));
        } else if (type.equals("string") || type.isEmpty()) {
            corpus.add(new Bad("NUL in text", null, F.textNode(TEXT + "\u0000" + TEXT), true));
            corpus.add(new Bad("BEL in text", null, F.textNode(TEXT + "\u0007" + TEXT), true));
            corpus.add(new Bad("ESC in text", null, F.textNode(TEXT + "\u001b[31m" + TEXT), true));
            corpus.add(new Bad("C1 in text", null, F.textNode(TEXT + "\u0085" + TEXT), true));
            corpus.add(new Bad("lone surrogate", null, F.textNode(TEXT + LONE_SURROGATE + TEXT), true));
            corpus.add(new Bad("forged line", null, F.textNode(TEXT + FORGED_LINE), false));
            if (type.equals("string")) {
                corpus.add(new Bad("number for a text", null, F.numberNode(42), true));
                corpus.add(new Bad("boolean for a text", null, F.booleanNode(false), true));
            }
        } else if (type.equals("boolean")) {
            corpus.add(new Bad("text for a boolean", null, F.textNode("true"), true));
            corpus.add(new Bad("number for a boolean", null, F.numberNode(1), true));
        } else if (type.equals("array")) {
            corpus.add(new Bad("deep array", null, deep(990), false));
        }
        return corpus;
    }

    static JsonNode deep(int depth) {
        ArrayNode root = F.arrayNode();
        ArrayNode current = root;
        for (int i = 0; i < depth; i++) {
            ArrayNode next = F.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    static String sample(JsonNode schema, String name) {
        String type = schema.path("type").asText("string");
        if (type.equals("integer") || type.equals("number")) {
            return "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0).asText();
        }
        String n = name.toLowerCase();
        if (n.contains("code") || n.contains("caisse")) {
            return "CPAM-75";
        }
        if (n.equals("n") || n.contains("number") || n.contains("fiche")) {
            return "1";
        }
        if (n.contains("date") || n.contains("before") || n.endsWith("on")) {
            return "2026-01-15";
        }
        return UUID.randomUUID().toString();
    }

    static JsonNode sampleBody(JsonNode doc, JsonNode schema, int depth) {
        schema = resolve(doc, schema);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                if (depth < 3) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), sampleBody(doc, p.getValue(), depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                return F.arrayNode().add(sampleBody(doc, schema.path("items"), depth + 1));
            }
            case "integer", "number" -> {
                return F.numberNode(1);
            }
            case "boolean" -> {
                return F.booleanNode(false);
            }
            default -> {
                if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
                    return schema.path("enum").get(0);
                }
                return F.textNode("texte d'essai");
            }
        }
    }

    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.path("$ref").asText();
            schema = doc.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(doc, schema.path("allOf").get(0));
        }
        return schema;
    }

    private static String firstContentType(JsonNode op) {
        Iterator<String> types = op.at("/requestBody/content").fieldNames();
        return types.hasNext() ? types.next() : "application/json";
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }

    /** A response that never came. */
    private static final class Failed implements HttpResponse<String> {
        @Override
        public int statusCode() {
            return 0;
        }

        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public String body() {
            return "";
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }

    /**
     * Against a running service: {@code java … ApiProbe http://127.0.0.1:8082 name=token …}; exits 1 on any finding.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            callers.put(kv[0], kv[1]);
        }
        Report report = new ApiProbe(URI.create(args[0]), callers).run();
        report.findings().forEach(System.out::println);
        System.out.println(report.requests() + " requests, " + report.findings().size() + " findings");
        System.exit(report.findings().isEmpty() ? 0 : 1);
    }
}
