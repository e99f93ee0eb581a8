package io.huitong.registry;

import java.time.Instant;

/**
 * A check of an entity against an authority's register, or an import of a file: what was asked (the request as
 * sent), when and by whom, what the authority answered (as received: a signed message), the answer's SHA-256 and its
 * signature, and the outcome ({@code FOUND}, {@code NOT_FOUND}, {@code FAILED} with the error, {@code IMPORTED}).
 */
public record RegistryCheck(String id, String creditCode, String kind, Source authority, Instant askedAt,
        String askedBy, String request, String answer, String answerSha256, String signature, String outcome,
        String error) {
}
