package io.huitong.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Camunda's REST API answers a refusal of Huitong's as Huitong's API does. A task listener that refuses a
 * completion (a guard citing TBR 55, say) throws a domain exception, which the engine wraps and its REST API
 * would answer with 500; here it becomes the same problem details (RFC 9457) as {@code /api}: 422 with its
 * violations, 409, 404 or 403. Every other error is answered by Camunda's own handlers, unchanged.
 * <p>
 * Both of Camunda's REST APIs: {@code /engine-rest}, and the webapps' own ({@code /camunda/api/engine}, through
 * which Tasklist claims and completes), whose servlet is registered here, before Camunda's webapp initializer
 * would register it with Camunda's handlers alone.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    /** Camunda's handlers this mapper stands in front of; it hands them whatever is not a refusal of ours. */
    private static final Set<Class<?>> REPLACED = Set.of(ExceptionHandler.class, ProcessEngineExceptionHandler.class,
            RestExceptionHandler.class);

    @Bean
    CamundaJerseyResourceConfig engineRestConfig(ObjectMapper json) {
        return new CamundaJerseyResourceConfig() {
            @Override
            protected void registerCamundaRestResources() {
                registerClasses(CamundaRestResources.getResourceClasses());
                registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                        .filter(c -> !REPLACED.contains(c)).collect(Collectors.toSet()));
                register(org.glassfish.jersey.jackson.JacksonFeature.class);
                register(new Mapper(json));
            }
        };
    }

    /**
     * The webapps' engine API ({@code <application-path>/api/engine/*}), as Camunda's webapp initializer registers
     * it, with the mapper in front of Camunda's handlers. Registered first: the initializer keeps a servlet of that
     * name that is already there.
     */
    @Bean
    ServletContextInitializer webappEngineApi(ObjectMapper json, CamundaBpmProperties camunda) {
        return new WebappEngineApi(json, camunda.getWebapp().getApplicationPath());
    }

    /** Registers the webapps' engine API before Camunda's initializer (which is unordered: the lowest precedence). */
    static final class WebappEngineApi implements ServletContextInitializer, Ordered {

        /** The name Camunda's webapp initializer gives the servlet. */
        static final String NAME = "Engine Api";

        private final ObjectMapper json;
        private final String applicationPath;

        WebappEngineApi(ObjectMapper json, String applicationPath) {
            this.json = json;
            this.applicationPath = applicationPath;
        }

        @Override
        public void onStartup(ServletContext context) {
            if (context.getServletRegistration(NAME) != null) {
                throw new IllegalStateException("the webapps' engine API is registered already: its refusals would be"
                        + " answered without Huitong's problem details");
            }
            Application api = new EngineRestApplication() {
                @Override
                public Set<Class<?>> getClasses() {
                    return super.getClasses().stream().filter(c -> !REPLACED.contains(c)).collect(Collectors.toSet());
                }

                @Override
                public Set<Object> getSingletons() {
                    return Set.of(new Mapper(json));
                }
            };
            ServletRegistration.Dynamic servlet = context.addServlet(NAME,
                    new ServletContainer(ResourceConfig.forApplication(api)));
            servlet.addMapping(applicationPath + "/api/engine/*");
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    static final class Mapper implements ExceptionMapper<Throwable> {

        /** How the engine says an id names nothing. */
        private static final Pattern UNKNOWN = Pattern.compile(
                "(?i)doesn't exist|does not exist|not found|no \\w+ found|cannot find|could not find");

        private final ObjectMapper json;
        private final RestExceptionHandler rest = new RestExceptionHandler();
        private final ProcessEngineExceptionHandler engine = new ProcessEngineExceptionHandler();
        private final ExceptionHandler other = new ExceptionHandler();

        Mapper(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public Response toResponse(Throwable thrown) {
            ProblemDetail problem = ProblemAdvice.domainProblem(thrown);
            if (problem != null) {
                // Camunda's webapps show an error's "message"
                return problem(problem);
            }
            if (thrown instanceof RestException e) {
                Response unknown = e.getStatus() == null || e.getStatus().getStatusCode() >= 500 ? badInput(e) : null;
                return unknown != null ? unknown : rest.toResponse(e);
            }
            if (thrown instanceof ProcessEngineException e) {
                Response unknown = badInput(e);
                return unknown != null ? unknown : engine.toResponse(e);
            }
            return other.toResponse(thrown);
        }

        /**
         * Camunda's resources wrap what the engine says of a bad request (an id that names nothing: a process
         * instance's variables, a group member that is no user) as a server error; it is the caller's: 404 for
         * an id that names nothing, 400 otherwise. Null when the cause is no bad request.
         */
        private Response badInput(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof BadUserRequestException || t instanceof NullValueException) {
                    String message = t.getMessage() == null ? "" : t.getMessage();
                    boolean unknown = t instanceof org.camunda.bpm.engine.exception.NotFoundException
                            || t instanceof NullValueException && UNKNOWN.matcher(message).find();
                    ProblemDetail problem = unknown
                            ? Problems.of(HttpStatus.NOT_FOUND, "not-found", "不存在 / Not found", message)
                            : Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "请求有误 / Bad request", message);
                    return problem(problem);
                }
            }
            return null;
        }

        private Response problem(ProblemDetail problem) {
            problem.setProperty("message", problem.getDetail());
            try {
                return Response.status(problem.getStatus()).type("application/problem+json")
                        .entity(json.writeValueAsString(problem)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
