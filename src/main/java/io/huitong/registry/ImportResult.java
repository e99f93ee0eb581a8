package io.huitong.registry;

import java.time.Instant;

/** A file imported: its import id (the check id every row carries), kind, source, rows, SHA-256 and when. */
public record ImportResult(String importId, ImportKind kind, Source source, long rows, String sha256, Instant at) {
}
