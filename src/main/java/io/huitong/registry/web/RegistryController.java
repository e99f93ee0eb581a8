package io.huitong.registry.web;

import io.huitong.registry.AssignmentChange;
import io.huitong.registry.EntityRecords;
import io.huitong.registry.EntityView;
import io.huitong.registry.ManagerAssignment;
import io.huitong.registry.PerformanceRecord;
import io.huitong.registry.Qualification;
import io.huitong.registry.RegisteredPerson;
import io.huitong.registry.TradingEntity;
import io.huitong.registry.WorkRecords;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/registry/entities/{creditCode}")
@Tag(name = "交易主体库 Trading-entity registry", description = "主体、资质、注册人员、业绩与在建项目 / Entities, "
        + "qualifications, registered personnel, performance and in-progress assignments (docs/registry.md)")
class RegistryController {

    private final EntityRecords entities;
    private final WorkRecords work;

    RegistryController(EntityRecords entities, WorkRecords work) {
        this.entities = entities;
        this.work = work;
    }

    @GetMapping
    @Operation(summary = "主体及其记录 An entity and its records", description = "Any user: the registration, "
            + "qualifications, registered personnel and assignments, each with its source; performance is paged apart.")
    EntityView view(@PathVariable String creditCode) {
        return entities.view(creditCode);
    }

    @GetMapping("/performance")
    @Operation(summary = "业绩 Performance records", description = "Any user: a page (from 0, size 1–500), latest first.")
    List<PerformanceRecord> performance(@PathVariable String creditCode,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return work.performance(creditCode, page, size);
    }

