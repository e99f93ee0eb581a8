package io.huitong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules (Spring Modulith): every direct sub-package of {@code io.huitong} is one, its sub-packages are internal
 * unless declared a named interface, and each module's {@code package-info.java} lists the modules it may depend on.
 * <p>
 * docs/modules/ holds the documentation generated from them (the module diagram, one diagram and one canvas per module):
 * it is generated into target/ and compared with the committed files, so it cannot go stale. After changing a module's
 * API or dependencies, regenerate it: {@code ./mvnw -q -o test -Dtest=ModularityTest -Dhuitong.docs.write=true}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(HuitongApplication.class);

    private static final Path DOCS = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "modules-docs");
    private static final String REGENERATE =
            "regenerate it: ./mvnw -q -o test -Dtest=ModularityTest -Dhuitong.docs.write=true";

    @Test
    void modules_depend_only_on_what_they_declare_and_on_no_internals() {
        MODULES.verify();
    }

    @Test
    void docs_modules_is_the_documentation_the_modules_generate() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Map<String, String> generated = files(GENERATED);
        assertThat(generated).as("the documenter wrote the module diagram and a canvas per module")
                .containsKeys("components.puml", "module-tender.puml", "module-tender.adoc");

        if (Boolean.getBoolean("huitong.docs.write")) {
            Map<String, String> old = files(DOCS);
            for (String name : old.keySet()) {
                if (!generated.containsKey(name)) {
                    Files.delete(DOCS.resolve(name));
                }
            }
            Files.createDirectories(DOCS);
            for (Map.Entry<String, String> file : generated.entrySet()) {
                // a document that says the same in another order stays as it is: no diff without a change
                if (!lines(file.getValue()).equals(lines(old.get(file.getKey())))) {
                    Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
                }
            }
        }
        Map<String, String> committed = files(DOCS);
        assertThat(committed.keySet()).as("the files of docs/modules/; " + REGENERATE)
                .containsExactlyElementsOf(generated.keySet());
        generated.forEach((name, text) -> {
            if (!lines(committed.get(name)).equals(lines(text))) {
                assertThat(committed.get(name)).as("docs/modules/" + name + " is up to date; " + REGENERATE)
                        .isEqualTo(text);
            }
        });
    }

    /**
     * The lines of a document, sorted: the documenter may list the same components and relations in another order on
     * another machine (the order classes are found in), which changes nothing the documents say.
     */
    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().sorted().toList();
    }

    /** The files of a folder (not its sub-folders) by name, sorted, with their text. */
    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                try {
                    files.put(path.getFileName().toString(), Files.readString(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }
}
