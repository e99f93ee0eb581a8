package io.huitong.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one rule set, sorted by path, and the hash that identifies them: SHA-256 over every path and
 * content, so the same files always make the same version, wherever they were read from.
 */
public record RuleSetSources(String origin, List<RuleSource> files, String contentHash) {

    private static final String CLASSPATH_FOLDER = "rules/";

    public static RuleSetSources of(String origin, List<RuleSource> files) {
        List<RuleSource> sorted = files.stream().sorted(Comparator.comparing(RuleSource::path)).toList();
        return new RuleSetSources(origin, sorted, hash(sorted));
    }

    /** The rules folder (relative to the working directory), or the packaged copy if there is none. */
    public static RuleSetSources read(Path folder) {
        return Files.isDirectory(folder) ? fromFolder(folder) : fromClasspath();
    }

    /** Every *.drl, *.csv (decision table) and *.yaml under the folder, recursively. */
    public static RuleSetSources fromFolder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            List<RuleSource> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).filter(RuleSetSources::isRuleFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                files.add(new RuleSource(relative, Files.readString(file, StandardCharsets.UTF_8)));
            }
            return of(root.toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + root, e);
        }
    }

    /** The copy packaged in the application, used when no rules folder exists. */
    public static RuleSetSources fromClasspath() {
        try {
            var resolver = new PathMatchingResourcePatternResolver(RuleSetSources.class.getClassLoader());
            List<RuleSource> files = new ArrayList<>();
            for (Resource resource : resolver.getResources("classpath*:" + CLASSPATH_FOLDER + "**/*")) {
                if (!resource.isReadable() || !isRuleFile(resource.getFilename())) {
                    continue;
                }
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf(CLASSPATH_FOLDER) + CLASSPATH_FOLDER.length());
                files.add(new RuleSource(relative, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return of("classpath:" + CLASSPATH_FOLDER, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged rules", e);
        }
    }

    /** The first 16 hex digits of the content hash: short enough to read, long enough never to collide. */
    public String version() {
        return contentHash.substring(0, 16);
    }

    private static boolean isRuleFile(Path file) {
        return isRuleFile(file.getFileName().toString());
    }

    /** Whether a file of this name belongs to a rule set: DRL, a decision table (CSV) or policy data (YAML). */
    public static boolean isRuleFile(String name) {
        return name != null && (name.endsWith(".drl") || name.endsWith(".csv") || name.endsWith(".yaml")
                || name.endsWith(".yml"));
    }

    private static String hash(List<RuleSource> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
