package io.huitong.lifecycle;

/** The tender's lifecycle reached its archive: everything it produced can be packed into its archive. */
public record TenderArchived(String tenderId) {
}
