package io.huitong.shared.security;

import static io.huitong.shared.security.Groups.ADMIN;
import static io.huitong.shared.security.Groups.BIDDER;
import static io.huitong.shared.security.Groups.CENTRE_CLERK;
import static io.huitong.shared.security.Groups.CENTRE_DIRECTOR;
import static io.huitong.shared.security.Groups.FINANCE_DEPARTMENT;
import static io.huitong.shared.security.Groups.MONITORING;
import static io.huitong.shared.security.Groups.PROCESS_DESIGNER;
import static io.huitong.shared.security.Groups.PURCHASER;
import static io.huitong.shared.security.Groups.REGISTRATION_CLERK;
import static io.huitong.shared.security.Groups.RULE_AUTHOR;
import static io.huitong.shared.security.Groups.SUPERVISOR;
import static io.huitong.shared.security.Groups.authorities;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.shared.audit.AuditFilter;
import io.huitong.shared.audit.AuditLog;
import io.huitong.shared.web.BodyLimitFilter;
import io.huitong.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every door of the API and of the engine's REST API needs HTTP Basic against Camunda's identity; roles are
 * Camunda groups. Camunda's webapps (Cockpit, Tasklist, Admin) keep their own login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, IdentityService identity, ObjectMapper json, AuditLog audit,
            io.huitong.shared.operations.IdempotencyKeys idempotencyKeys, java.time.Clock clock, LoginThrottle throttle,
            BodyLimitFilterHolder bodyLimit) throws Exception {
        ProblemResponses problems = new ProblemResponses(json, clock);
        // path matchers on the whole path: /engine-rest is Camunda's Jersey servlet, not Spring MVC; the API
        // description in every form (/v3/api-docs, /v3/api-docs.yaml, /v3/api-docs/swagger-config) needs a login
        http.securityMatcher(any("/api/**", "/engine-rest/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**",
                "/v3/api-docs*", "/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.GET, "/actuator/prometheus"))
                        .hasAnyAuthority(authorities(ADMIN, MONITORING))
                        // Camunda's password check answers for any user without authorization or throttle: an
                        // account could guess another's password through it
                        .requestMatchers(path(HttpMethod.POST, "/engine-rest/identity/verify"))
                        .hasAnyAuthority(authorities(ADMIN))
                        // the sandbox profile's clock (shared/time/SandboxClockController): administrators move it
                        .requestMatchers(path(HttpMethod.POST, "/api/sandbox/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers(path(HttpMethod.POST, "/api/rules/reload"))
                        .hasAnyAuthority(authorities(ADMIN, RULE_AUTHOR))
                        // the impact of a candidate rule set reads past decisions of every tender
                        .requestMatchers(path(HttpMethod.POST, "/api/rules/impact"),
                                path(HttpMethod.GET, "/api/rules/impact/**"))
                        .hasAnyAuthority(authorities(ADMIN, RULE_AUTHOR))
                        .requestMatchers(path(HttpMethod.POST, "/api/processes/redeploy"),
                                path(HttpMethod.POST, "/engine-rest/deployment/**"),
                                path(HttpMethod.DELETE, "/engine-rest/deployment/**"))
                        .hasAnyAuthority(authorities(ADMIN, PROCESS_DESIGNER))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders"))
                        .hasAnyAuthority(authorities(ADMIN, PURCHASER, REGISTRATION_CLERK))
                        .requestMatchers(path(HttpMethod.POST, "/api/mall/agreements"),
                                path(HttpMethod.POST, "/api/mall/agreements/**"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_CLERK))
                        .requestMatchers(path(HttpMethod.POST, "/api/mall/orders"))
                        .hasAnyAuthority(authorities(ADMIN, PURCHASER))
                        .requestMatchers(path(HttpMethod.POST, "/api/credit/**"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/e-guarantees"))
                        .hasAnyAuthority(authorities(ADMIN, BIDDER))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/bids"),
                                path(HttpMethod.DELETE, "/api/tenders/*/bids/*"),
                                path(HttpMethod.POST, "/api/tenders/*/bids/*/decryption"),
                                path(HttpMethod.POST, "/api/tenders/*/bids/*/consortium-confirmation"))
                        .hasAnyAuthority(authorities(ADMIN, BIDDER))
                        // an objection suspends the procedure (TBR 22): only those who may bid raise one, each for
                        // its own company, not any account of the platform
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/objections"))
                        .hasAnyAuthority(authorities(BIDDER))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/clarifications"),
                                path(HttpMethod.POST, "/api/tenders/*/objections/*/answer"),
                                path(HttpMethod.POST, "/api/tenders/*/award"),
                                path(HttpMethod.POST, "/api/tenders/*/after-failure"),
                                path(HttpMethod.POST, "/api/tenders/*/termination"),
                                path(HttpMethod.POST, "/api/tenders/*/contract"),
                                path(HttpMethod.POST, "/api/tenders/*/contract/*"),
                                path(HttpMethod.POST, "/api/tenders/*/supervisor-report"))
                        .hasAnyAuthority(authorities(ADMIN, PURCHASER))
                        // what the documents require of a bidder: the tenderer (checked by the service) or a clerk
                        .requestMatchers(path(HttpMethod.PUT, "/api/tenders/*/bidder-requirements"))
                        .hasAnyAuthority(authorities(ADMIN, PURCHASER, CENTRE_CLERK))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/committee"),
                                path(HttpMethod.POST, "/api/tenders/*/opening/platform-faults"),
                                path(HttpMethod.POST, "/api/tenders/*/evaluation-venue"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_CLERK))
                        // the trading-entity registry (registry/): clerks check entities against the authorities,
                        // administrators import files, each entity keeps its own records through its accounts
                        .requestMatchers(path(HttpMethod.POST, "/api/registry/entities/*/checks"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_CLERK))
                        .requestMatchers(path(HttpMethod.POST, "/api/registry/imports/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers(path(HttpMethod.POST, "/api/registry/**"),
                                path(HttpMethod.PUT, "/api/registry/**"), path(HttpMethod.DELETE, "/api/registry/**"))
                        .hasAnyAuthority(authorities(BIDDER))
                        .requestMatchers(any("/api/bidder-accounts", "/api/bidder-accounts/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers(path(HttpMethod.POST, "/api/centres"), path(HttpMethod.POST, "/api/centres/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        // partner platforms and this centre's signing keys (issue 17); the exchange's record is read by
                        // supervisors too
                        .requestMatchers(path(HttpMethod.GET, "/api/interconnect/messages"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR))
                        .requestMatchers(any("/api/peers", "/api/peers/**", "/api/interconnect/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        .requestMatchers(path(HttpMethod.POST, "/api/centre-agreements"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_DIRECTOR))
                        .requestMatchers(path(HttpMethod.GET, "/api/audit/**"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR))
                        // reports to the supervising authorities: the finance department supervises government
                        // procurement (GPL 13; O87 36); each sees the reports addressed to it
                        .requestMatchers(path(HttpMethod.GET, "/api/supervision/**"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR, FINANCE_DEPARTMENT))
                        .requestMatchers(path(HttpMethod.GET, "/api/experts"), path(HttpMethod.POST, "/api/experts"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR))
                        .requestMatchers(path(HttpMethod.GET, "/api/tenders/*/archive"),
                                path(HttpMethod.GET, "/api/tenders/*/archive/verification"),
                                path(HttpMethod.POST, "/api/archive-verifications"))
                        .hasAnyAuthority(authorities(ADMIN, SUPERVISOR, CENTRE_CLERK))
                        .requestMatchers(path(HttpMethod.POST, "/api/tenders/*/bond-refunds"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_CLERK, FINANCE_DEPARTMENT))
                        // the CA trust list (certification, K7, K8): administrators only change it, for every province
                        .requestMatchers(path(HttpMethod.POST, "/api/trusted-cas"),
                                path(HttpMethod.POST, "/api/trusted-cas/**"),
                                path(HttpMethod.PUT, "/api/trusted-cas/**"),
                                path(HttpMethod.DELETE, "/api/trusted-cas/**"))
                        .hasAnyAuthority(authorities(ADMIN))
                        // an entity's certificates: clerks for any, a bidder for its own (checked by the controller)
                        .requestMatchers(path(HttpMethod.POST, "/api/entities/*/certificates"))
                        .hasAnyAuthority(authorities(ADMIN, CENTRE_CLERK, REGISTRATION_CLERK, BIDDER))
                        .anyRequest().authenticated())
                .authenticationProvider(new CamundaIdentityAuthenticationProvider(identity, throttle))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // stateless HTTP Basic: no session cookie, so no cross-site request can ride on one
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                // the engine's own authorizations apply to its REST API; Huitong's API checks roles itself
                .addFilterBefore(new EngineAuthenticationFilter(identity, any("/engine-rest/**")),
                        AuthorizationFilter.class)
                .addFilterBefore(new AuditFilter(audit), ExceptionTranslationFilter.class)
                // after the audit filter (same order, added later): refusals of size and type are audited too
                .addFilterBefore(bodyLimit.filter(), ExceptionTranslationFilter.class)
                .addFilterBefore(new JsonRequiredFilter(json), ExceptionTranslationFilter.class)
                // after authorization: a key is claimed only by a request that may be carried out
                .addFilterAfter(new io.huitong.shared.operations.IdempotencyFilter(idempotencyKeys, json, clock),
                        AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The body cap of both chains (README "Limits"). Held, not a filter bean: Spring Boot would also register a
     * filter bean with the servlet container, ahead of the audit.
     */
    @Bean
    static BodyLimitFilterHolder bodyLimits(@Value("${huitong.web.max-body-bytes:1100000}") long maxBody,
            @Value("${huitong.web.max-upload-bytes:268435456}") long maxUpload, ObjectMapper json) {
        return new BodyLimitFilterHolder(new BodyLimitFilter(maxBody, maxUpload, json));
    }

    record BodyLimitFilterHolder(BodyLimitFilter filter) {
    }

    /**
     * What Spring's firewall rejects (a control character in a header, an encoded slash, ...) is a 400 problem, not
     * a 500: the firewall checks some of it only when a filter or controller first reads it.
     */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request-rejected",
                    "请求无法接受 / Request rejected", "请求的路径或请求头含不允许的字符 / The request's path or a header"
                            + " holds characters that are not allowed");
            response.setStatus(400);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        };
    }

    /** The user logged in to Camunda's webapps in this request's session, if any. */
    static String webappUser(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        try {
            org.camunda.bpm.webapp.impl.security.auth.Authentications auths =
                    org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil.getAuthsFromSession(session);
            return auths == null ? null : auths.getAuthentications().stream().findFirst()
                    .map(org.camunda.bpm.webapp.impl.security.auth.Authentication::getIdentityId).orElse(null);
        } catch (IllegalStateException invalidated) {
            // a logout invalidates the session while the request runs
            return null;
        }
    }

    private static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static RequestMatcher any(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        }
        return new OrRequestMatcher(matchers);
    }

    /**
     * The door of peer platforms (issue 17): a message's signature, checked against the peer's registered keys, is its
     * authentication ({@code interconnect/Inbox}), and the controller audits each with the peer as operator; the
     * centre's public keys are published. Nothing else under {@code /interconnect} answers.
     */
    @Bean
    @Order(0)
    SecurityFilterChain peerPlatforms(HttpSecurity http, BodyLimitFilterHolder bodyLimit) throws Exception {
        http.securityMatcher(any("/interconnect/**"))
                .addFilterBefore(bodyLimit.filter(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path(HttpMethod.POST, "/interconnect/messages"),
                                path(HttpMethod.GET, "/interconnect/jwks.json"))
                        .permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * The webapps log in through their own forms; health probes are open to the load balancer; the public pages
     * (opening feed and record, result publicity) are open to anyone for reading.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http, BodyLimitFilterHolder bodyLimit, AuditLog audit) throws Exception {
        http.addFilterBefore(bodyLimit.filter(), AuthorizationFilter.class)
                // what users change through Tasklist, Cockpit and Admin is audited as the API's changes are, the
                // operator being the webapp session's user
                .addFilterBefore(new AuditFilter(audit, SecurityConfiguration::webappUser, "/camunda/api/"),
                        AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(any("/actuator/health/**", "/actuator/health")).permitAll()
                        // what the law requires to be published, read-only: the live opening, its record, the result
                        .requestMatchers(path(HttpMethod.GET, "/public/**")).permitAll()
                        .requestMatchers(any("/public/**")).denyAll()
                        .requestMatchers(any("/actuator/**")).denyAll()
                        .anyRequest().permitAll())
                // Camunda's webapps protect themselves with their own CSRF prevention filter
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
