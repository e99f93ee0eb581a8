package io.huitong.interconnect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One message between platforms, as signed: who sends it to whom, its kind and version, what it is about (the
 * subject, e.g. a remote evaluation's id on the main side), when it was signed, and its body. The id stays the same
 * on every delivery attempt; {@code issuedAt} is the attempt's, so a retry is fresh and a replay of an old one is not.
 */
public record Envelope(String id, String from, String to, String type, int version, String subject, Instant issuedAt,
        JsonNode body) {

    /** The version of the message set this deployment speaks (docs/interconnect/asyncapi.yaml). */
    public static final int VERSION = 1;
}
