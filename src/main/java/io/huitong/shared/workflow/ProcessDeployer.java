package io.huitong.shared.workflow;

import io.huitong.shared.HuitongProperties;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of {@code processes/} (BPMN, DMN, Camunda Forms) under their names relative to the
 * folder, with duplicate filtering: an unchanged model never gets a new version, wherever Huitong is started
 * from. When the folder is absent, the copies packaged in the application are deployed. A model that does not
 * parse stops start-up (and is refused on redeploy) with its file, line and column.
 */
@Component
public class ProcessDeployer implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "huitong-processes";
    private static final List<String> SUFFIXES = List.of(".bpmn", ".dmn", ".form");
    private static final String CLASSPATH_FOLDER = "processes/";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final HuitongProperties properties;

    public ProcessDeployer(RepositoryService repository, HuitongProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** What a deployment did: the models that got a new version, and those that were unchanged. */
    public record Result(String origin, List<String> deployed, List<String> unchanged) {
    }

    @Override
    public void afterPropertiesSet() {
        Result result = deploy();
        log.info("models from {}: {} deployed, {} unchanged", result.origin(), result.deployed(),
                result.unchanged().size());
    }

    /** Deploys what changed; refuses everything if one model does not parse. */
    public synchronized Result deploy() {
        Path folder = properties.processesDir();
        boolean fromFolder = Files.isDirectory(folder);
        Map<String, byte[]> models = fromFolder ? readFolder(folder) : readClasspath();
        String origin = fromFolder ? folder.toAbsolutePath().normalize().toString() : "classpath:" + CLASSPATH_FOLDER;
        if (models.isEmpty()) {
            return new Result(origin, List.of(), List.of());
        }
        DeploymentBuilder builder = repository.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("huitong")
                .enableDuplicateFiltering(true);
        models.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        DeploymentWithDefinitions deployment;
        try {
            deployment = builder.deployWithResult();
        } catch (ParseException e) {
            throw new ModelRejectedException(problems(e));
        }
        List<String> deployed = new ArrayList<>();
        for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions() == null
                ? List.<ProcessDefinition>of() : deployment.getDeployedProcessDefinitions()) {
            deployed.add(definition.getResourceName() + " → " + definition.getKey() + " v" + definition.getVersion());
        }
        List<String> unchanged = models.keySet().stream()
                .filter(name -> deployed.stream().noneMatch(d -> d.startsWith(name + " ")))
                .toList();
        return new Result(origin, deployed, unchanged);
    }

    private static List<ModelRejectedException.ModelProblem> problems(ParseException e) {
        List<ModelRejectedException.ModelProblem> problems = new ArrayList<>();
        e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> problems.add(
                new ModelRejectedException.ModelProblem(report.getResourceName(), problem.getLine(),
                        problem.getColumn(), problem.getMainElementId(), problem.getMessage()))));
        if (problems.isEmpty()) {
            problems.add(new ModelRejectedException.ModelProblem("?", 0, 0, null, e.getMessage()));
        }
        return problems;
    }

    private static Map<String, byte[]> readFolder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Map<String, byte[]> models = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (SUFFIXES.stream().anyMatch(name::endsWith)) {
                    models.put(name, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read models from " + root, e);
        }
        return models;
    }

    private static Map<String, byte[]> readClasspath() {
        Map<String, byte[]> models = new TreeMap<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver(ProcessDeployer.class.getClassLoader());
            for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH_FOLDER + "**/*")) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf(CLASSPATH_FOLDER) + CLASSPATH_FOLDER.length());
                if (resource.isReadable() && SUFFIXES.stream().anyMatch(name::endsWith)) {
                    models.put(name, resource.getContentAsByteArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged models", e);
        }
        return models;
    }
}
