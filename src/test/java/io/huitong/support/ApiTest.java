package io.huitong.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A running Huitong on a random port (in-memory H2, demo users, job executor off) and a clock set to
 * 2026-11-27 10:00 in China. Requests go through HTTP as a portal's would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public abstract class ApiTest {

    public static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-27T10:00:00+08:00[Asia/Shanghai]");

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ProcessEngine engine;

    /** Moves the one clock of domain and engine; nothing sleeps. */
    protected void clockAt(ZonedDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    }

    /**
     * Runs every job that is due at the clock's time, as the job executor would (it is off in tests), until none
     * is left: timers whose date has come and asynchronous continuations.
     */
    protected int runDueJobs() {
        int ran = 0;
        for (int pass = 0; pass < 200; pass++) {
            List<Job> due = engine.getManagementService().createJobQuery().executable().list();
            if (due.isEmpty()) {
                return ran;
            }
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
                ran++;
            }
        }
        throw new AssertionError("jobs keep coming: a loop in a model?");
    }

    @BeforeEach
    void setClock() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        // Camunda's REST API and webapps look "the" engine up in a JVM-wide registry, which a context closed
        // meanwhile (another test class's) may have cleared: this context's engine is the one they must find
        ProcessEngines.registerProcessEngine(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** The body as a tree; numbers with decimals are BigDecimal, so money compares exactly. */
    protected static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    protected ResponseEntity<String> post(String user, String path, String json) {
        return exchange(user, HttpMethod.POST, path, json);
    }

    protected ResponseEntity<String> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null);
    }

    /** A GET answered with bytes (a download: an archive package, a record). */
    protected ResponseEntity<byte[]> bytes(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** A POST of bytes with their own type (a zip to verify, a file to upload). */
    protected ResponseEntity<String> postBytes(String user, String path, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    protected ResponseEntity<String> exchange(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        // a portal says JSON on every POST, with a body or without (a state change must: JsonRequiredFilter)
        if (json != null || method == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        if (user != null) {
            // demo passwords equal the user name (application-demo.yaml)
            headers.setBasicAuth(user, user);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    /** A session of Camunda's webapps (Tasklist), logged in through its own form: cookies and CSRF token kept. */
    protected final class WebappSession {

        private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
        private String xsrf;

        public WebappSession(String user, String app) {
            ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
            keep(page);
            org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
            form.add("username", user);
            form.add("password", user);
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            ResponseEntity<String> login = http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                    new HttpEntity<>(form, headers), String.class);
            if (!login.getStatusCode().is2xxSuccessful()) {
                throw new AssertionError("login of " + user + " to " + app + ": " + login.getStatusCode());
            }
            keep(login);
            keep(http.exchange("/camunda/app/" + app + "/default/", HttpMethod.GET, new HttpEntity<>(headers()),
                    String.class));
        }

        private void keep(ResponseEntity<String> response) {
            java.util.List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
            if (set != null) {
                set.forEach(c -> {
                    String pair = c.split(";", 2)[0];
                    cookies.put(pair.substring(0, pair.indexOf('=')), pair);
                });
            }
            String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
            if (token != null) {
                xsrf = token;
            }
        }

        private HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.put(HttpHeaders.COOKIE, new java.util.ArrayList<>(cookies.values()));
            if (xsrf != null) {
                headers.set("X-XSRF-TOKEN", xsrf);
            }
            return headers;
        }

        public ResponseEntity<String> get(String path) {
            return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), String.class);
        }

        /** The session's cookies alone, as a forged cross-site request would carry them. */
        public java.util.List<String> cookies() {
            return new java.util.ArrayList<>(cookies.values());
        }

        public ResponseEntity<String> post(String path, String json) {
            return exchange(HttpMethod.POST, path, json);
        }

        public ResponseEntity<String> put(String path, String json) {
            return exchange(HttpMethod.PUT, path, json);
        }

        private ResponseEntity<String> exchange(HttpMethod method, String path, String json) {
            HttpHeaders headers = headers();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
        }
    }
}
