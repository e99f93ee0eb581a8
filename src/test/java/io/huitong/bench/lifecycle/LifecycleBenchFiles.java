package io.huitong.bench.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small things the benchmark's sections share. */
public final class LifecycleBenchFiles {

    private LifecycleBenchFiles() {
    }

    /** Deletes a work folder of an earlier run. */
    public static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The demo user who decides an approval step of that candidate group. */
    public static String approver(String group) {
        return Actors.APPROVER.get(group);
    }
}
