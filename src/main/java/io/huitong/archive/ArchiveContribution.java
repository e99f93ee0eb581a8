package io.huitong.archive;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A feature's own files of a tender for its archive package, listed in the manifest with their hashes like every
 * other file (a feature the archive does not know, such as remote evaluation's handed-back records).
 */
public interface ArchiveContribution {

    /** Why the tender's package cannot be written yet (409), or empty: a package is written once. */
    default Optional<String> pending(String tenderId) {
        return Optional.empty();
    }

    /** The files to add: path in the package → content. */
    Map<String, byte[]> files(String tenderId);

    /**
     * Checks what the package holds of this feature beyond the manifest's hashes (signatures inside it), adding what
     * fails to {@code problems}; returns how many signatures verified.
     */
    default int check(Map<String, byte[]> files, List<ArchiveVerification.Problem> problems) {
        return 0;
    }
}
