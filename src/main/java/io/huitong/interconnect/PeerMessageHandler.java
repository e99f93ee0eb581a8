package io.huitong.interconnect;

/**
 * Applies the messages of one type that peers send. It runs in the transaction that records the message as received:
 * what it changes and the record that the message was applied commit together, or neither does. A refusal it throws
 * (validation, conflict, not found) is the peer's answer and is recorded; anything else rolls back and the peer
 * delivers again later.
 */
public interface PeerMessageHandler {

    /** The message type it applies, e.g. {@code remote.request}. */
    String type();

    void apply(PeerMessage message);
}