    record EntityBody(@NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 100) String entityType,
            @Size(max = 100) String legalRepresentative, @Pattern(regexp = "\\d{6}") String regionCode) {
    }

    @PutMapping
    @Operation(summary = "申报主体信息 Declare the entity", description = "An account acting for the entity only (403 "
            + "otherwise). 409 when business registration (SAMR) confirmed it: a clerk's check corrects it.")
    TradingEntity declare(@PathVariable String creditCode, @Valid @RequestBody EntityBody b) {
        return entities.declareEntity(creditCode, b.name(), b.entityType(), b.legalRepresentative(), b.regionCode(),
                user());
    }

    record QualificationBody(@NotBlank @Size(max = 100) String kind, @NotBlank @Size(max = 50) String grade,
            @NotBlank @Size(max = 200) String issuer, @NotBlank @Size(max = 100) String number,
            @NotNull LocalDate validFrom, @NotNull LocalDate validTo) {
    }

    @PostMapping("/qualifications")
    @Operation(summary = "申报资质 Declare a qualification", description = "The entity's account; validTo not before "
            + "validFrom (422), both inclusive.")
    ResponseEntity<Qualification> addQualification(@PathVariable String creditCode,
            @Valid @RequestBody QualificationBody b) {
        Qualification q = qualification(creditCode, null, b);
        return ResponseEntity.created(URI.create("/api/registry/entities/" + creditCode + "/qualifications/" + q.id()))
                .body(q);
    }

    @PutMapping("/qualifications/{id}")
    @Operation(summary = "更正资质 Correct a qualification", description = "The entity's own declarations only: "
            + "one from an authority is 409.")
    Qualification correctQualification(@PathVariable String creditCode, @PathVariable String id,
            @Valid @RequestBody QualificationBody b) {
        return qualification(creditCode, id, b);
    }

    private Qualification qualification(String code, String id, QualificationBody b) {
        return entities.declareQualification(code, id, b.kind(), b.grade(), b.issuer(), b.number(), b.validFrom(),
                b.validTo(), user());
    }

    @DeleteMapping("/qualifications/{id}")
    ResponseEntity<Void> deleteQualification(@PathVariable String creditCode, @PathVariable String id) {
        entities.deleteQualification(creditCode, id, user());
        return ResponseEntity.noContent().build();
    }

    record PersonBody(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String registrationKind,
            @Size(max = 100) String speciality, LocalDate validTo) {
    }

    @PutMapping("/personnel/{certificateNo}")
    @Operation(summary = "申报注册人员 Declare a registered person", description = "By certificate number; 409 when "
            + "an authority registers the certificate (with this entity or another); another entity's own declaration of the "
            + "same number does not matter.")
    RegisteredPerson declarePerson(@PathVariable String creditCode, @PathVariable @Size(max = 64) String certificateNo,
            @Valid @RequestBody PersonBody b) {
        return entities.declarePerson(creditCode, certificateNo, b.name(), b.registrationKind(), b.speciality(),
                b.validTo(), user());
    }

    @DeleteMapping("/personnel/{certificateNo}")
    ResponseEntity<Void> deletePerson(@PathVariable String creditCode, @PathVariable String certificateNo) {
        entities.deletePerson(creditCode, certificateNo, user());
        return ResponseEntity.noContent().build();
    }

    record PerformanceBody(@NotBlank @Size(max = 300) String project, @NotBlank @Size(max = 300) String client,
            @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @NotNull LocalDate startDate, LocalDate endDate, @NotBlank @Size(max = 100) String role,
            @NotBlank @Size(max = 100) String worksKind) {
    }

    @PostMapping("/performance")
    @Operation(summary = "申报业绩 Declare a performance record", description = "endDate (null while unfinished) not "
            + "before startDate.")
    ResponseEntity<PerformanceRecord> addPerformance(@PathVariable String creditCode,
            @Valid @RequestBody PerformanceBody b) {
        PerformanceRecord r = performance(creditCode, null, b);
        return ResponseEntity.created(URI.create("/api/registry/entities/" + creditCode + "/performance/" + r.id()))
                .body(r);
    }

    @PutMapping("/performance/{id}")
    PerformanceRecord correctPerformance(@PathVariable String creditCode, @PathVariable String id,
            @Valid @RequestBody PerformanceBody b) {
        return performance(creditCode, id, b);
    }

    private PerformanceRecord performance(String code, String id, PerformanceBody b) {
        return work.declarePerformance(code, id, b.project(), b.client(), b.amount(), b.startDate(), b.endDate(),
                b.role(), b.worksKind(), user());
    }

    @DeleteMapping("/performance/{id}")
    ResponseEntity<Void> deletePerformance(@PathVariable String creditCode, @PathVariable String id) {
        work.deletePerformance(creditCode, id, user());
        return ResponseEntity.noContent().build();
    }

    record AssignmentBody(@NotBlank @Size(max = 64) String certificateNo, @NotBlank @Size(max = 300) String project,
            @Size(max = 100) String projectCode, @NotBlank @Size(max = 300) String client,
            @NotNull LocalDate startDate, LocalDate completedOn, LocalDate stoppedSince, boolean clientConsent) {
    }

    @PostMapping("/assignments")
    @Operation(summary = "申报在建项目 Declare an assignment as project manager", description = "A registered person of "
            + "the entity as project manager of a works project: completedOn (竣工验收) and stoppedSince not before "
            + "startDate; clientConsent for a stopped project.")
    ResponseEntity<ManagerAssignment> addAssignment(@PathVariable String creditCode,
            @Valid @RequestBody AssignmentBody b) {
        ManagerAssignment a = assignment(creditCode, null, b);
        return ResponseEntity.created(URI.create("/api/registry/entities/" + creditCode + "/assignments/" + a.id()))
                .body(a);
    }

    @PutMapping("/assignments/{id}")
    @Operation(summary = "申报竣工验收或停工 Tell an assignment's completion or stop", description = "The same body: only "
            + "completedOn, stoppedSince and clientConsent may change (409 naming the field otherwise); a date not "
            + "before the day it is told (422); consent with a stop from that day on. Each change is kept "
            + "(GET …/changes).")
    ManagerAssignment correctAssignment(@PathVariable String creditCode, @PathVariable String id,
            @Valid @RequestBody AssignmentBody b) {
        return assignment(creditCode, id, b);
    }

    private ManagerAssignment assignment(String code, String id, AssignmentBody b) {
        return work.declareAssignment(code, id, b.certificateNo(), b.project(), b.projectCode(), b.client(),
                b.startDate(), b.completedOn(), b.stoppedSince(), b.clientConsent(), user());
    }

    @GetMapping("/assignments/{id}/changes")
    @Operation(summary = "在建项目变更记录 An assignment's changes", description = "Any user: each change the entity "
            + "told, with the values before and after, who and when; oldest first.")
    List<AssignmentChange> assignmentChanges(@PathVariable String creditCode, @PathVariable String id) {
        return work.assignmentChanges(creditCode, id);
    }

    @DeleteMapping("/assignments/{id}")
    @Operation(summary = "在建项目不得删除 An assignment is not deleted", description = "409 (O2): an assignment, once "
            + "declared, is kept; its completion or stop is told instead.")
    ResponseEntity<Void> deleteAssignment(@PathVariable String creditCode, @PathVariable String id) {
        work.deleteAssignment(creditCode, id, user());
        return ResponseEntity.noContent().build();
    }

    private static String user() {
        return Operator.current().userId();
    }
}
