package io.huitong.web;

import static io.huitong.support.RegistrationJson.works;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.huitong.support.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input and hostile clients get a problem with the right status, never a 500, and lock nobody out for good:
 * login throttling (issue 14 item 3), limits on bodies, texts and dates (9), JSON for every POST and a described
 * API that says which doors are open (10), Tomcat's and the firewall's refusals as problems (14).
 */
class BadInputTest extends ApiTest {

    // --- logins ------------------------------------------------------------------------------------------------

    @Test
    void camundas_password_check_is_no_way_to_guess_anothers_password() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("bidder", "bidder");
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> guess = http.exchange("/engine-rest/identity/verify", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"demo\",\"password\":\"guess\"}", headers), String.class);
        assertThat(guess.getStatusCode()).as("unthrottled, unauthorized: closed to all but administrators")
                .isEqualTo(org.springframework.http.HttpStatus.FORBIDDEN);
    }

    @Test
    void another_sites_page_changes_nothing_even_where_no_json_is_asked() {
        HttpHeaders multipart = new HttpHeaders();
        multipart.setBasicAuth("designer", "designer");
        multipart.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        multipart.set("Sec-Fetch-Site", "cross-site");
        org.springframework.util.LinkedMultiValueMap<String, Object> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("deployment-name", "from-another-site");
        ResponseEntity<String> deploy = http.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(form, multipart), String.class);
        assertThat(deploy.getStatusCode()).as(deploy.getBody()).isEqualTo(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("from-another-site").count())
                .isZero();

        HttpHeaders json = new HttpHeaders();
        json.setBasicAuth("ruleauthor", "ruleauthor");
        json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        json.set("Origin", "http://evil.example");
        ResponseEntity<String> reload = http.exchange("/api/rules/reload", HttpMethod.POST, new HttpEntity<>(json),
                String.class);
        assertThat(reload.getStatusCode()).as(reload.getBody()).isEqualTo(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(json(reload).get("violations").get(0).get("field").asText()).isEqualTo("Origin");
    }

    private String userWithPassword(String password) {
        String id = "u" + UUID.randomUUID().toString().substring(0, 8);
        User user = engine.getIdentityService().newUser(id);
        user.setPassword(password);
        engine.getIdentityService().saveUser(user);
        return id;
    }

    private ResponseEntity<String> as(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        return http.exchange("/api/centres", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void eleven_wrong_passwords_spaced_out_do_not_lock_an_account_for_good() {
        String user = userWithPassword("right-password");
        for (int i = 0; i < 11; i++) {
            clockAt(NOW.plusMinutes(2L * i));
            assertThat(as(user, "wrong").getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
        }
        clockAt(NOW.plusMinutes(34));
        assertThat(as(user, "right-password").getStatusCode()).as("12 minutes later the right password works")
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void wrong_passwords_in_a_row_lock_for_a_bounded_while_and_say_until_when() {
        String user = userWithPassword("right-password");
        for (int i = 0; i < 30; i++) {
            assertThat(as(user, "wrong").getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
        }
        ResponseEntity<String> locked = as(user, "right-password");
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        long retryAfter = Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = json(locked);
        assertThat(problem.path("type").asText()).endsWith("/login-locked");
        assertThat(problem.path("retryAfter").asLong()).isEqualTo(retryAfter);
        Instant until = Instant.parse(problem.path("lockedUntil").asText());
        assertThat(until).isEqualTo(NOW.toInstant().plusSeconds(retryAfter));
        assertThat(problem.path("detail").asText()).contains("temporarily locked until " + until);

        clockAt(NOW.plusSeconds(retryAfter));
        assertThat(as(user, "right-password").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // --- limits ------------------------------------------------------------------------------------------------

    @Test
    void a_body_over_the_cap_is_413_without_being_read() {
        String body = works().with("title", "x".repeat(1_200_000)).toString();
        ResponseEntity<String> response = post("purchaser", "/api/tenders", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json(response).path("type").asText()).endsWith("/payload-too-large");
        assertThat(json(response).at("/violations/0/limit").asLong()).isEqualTo(1_100_000L);
    }

    @Test
    void an_over_long_title_is_refused_naming_the_field_and_its_decision_record_is_kept() {
        String body = works().with("title", "x".repeat(1_000_000)).toString();
        ResponseEntity<String> response = post("purchaser", "/api/tenders", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        JsonNode problem = json(response);
        assertThat(problem.at("/violations/0/field").asText()).isEqualTo("title");
        assertThat(problem.at("/violations/0/limit").asInt()).isEqualTo(300);
        assertThat(response.getBody().length()).as("the value is not echoed whole").isLessThan(5_000);
        ResponseEntity<String> record = get("purchaser", "/api/decisions/" + problem.path("decisionId").asText());
        assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(record).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(json(record).at("/inputs/registration/title").asText()).contains("1000000 chars, sha256 ");
    }

    @Test
    void dates_outside_2000_to_2100_are_400_naming_the_field() {
        ResponseEntity<String> far = post("purchaser", "/api/tenders",
                works().with("bidDeadline", "+10000-12-21T09:30:00+08:00").toString());
        assertThat(far.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(far).at("/violations/0/field").asText()).isEqualTo("bidDeadline");
        assertThat(json(far).at("/violations/0/rule").asText()).isEqualTo("limits.date");

        ResponseEntity<String> early = post("purchaser", "/api/tenders",
                works().with("documentIssueDate", "1999-12-01").toString());
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(early).at("/violations/0/field").asText()).isEqualTo("documentIssueDate");
    }

    @Test
    void a_second_centre_on_a_centres_group_is_409() {
        ResponseEntity<String> response = post("demo", "/api/centres",
                "{\"code\":\"ZZ2\",\"name\":\"郑州第二中心\",\"regionCode\":\"410100\",\"groupId\":\"centre-zz\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(json(response).path("type").asText()).endsWith("/conflict");
    }

    @Test
    void a_wrong_type_is_400_without_jacksons_words() {
        ResponseEntity<String> response = post("purchaser", "/api/tenders",
                works().withRaw("title", "{\"a\":1}").toString());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).at("/violations/0/field").asText()).isEqualTo("title");
        assertThat(response.getBody()).doesNotContain("JsonToken", "java.lang", "`", "deserialize");
    }

    // --- doors -------------------------------------------------------------------------------------------------

    @Test
    void a_post_that_is_not_json_changes_nothing() {
        for (MediaType type : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED, null}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBasicAuth("ruleauthor", "ruleauthor");
            if (type != null) {
                headers.setContentType(type);
            }
            ResponseEntity<String> response = http.exchange("/api/rules/reload", HttpMethod.POST,
                    new HttpEntity<>(type == null ? null : "x=1", headers), String.class);
            assertThat(response.getStatusCode()).as(String.valueOf(type)).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(json(response).path("type").asText()).endsWith("/json-required");
        }
        assertThat(post("ruleauthor", "/api/rules/reload", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_api_description_needs_a_login_and_declares_the_public_pages_open() {
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config"}) {
            assertThat(get(null, path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        JsonNode api = json(get("clerk", "/v3/api-docs"));
        assertThat(api.at("/security/0/basic").isArray()).isTrue();
        JsonNode result = api.at("/paths/~1public~1tenders~1{tenderId}~1result/get/security");
        assertThat(result.isArray() && result.isEmpty()).as("public pages need no login: " + result).isTrue();
    }

    // --- what never reaches a controller -----------------------------------------------------------------------

    @Test
    void paths_tomcat_cannot_read_are_400_problems() throws IOException {
        for (String path : new String[] {"/api/%", "/api/tenders/a%2Fb"}) {
            Raw raw = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(raw.status).as(path).isEqualTo(400);
            assertThat(raw.header("content-type")).as(path).startsWith("application/problem+json");
            assertThat(raw.body).as(path).contains("\"status\":400");
        }
    }

    @Test
    void a_control_character_in_a_header_is_a_400_problem() throws IOException {
        String auth = Base64.getEncoder().encodeToString("purchaser:purchaser".getBytes(StandardCharsets.UTF_8));
        String body = works().toString();
        Raw raw = raw("POST /api/tenders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\u0085b\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        assertThat(raw.status).isEqualTo(400);
        assertThat(raw.header("content-type")).startsWith("application/problem+json");
    }

    private record Raw(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return "";
        }
    }

    /** A request written byte for byte (ISO-8859-1 for the head, as on the wire), read until the server closes. */
    private Raw raw(String request) throws IOException {
        URI root = URI.create(http.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            int split = request.indexOf("\r\n\r\n") + 4;
            out.write(request.substring(0, split).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.substring(split).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, text.substring(end + 4));
        }
    }
}
