package io.huitong.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, "done means": no malformed request is answered 5xx. Every operation the API describes (its own
 * OpenAPI description) gets a bounded, deterministic set of malformed requests — no body, {@code {}}, broken JSON,
 * an array, each declared property of the wrong type, null, over-long or an impossible date, unknown query
 * parameters with control characters, hostile path parameters — with an unknown id and, under
 * {@code /api/tenders/}, a registered tender's. Every answer is below 500, and a refusal (4xx) is a problem
 * (RFC 9457). All failures are collected and shown in one message.
 */
class MalformedRequestsTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * Operations left out: they stream or take no JSON, so none of these bodies means anything to them. The
     * opening's live feed is server-sent events (a request stays open); deployments are multipart and the archive
     * check takes a zip (both are fed a JSON body anyway below, which they must refuse with 415, not 5xx).
     */
    private static final Set<String> STREAMING = Set.of("GET /public/tenders/{tenderId}/opening/live");

    /** Operations that also get a 2,000,000-character value (over the body limit): a few, to keep time. */
    private static final Set<String> HUGE = Set.of("POST /api/tenders", "POST /api/tenders/{tenderId}/bids",
            "POST /api/tenders/{tenderId}/objections");

    private static final String LONG = "长".repeat(5_000);
    private static final String HUGE_TEXT = "x".repeat(2_000_000);
    private static final String LONG_ID = "i".repeat(300);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> failures = new ArrayList<>();
    private int sent;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    @Test
    void no_malformed_request_is_answered_5xx() throws Exception {
        Answer docs = send("demo", "GET", "/v3/api-docs", null);
        assertThat(docs.status).as(docs.body).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body);

        Answer registered = send("purchaser", "POST", "/api/tenders", works().toString());
        assertThat(registered.status).as(registered.body).isEqualTo(201);
        String tenderId = JSON.readTree(registered.body).get("id").asText();

        // sorted, so that the order of requests (and of the states they may reach) is the same every run
        Map<String, JsonNode> paths = new TreeMap<>();
        api.get("paths").fields().forEachRemaining(e -> paths.put(e.getKey(), e.getValue()));
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : paths.entrySet()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method.toUpperCase() + " " + path.getKey();
                if (STREAMING.contains(name)) {
                    continue;
                }
                operations++;
                probe(api, method.toUpperCase(), path.getKey(), operation, tenderId, operations);
            }
        }

        System.out.println("MalformedRequestsTest: " + sent + " requests over " + operations + " operations, statuses "
                + statuses);
        assertThat(operations).as("operations described").isGreaterThan(50);
        assertThat(failures).as(failures.size() + " of " + sent + " malformed requests over " + operations
                + " operations were not answered with a problem below 500:\n" + String.join("\n", failures))
                .isEmpty();
    }

    /** The error page is where errors are forwarded; asked for directly it is no door: 404, not 500. */
    @Test
    void the_error_page_asked_for_directly_is_not_found() throws Exception {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Answer answer = send("demo", method, "/error", method.equals("POST") ? "{}" : null);
            assertThat(answer.status).as(answer.body).isEqualTo(404);
            assertThat(isProblem(answer)).as(answer.type + " " + answer.body).isTrue();
        }
        assertThat(failures).isEmpty();
    }

    private void probe(JsonNode api, String method, String template, JsonNode operation, String tenderId, int n)
            throws Exception {
        String unknown = fill(template, "does-not-exist", tenderId, false);
        String real = template.startsWith("/api/tenders/{") ? fill(template, "does-not-exist", tenderId, true) : null;
        JsonNode schema = bodySchema(api, operation);
        boolean json = schema != null;
        ObjectNode filled = schema != null && isObject(api, schema) ? (ObjectNode) sample(api, schema, 0) : null;
        if (method.equals("POST") && template.equals("/api/tenders")) {
            // a registration the rules accept, so that each wrong value is the only thing wrong with it
            filled = (ObjectNode) JSON.readTree(works().toString());
        }

        // hostile path parameters, unknown query parameters with control characters
        if (template.contains("{")) {
            for (String hostile : List.of("%00", "..%2F..%2Fengine-rest%2Fuser", LONG_ID, "%E4%B8%AD%0A%1B")) {
                send("demo", method, fill(template, hostile, tenderId, false), json ? "{}" : null);
            }
        }
        String target = real != null ? real : unknown;
        send("demo", method, target + "?zz%00=%01%0A%1B&__proto__=%7B%7D&size=-1&page=99999999999999999999", json ? "{}" : null);

        // a user without rights, on a sample of the operations
        if (n % 3 == 0) {
            send("bidder", method, target, json ? "{}" : null);
            send("bidder", method, target, filled != null ? filled.toString() : null);
        }

        if (!json && !method.equals("POST") && !method.equals("PUT")) {
            send("demo", method, unknown, null);
            if (real != null) {
                send("demo", method, real, null);
            }
            return;
        }

        List<String> bodies = new ArrayList<>(List.of("", "{}", "{\"a\":", "[]", "[{}]", "null", "\"text\"", "42"));
        if (filled != null) {
            bodies.add(filled.toString());
            ObjectNode properties = properties(api, schema);
            for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                String property = it.next();
                JsonNode declared = resolve(api, properties.get(property));
                for (JsonNode wrong : wrongValues(declared)) {
                    ObjectNode body = filled.deepCopy();
                    body.set(property, wrong);
                    bodies.add(body.toString());
                }
            }
            if (HUGE.contains(method + " " + template) && properties.size() > 0) {
                ObjectNode body = filled.deepCopy();
                body.put(properties.fieldNames().next(), HUGE_TEXT);
                bodies.add(body.toString());
            }
        }
        if (real != null) {
            for (String body : bodies) {
                send("demo", method, real, body);
            }
            // the unknown id with the bodies that say most
            for (String body : bodies.subList(0, Math.min(bodies.size(), 9))) {
                send("demo", method, unknown, body);
            }
        } else {
            for (String body : bodies) {
                send("demo", method, unknown, body);
            }
        }
    }

    /** A value of every wrong kind for a declared property, null, over-long text, impossible dates. */
    private static List<JsonNode> wrongValues(JsonNode declared) {
        String type = declared.path("type").asText("");
        List<JsonNode> values = new ArrayList<>();
        if (!type.equals("number") && !type.equals("integer")) {
            values.add(NODES.numberNode(-1.5e300));
        }
        if (!type.equals("string")) {
            values.add(NODES.textNode("not-a-" + (type.isEmpty() ? "value" : type)));
        }
        if (!type.equals("boolean")) {
            values.add(NODES.booleanNode(true));
        }
        if (!type.equals("object")) {
            values.add(NODES.objectNode().put("x", 1));
        }
        if (type.equals("array")) {
            values.add(NODES.arrayNode().add(NODES.nullNode()).add(NODES.textNode(LONG)));
        }
        values.add(NODES.nullNode());
        values.add(NODES.textNode(LONG));
        values.add(NODES.textNode("10000-01-01"));
        values.add(NODES.textNode("2026-13-45"));
        if (declared.path("format").asText("").equals("date-time")) {
            values.add(NODES.textNode("10000-01-01T00:00:00+08:00"));
            values.add(NODES.textNode("2026-13-45T25:61:00+99:00"));
        }
        if (type.equals("number") || type.equals("integer")) {
            values.add(NODES.numberNode(new java.math.BigDecimal("1e100000")));
            values.add(NODES.numberNode(-1));
        }
        return values;
    }

    /** The path with its parameters filled: {tenderId} and {id} under /api/tenders/ with the real tender if asked. */
    private static String fill(String template, String value, String tenderId, boolean realTender) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            boolean tender = realTender && first && (m.group(1).equals("tenderId") || m.group(1).equals("id"))
                    && template.startsWith("/api/tenders/{");
            m.appendReplacement(out, Matcher.quoteReplacement(tender ? tenderId : value));
            first = false;
        }
        m.appendTail(out);
        return out.toString();
    }

    // --- the description's schemas ------------------------------------------------------------------------------

    private static JsonNode bodySchema(JsonNode api, JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            if (type.contains("json")) {
                return resolve(api, content.get(type).path("schema"));
            }
        }
        return null;
    }

    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        for (int i = 0; i < 10 && schema.has("$ref"); i++) {
            String ref = schema.get("$ref").asText();
            schema = api.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(api, schema.get("allOf").get(0));
        }
        return schema;
    }

    private static boolean isObject(JsonNode api, JsonNode schema) {
        return "object".equals(schema.path("type").asText()) || schema.has("properties");
    }

    private static ObjectNode properties(JsonNode api, JsonNode schema) {
        return schema.path("properties") instanceof ObjectNode o ? o : NODES.objectNode();
    }

    /** A plausible value of the schema: the base each property's wrong value is set into. */
    private static JsonNode sample(JsonNode api, JsonNode schema, int depth) {
        schema = resolve(api, schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    properties(api, schema).fields()
                            .forEachRemaining(e -> object.set(e.getKey(), sample(api, e.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> depth < 3 ? NODES.arrayNode().add(sample(api, schema.path("items"), depth + 1))
                    : NODES.arrayNode();
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(new java.math.BigDecimal("1000.00"));
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(switch (format) {
                case "date" -> "2026-12-01";
                case "date-time" -> "2026-12-21T09:30:00+08:00";
                default -> "x";
            });
        };
    }

    // --- sending and judging --------------------------------------------------------------------------------------

    private record Answer(int status, String type, String body) {
    }

    private Answer send(String user, String method, String path, String body) throws Exception {
        sent++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, application/problem+json, */*");
        if (body != null || method.equals("POST") || method.equals("PUT")) {
            // a portal says JSON on every POST, with a body or without (a state change must: JsonRequiredFilter)
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Answer answer;
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer = new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            failures.add(line(user, method, path, body, "no answer: " + e, ""));
            return new Answer(-1, "", "");
        }
        statuses.merge(answer.status, 1, Integer::sum);
        judge(user, method, path, body, answer);
        return answer;
    }

    private void judge(String user, String method, String path, String body, Answer answer) {
        if (answer.status >= 500) {
            failures.add(line(user, method, path, body, String.valueOf(answer.status), answer.body));
        } else if (answer.status >= 400 && !isProblem(answer)
                && !(path.startsWith("/engine-rest/") && isEngineError(answer))) {
            failures.add(line(user, method, path, body, answer.status + " not a problem (" + answer.type + ")",
                    answer.body));
        }
    }

    private static boolean isProblem(Answer answer) {
        if (!answer.type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(answer.body);
            return problem.path("status").asInt() == answer.status && problem.hasNonNull("title");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * What Camunda's REST API answers for an error that is not a refusal of Huitong's (EngineRestProblems hands
     * those to Camunda's own handlers): JSON with the exception's type and message.
     */
    private static boolean isEngineError(Answer answer) {
        if (!answer.type.startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode error = JSON.readTree(answer.body);
            return error.hasNonNull("type") && error.has("message");
        } catch (Exception e) {
            return false;
        }
    }

    private static String line(String user, String method, String path, String body, String status, String answer) {
        return "  " + method + " " + excerpt(path, 120) + " as " + user + " body=" + excerpt(body, 120) + " -> "
                + status + " " + excerpt(answer, 300);
    }

    private static String excerpt(String text, int max) {
        if (text == null) {
            return "(none)";
        }
        String flat = text.replace("\n", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }
}
