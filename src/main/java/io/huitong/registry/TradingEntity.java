package io.huitong.registry;

import java.time.Instant;

/** A trading entity (市场主体) as the registry keeps it: its unified social credit code and business registration. */
public record TradingEntity(String creditCode, String name, String entityType, String legalRepresentative,
        String regionCode, Source source, String checkId, Instant recordedAt, String recordedBy) {
}
