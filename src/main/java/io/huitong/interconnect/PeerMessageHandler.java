package io.huitong.interconnect;

/**
 * Applies the messages of one type that peers send. It runs in the transaction that records the message as received:
 * what it changes and the record that the message was applied commit together, or neither does. A refusal it throws
 * (validation, conflict, not found) is the peer's answer and is recorded; {@link NotYet} (the step it completes is
 * not open yet: the peer is ahead of this side) and anything else roll back, and the peer delivers again later.
 */
public interface PeerMessageHandler {

    /**
     * The message is early: what it completes is not open here yet (a sign-in before every venue is prepared).
     * Nothing is recorded; the sender keeps it and tries again, and later messages wait behind it.
     */
    final class NotYet extends RuntimeException {

        public NotYet(String message) {
            super(message);
        }
    }

    /** The message type it applies, e.g. {@code remote.request}. */
    String type();

    void apply(PeerMessage message);
}
