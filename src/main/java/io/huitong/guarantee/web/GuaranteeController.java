package io.huitong.guarantee.web;

import io.huitong.guarantee.ElectronicGuarantee;
import io.huitong.guarantee.ElectronicGuarantees;
import io.huitong.shared.party.CreditCode;
import io.huitong.shared.security.Groups;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.BeanViolations;
import io.huitong.shared.web.NotFoundException;
import io.huitong.shared.web.Problems;
import io.huitong.shared.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "电子保函 E-guarantees", description = "通过交易中心向保函机构申请电子投标保函 / Order e-guarantees")
class GuaranteeController {

    private final ElectronicGuarantees guarantees;
    private final Validator validator;

    GuaranteeController(ElectronicGuarantees guarantees, Validator validator) {
        this.guarantees = guarantees;
        this.validator = validator;
    }

    record OrderRequest(@NotBlank @CreditCode String bidderId, @NotBlank @Size(max = 300) String bidderName) {
    }

    @PostMapping("/api/tenders/{tenderId}/e-guarantees")
    @Operation(summary = "申请电子投标保函 Order an e-guarantee",
            description = "Bidders, for their own entity (an account bound to bidderId; 403 otherwise), while bidding "
                    + "is open: the centre orders the guarantee from the provider for the "
                    + "bond the tender asks, valid through the bid validity (C17). The provider's answer is signed and "
                    + "its file checked against the MD5 and SHA-256 it signed. 502 when the provider refuses or "
                    + "cannot be reached; nothing is kept then.")
    ResponseEntity<ElectronicGuarantee> order(@PathVariable String tenderId, @RequestBody OrderRequest request) {
        var invalid = BeanViolations.of(validator.validate(request));
        if (!invalid.isEmpty()) {
            throw new ValidationException(invalid);
        }
        ElectronicGuarantee g = guarantees.order(tenderId, request.bidderId(), request.bidderName().strip(),
                Operator.current());
        return ResponseEntity.created(URI.create("/api/tenders/" + tenderId + "/e-guarantees/" + g.guaranteeNo()))
                .body(g);
    }

    @GetMapping("/api/tenders/{tenderId}/e-guarantees/{guaranteeNo}")
    @Operation(summary = "电子保函 An e-guarantee",
            description = "Whoever ordered it or an account of its bidder; centre clerks, finance and administrators too. Who guarantees whom "
                    + "is sealed from everyone else (TBL 22): they get 404, as for a number nobody holds.")
    ElectronicGuarantee get(@PathVariable String tenderId, @PathVariable String guaranteeNo) {
        ElectronicGuarantee g = guarantees.get(tenderId, guaranteeNo);
        Operator operator = Operator.current();
        if (!g.orderedBy().equals(operator.userId()) && !guarantees.forOwnEntity(g, operator) && !operator.inAnyGroup(Groups.ADMIN, Groups.CENTRE_CLERK,
                Groups.FINANCE_DEPARTMENT)) {
            // the same answer as for a number nobody holds: whether it exists says who bids (TBL 22)
            throw new NotFoundException("没有该电子保函 / No e-guarantee " + guaranteeNo);
        }
        return g;
    }

    @ExceptionHandler(ElectronicGuarantees.ProviderUnavailable.class)
    ProblemDetail providerUnavailable(ElectronicGuarantees.ProviderUnavailable ex) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "guarantee-provider", "保函机构不可用 / Guarantee provider failed",
                ex.getMessage());
    }
}
