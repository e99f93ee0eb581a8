package io.huitong.registry;

import java.time.LocalDate;

/**
 * A registered person (注册建造师 and other registered staff): the registration's certificate number, name, kind
 * (一级注册建造师, ...), speciality (建筑工程, 市政公用工程, ...), the entity registered as employer, and the last day
 * the registration is valid (null: not stated).
 */
public record RegisteredPerson(String certificateNo, String name, String registrationKind, String speciality,
        String employerCode, LocalDate validTo, Source source, String checkId) {
}
