package io.huitong.remote.web;

import io.huitong.remote.Agreement;
import io.huitong.remote.Centre;
import io.huitong.remote.Expert;
import io.huitong.remote.PoolAdmin;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Centres, venues, agreements and the shared expert pool. */
@RestController
@RequestMapping("/api")
@Tag(name = "交易中心与专家库 Centres and expert pool", description = "协作中心、评标室、协作协议、共享专家库")
class PoolController {

    private final PoolAdmin admin;

    PoolController(PoolAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/centres")
    @Operation(summary = "交易中心 Centres", description = "Every centre with its venues and seats (J3: published).")
    List<Centre> centres() {
        return admin.centres();
    }

    record CentreRequest(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9]+") String code,
            @NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
            @NotBlank @Size(max = 100) String groupId) {
    }

    @PostMapping("/centres")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记交易中心 Record a centre", description = "Administrators.")
    Centre addCentre(@Valid @RequestBody CentreRequest r) {
        return admin.addCentre(r.code(), r.name(), r.regionCode(), r.groupId());
    }

    record VenueRequest(@NotBlank @Size(max = 200) String name, @NotNull @Min(1) @Max(200) Integer seats) {
    }

    @PostMapping("/centres/{code}/venues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记评标室 Record a venue", description = "Administrators.")
    Centre.Venue addVenue(@PathVariable String code, @Valid @RequestBody VenueRequest r) {
        return admin.addVenue(code, r.name(), r.seats());
    }

    @GetMapping("/centre-agreements")
    @Operation(summary = "协作协议 Agreements", description = "Who asks whom, in which order, for what compensation: "
            + "a centre sees its own agreements, supervisors all.")
    List<Agreement> agreements() {
        return admin.agreements(Operator.current());
    }

    record AgreementRequest(@NotBlank @Size(max = 20) String mainCentre, @NotBlank @Size(max = 20) String partnerCentre,
            @NotNull @Min(1) Integer priority,
            @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal feePerSession,
            @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal feePerExpert,
            @NotNull LocalDate validFrom, LocalDate validTo, @Size(max = 2000) String terms) {
    }

    @PostMapping("/centre-agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记协作协议 Record an agreement",
            description = "Administrators, and directors of the main centre (members of its group).")
    Agreement addAgreement(@Valid @RequestBody AgreementRequest r) {
        return admin.addAgreement(new Agreement(null, r.mainCentre(), r.partnerCentre(), r.priority(),
                r.feePerSession(), r.feePerExpert(), r.validFrom(), r.validTo(), r.terms()), Operator.current());
    }

    @GetMapping("/experts")
    @Operation(summary = "共享专家库 The expert pool", description = "Supervisors and administrators (personal data).")
    List<Expert> experts() {
        return admin.experts();
    }

    record ExpertRequest(@NotBlank @Size(max = 100) String userId, @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "\\d{17}[0-9Xx]") String idNo, @NotBlank @Size(max = 20) String centreCode,
            @NotNull @Pattern(regexp = "\\d{6}") String regionCode,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String employerId, @Size(max = 300) String employerName,
            @Size(max = 100) String department, @NotNull @Min(0) @Max(70) Integer yearsInField,
            @NotNull Boolean seniorTitle, @NotEmpty List<@NotBlank String> specialities,
            List<Expert.@Valid Employment> employment, List<Expert.@Valid Relation> relations,
            List<Expert.@Valid Penalty> penalties) {
    }

    @PostMapping("/experts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "入库专家 Add an expert", description = "Supervisors and administrators.")
    Expert addExpert(@Valid @RequestBody ExpertRequest r) {
        return admin.addExpert(new Expert(null, r.userId(), r.name(), r.idNo(), r.centreCode(), r.regionCode(),
                r.employerId(), r.employerName(), r.department(), r.yearsInField(), r.seniorTitle(), r.specialities(),
                r.employment() == null ? List.of() : r.employment(), r.relations() == null ? List.of() : r.relations(),
                r.penalties() == null ? List.of() : r.penalties(), List.of(), null));
    }

    record AbsenceRequest(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 500) String reason) {
    }

    @PostMapping("/experts/{id}/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记请假 Record an absence", description = "The expert, supervisors and administrators.")
    Expert absence(@PathVariable String id, @Valid @RequestBody AbsenceRequest r) {
        Expert expert = admin.expert(id);
        Operator operator = Operator.current();
        boolean self = expert.userId().equals(operator.userId());
        if (!self && !org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                .getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("GROUP_supervisor")
                        || a.getAuthority().equals("GROUP_camunda-admin"))) {
            throw new AccessDeniedException("只能登记本人的请假 / Only your own absence");
        }
        return admin.addAbsence(id, new Expert.Absence(r.from(), r.to(), r.reason(), null));
    }
}
