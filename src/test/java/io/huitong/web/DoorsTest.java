package io.huitong.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.huitong.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every door: Huitong's API, Camunda's REST API and the webapps' own API answer anonymous requests with 401;
 * browser sessions need their CSRF token for what changes state; no credential is written anywhere but in the
 * demo profile.
 */
class DoorsTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    /**
     * Spring Boot's default in-memory user (name "user", password logged at start-up) would stand behind every
     * basic-authenticated door as a fallback: there is none, and "user" is refused like any unknown name.
     */
    /**
     * Behind every door that lists tasks (Tasklist, /engine-rest, the API) the engine asks Huitong's task query, whose
     * authorization check AuthorizedTaskQueryTest and AuthorizedTaskQueryPostgresIT compare with the engine's own.
     */
    @Test
    void task_lists_are_asked_through_huitongs_authorized_task_query() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskByQueryCriteria"))
                .isEqualTo("io.huitong.shared.security.AuthorizedTaskQuery.selectAuthorizedTasksByQueryCriteria");
        assertThat(configuration.getDbSqlSessionFactory().mapStatement("selectTaskCountByQueryCriteria"))
                .isEqualTo("io.huitong.shared.security.AuthorizedTaskQuery.selectAuthorizedTaskCountByQueryCriteria");
    }

    @Test
    void there_is_no_generated_default_user() {
        assertThat(context.getBeansOfType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("user", "user");
        assertThat(http.exchange("/api/tenders/x/decisions", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anonymous_requests_to_any_door_get_401() {
        for (String path : new String[] {"/api/remote-evaluations", "/api/partner/steps", "/api/centres",
            "/api/experts", "/api/my/expert-assignments", "/api/centre-agreements", "/api/tenders/x/decisions",
            "/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/history/task",
            "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/process-definition",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/camunda/api/admin/auth/user/default/profile"}) {
            assertThat(get(null, path).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        for (String path : new String[] {"/api/remote-evaluations/x/plan", "/api/tenders/x/evaluation-venue",
            "/engine-rest/task/x/complete", "/camunda/api/engine/engine/default/task/x/submit-form"}) {
            assertThat(post(null, path, "{}").getStatusCode()).as(path).isIn(HttpStatus.UNAUTHORIZED,
                    HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void a_browser_session_changes_nothing_without_its_CSRF_token() {
        WebappSession tasklist = new WebappSession("clerk", "tasklist");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task").getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> forged = http.exchange("/camunda/api/engine/engine/default/task/x/claim",
                HttpMethod.POST, new HttpEntity<>("{\"userId\":\"clerk\"}", cookiesOnly(tasklist)), String.class);
        assertThat(forged.getStatusCode()).as("a cross-site request rides on the cookie, not on the token")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static HttpHeaders cookiesOnly(WebappSession session) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.put(HttpHeaders.COOKIE, session.cookies());
        return headers;
    }

    @Test
    void no_credential_is_written_outside_the_demo_profile() throws IOException {
        Pattern secret = Pattern.compile("(?i)(password|secret|token|credential)s?\\s*[:=]\\s*\"?([^\"\\s,}]+)");
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main"), Path.of("docker"), Path.of("processes"), Path.of("rules"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.equals("application-demo.yaml") || name.endsWith(".png") || name.endsWith(".jar")) {
                        continue;
                    }
                    Matcher m = secret.matcher(Files.readString(file));
                    while (m.find()) {
                        String value = m.group(2);
                        // empty, a placeholder, an expression or a name in code: no credential
                        if (!value.isEmpty() && !value.startsWith("${") && !value.matches("[a-z][A-Za-z0-9_.()]*;?")
                                && !value.matches("\\.\\.\\.|<[^>]*>")) {
                            found.add(file + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
