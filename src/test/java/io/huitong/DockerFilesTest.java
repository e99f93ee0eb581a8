package io.huitong;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker does not run on these machines: what can be checked without it is checked here. The compose file has
 * PostgreSQL, two nodes on the postgres profile and a balancer with sticky sessions; secrets come from the
 * environment; the image's readiness check has its tool.
 */
class DockerFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_two_nodes_on_postgresql_behind_a_sticky_balancer() throws Exception {
        String compose = Files.readString(Path.of("docker/compose.yaml"));
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(compose))
                .get("services");
        assertThat(services).containsOnlyKeys("postgres", "node-a", "node-b", "balancer");
        for (String node : List.of("node-a", "node-b")) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(node))
                    .get("environment");
            assertThat(String.valueOf(env.get("SPRING_PROFILES_ACTIVE"))).contains("postgres");
            assertThat(String.valueOf(env.get("HUITONG_DB_URL"))).isEqualTo("jdbc:postgresql://postgres:5432/huitong");
            assertThat(String.valueOf(env.get("HUITONG_DB_PASSWORD"))).startsWith("${");
            assertThat(String.valueOf(env.get("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME"))).isEqualTo(node);
        }
        assertThat(((Map<String, Object>) services.get("node-b")).get("depends_on").toString()).contains("node-a");
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        assertThat(nginx).contains("ip_hash;", "server node-a:8080", "server node-b:8080", "proxy_buffering off;");
        assertThat(Files.readString(Path.of("docker/Dockerfile"))).contains("wget");
        assertThat(Path.of("src/main/resources/application-postgres.yaml")).exists();
    }
}
