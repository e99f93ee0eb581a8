package io.huitong.bench.tasklist;

import io.huitong.bench.BenchApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clerk in Camunda Tasklist, as the browser is: logged in through the webapp's own form, the session cookie and
 * the XSRF token kept and sent with every request to the webapp's engine API (as {@code WebappSession} of the
 * tests does with Spring's client).
 */
final class TasklistSession {

    /** What Tasklist's HTTP client asks for (camunda-bpm-sdk-js): HAL first, with the embedded resources. */
    static final String ACCEPT = "application/hal+json, application/json; q=0.5";

    private final BenchApp app;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String xsrf;

    TasklistSession(BenchApp app, String user) throws IOException, InterruptedException {
        this.app = app;
        keep(app.send(null, HttpRequest.newBuilder(app.uri("/camunda/app/tasklist/default/")).GET()));
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> login = app.send(null, headers(HttpRequest.newBuilder(
                app.uri("/camunda/api/admin/auth/user/default/login/tasklist")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() / 100 != 2) {
            throw new IllegalStateException("login of " + user + " to Tasklist: " + login.statusCode() + " "
                    + login.body());
        }
        keep(login);
        keep(app.send(null, headers(HttpRequest.newBuilder(app.uri("/camunda/app/tasklist/default/"))).GET()));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return app.send(null, headers(HttpRequest.newBuilder(app.uri(path))).header("Accept", ACCEPT).GET());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return app.send(null, headers(HttpRequest.newBuilder(app.uri(path))).header("Accept", ACCEPT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder headers(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.values()));
        }
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return request;
    }

    private void keep(HttpResponse<String> response) {
        List<String> set = response.headers().allValues("Set-Cookie");
        for (String cookie : set) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair);
        }
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrf = token);
    }
}
