package io.huitong.archive;

import java.time.Instant;

/** A tender's archive as kept: the zip, its hash and its manifest's hash. */
public record ArchivePackage(String tenderId, Instant createdAt, String createdBy, byte[] content,
        String packageSha256, String manifestSha256, long bytes) {
}
