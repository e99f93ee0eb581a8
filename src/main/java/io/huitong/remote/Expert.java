package io.huitong.remote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An expert of the shared pool (共享专家库): a user who scores, in one centre's pool, with what the avoidance
 * rules read — employer, department, years and title, employment and control history, relations, penalties,
 * absences.
 */
public record Expert(String id, String userId, String name, String idNo, String centreCode, String regionCode,
        String employerId, String employerName, String department, int yearsInField, boolean seniorTitle,
        List<String> specialities, List<Employment> employment, List<Relation> relations, List<Penalty> penalties,
        List<Absence> absences, Instant createdAt) {

    /** A post with a party, and when it ended (GPR 9 looks back three years). */
    public record Employment(@NotBlank String partyId, @NotBlank String partyName, @NotNull Role role,
            @NotNull LocalDate startDate, LocalDate endDate) {

        public enum Role {
            /** 任职. */
            EMPLOYEE,
            /** 董事. */
            DIRECTOR,
            /** 监事. */
            SUPERVISOR,
            /** 控股股东. */
            CONTROLLING_SHAREHOLDER,
            /** 实际控制人. */
            ACTUAL_CONTROLLER
        }
    }

    /** A relation to a party: a relative among its principals, or an economic interest (R12 12; GPR 9). */
    public record Relation(@NotBlank String partyId, @NotNull Kind kind, String note) {

        public enum Kind {
            /** 近亲属（投标人或其主要负责人、法定代表人）. */
            RELATIVE,
            /** 经济利益关系. */
            ECONOMIC_INTEREST
        }
    }

    /** An administrative or criminal penalty for misconduct in tendering (R12 12(四)). */
    public record Penalty(@NotNull Kind kind, @NotNull LocalDate decidedOn, @NotBlank String reason) {

        public enum Kind {
            ADMINISTRATIVE, CRIMINAL
        }
    }

    /** Days the expert cannot attend, and when that was recorded (a draw's verifier can see what changed). */
    public record Absence(LocalDate from, LocalDate to, String reason, Instant recordedAt) {
    }
}
