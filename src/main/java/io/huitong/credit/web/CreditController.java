package io.huitong.credit.web;

import io.huitong.credit.CreditRecord;
import io.huitong.credit.CreditRegistry;
import io.huitong.credit.PartyRelation;
import io.huitong.shared.party.CreditCode;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/credit")
@Tag(name = "信用 Credit registry", description = "失信、处罚与关联关系 / Debarments, penalties and relations")
class CreditController {

    private final CreditRegistry registry;

    CreditController(CreditRegistry registry) {
        this.registry = registry;
    }

    record NewRecord(@NotNull @CreditCode String partyId, @NotBlank @Size(max = 300) String partyName,
            @NotNull CreditRecord.Kind kind, CreditRecord.Scope scope, @NotBlank @Size(max = 2000) String reason,
            @NotNull LocalDate startDate,
            LocalDate endDate, @NotBlank @Size(max = 200) String citation) {
    }

    @PostMapping("/records")
    @Operation(summary = "记录失信或处罚 Record a debarment or penalty",
            description = "Supervisors only. endDate null means open-ended; the period is inclusive. scope: ALL (default), "
                    + "TENDERING_LAW or GOVERNMENT_PROCUREMENT.")
    ResponseEntity<CreditRecord> record(@Valid @RequestBody NewRecord r) {
        CreditRecord record = registry.record(r.partyId(), r.partyName(), r.kind(), r.scope(), r.reason(), r.startDate(),
                r.endDate(), r.citation(), Operator.current().userId());
        return ResponseEntity.created(URI.create("/api/credit/records/" + record.id())).body(record);
    }

    record Revocation(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/records/{id}/revocation")
    @Operation(summary = "撤销记录 Revoke a record", description = "Supervisors only; the record stays, marked revoked.")
    CreditRecord revoke(@PathVariable String id, @Valid @RequestBody Revocation r) {
        return registry.revoke(id, r.reason(), Operator.current().userId());
    }

    @GetMapping("/records")
    @Operation(summary = "查询信用记录 The records of a party")
    List<CreditRecord> records(@RequestParam String partyId) {
        return registry.recordsOf(List.of(partyId));
    }

    @GetMapping("/records/{id}")
    CreditRecord get(@PathVariable String id) {
        return registry.get(id);
    }

    record NewRelation(@NotNull @CreditCode String partyId, @NotNull @CreditCode String relatedPartyId,
            @NotNull PartyRelation.Kind kind, @Size(max = 2000) String note) {
    }

    @PostMapping("/relations")
    @Operation(summary = "记录控股或管理关系 Record a control or management relation", description = "Supervisors only.")
    PartyRelation relate(@Valid @RequestBody NewRelation r) {
        return registry.relate(r.partyId(), r.relatedPartyId(), r.kind(), r.note(), Operator.current().userId());
    }
}
