package io.huitong.shared.web;

/**
 * Another change to the same procedure committed at the same moment (the engine's optimistic lock): nothing was
 * changed, and the same request made again may well succeed — a user gets 409 and tries again; a peer platform's
 * message is answered "not yet" and delivered again.
 */
public class ConcurrentChangeException extends ConflictException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
