package io.huitong.registry;

import java.time.LocalDate;

/**
 * A registered person as project manager of a works project (在建项目), the facts docs/rules.md O2 is decided on: the
 * project (and its code, which tells sections of one project apart from another project), the client, when it
 * started, the day it was accepted as completed (竣工验收, null while in progress), and, for a project stopped, since
 * when and whether the client consented to the manager's leaving.
 */
public record ManagerAssignment(String id, String certificateNo, String creditCode, String project, String projectCode,
        String client, LocalDate startDate, LocalDate completedOn, LocalDate stoppedSince, boolean clientConsent,
        Source source, String checkId) {

    /** Whether it had started and was not yet accepted as completed on that day. */
    public boolean inProgressOn(LocalDate day) {
        return !startDate.isAfter(day) && (completedOn == null || completedOn.isAfter(day));
    }
}
