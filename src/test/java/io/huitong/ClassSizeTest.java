package io.huitong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A newcomer reads a class whole: none in {@code src/main} is longer than {@value #MAX_LINES} lines. A class that
 * grows past it holds more than one use case; split it by use case (as {@code lifecycle/ObjectionHandling} and
 * {@code lifecycle/PurchaserDecisions} were split from one class of API commands).
 */
class ClassSizeTest {

    static final int MAX_LINES = 400;

    @Test
    void no_class_is_longer_than_a_newcomer_reads_whole() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                long lines;
                try (Stream<String> l = Files.lines(source)) {
                    lines = l.count();
                }
                if (lines > MAX_LINES) {
                    long_.add(source + ": " + lines + " lines");
                }
            }
        }
        assertThat(long_).as("classes over " + MAX_LINES + " lines").isEmpty();
    }
}
