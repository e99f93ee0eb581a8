package io.huitong.shared.web;

/** The request conflicts with the current state (an illegal transition, a concurrent change): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
