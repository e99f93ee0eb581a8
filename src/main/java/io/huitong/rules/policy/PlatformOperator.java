package io.huitong.rules.policy;

/**
 * The operator of this electronic trading platform, or a party it controls or manages: it may not bid on the
 * platform's projects (EB20 23).
 */
public record PlatformOperator(String partyId, String name, String note) {
}
