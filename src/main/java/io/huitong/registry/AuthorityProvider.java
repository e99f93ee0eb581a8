package io.huitong.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The government data sources the registry checks against (issue 18 item 2; docs/rules.md O6): business registration
 * (SAMR) and construction qualifications and registered personnel (MOHURD), each asked about one entity by its
 * unified social credit code. Every answer is returned as received (the raw, signed message) with what it says, so
 * that a check can be shown later. Implementations: {@code HttpAuthorityProvider} (signed requests to a data-sharing
 * gateway) and {@code DemoAuthority} (demo and test profiles, from seed data).
 */
public interface AuthorityProvider {

    Answer<BusinessRegistration> businessRegistration(String creditCode);

    Answer<List<QualificationFinding>> qualifications(String creditCode);

    Answer<List<PersonFinding>> personnel(String creditCode);

    /** What is asked: which register, about whom, when, under which request id (echoed by the answer). */
    record Request(String requestId, CheckKind kind, String creditCode, Instant askedAt) {
    }

    /**
     * An answer: the authority, the request as sent, the answer as received (for a signed answer the JWS compact
     * serialization), its signature (key id and signature value), and what it says; {@code found} is null when the
     * authority has no record.
     */
    record Answer<T>(Source authority, String request, String raw, String signature, T found) {
    }

    /** The message an authority signs: the request id it answers, and the finding of the register asked. */
    record Message(String requestId, String creditCode, boolean found, BusinessRegistration registration,
            List<QualificationFinding> qualifications, List<PersonFinding> personnel) {
    }

    record BusinessRegistration(String creditCode, String name, String entityType, String legalRepresentative,
            String regionCode) {
    }

    record QualificationFinding(String kind, String grade, String issuer, String number, LocalDate validFrom,
            LocalDate validTo) {
    }

    record PersonFinding(String certificateNo, String name, String registrationKind, String speciality,
            LocalDate validTo) {
    }

    /** The authority refused, could not be reached, or its answer does not verify. */
    class AuthorityException extends RuntimeException {
        public AuthorityException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
