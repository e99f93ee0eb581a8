package io.huitong.shared.web;

/** Something addressed by id does not exist: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
