package io.huitong.qualification;

/** Whether the trading-entity registry holds the bidder: its facts were read, or there were none to read. */
public record RegistryEntry(String bidderId, boolean registered) {
}
