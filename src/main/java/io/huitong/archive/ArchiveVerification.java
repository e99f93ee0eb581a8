package io.huitong.archive;

import java.util.List;

/**
 * What a verification found: whether every file matches the manifest, whether the manifest and the package are the
 * ones the platform recorded, how many signatures inside the package verified (the signed messages exchanged with
 * other platforms, against the keys the package holds), and each problem with the file it concerns.
 */
public record ArchiveVerification(String tenderId, boolean intact, int files, String manifestSha256,
        boolean manifestMatchesRecord, boolean packageMatchesRecord, int signaturesVerified,
        List<Problem> problems) {

    public record Problem(String path, String problem) {
    }
}
