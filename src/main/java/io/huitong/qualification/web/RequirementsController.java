package io.huitong.qualification.web;

import io.huitong.qualification.BidderRequirements;
import io.huitong.qualification.Requirements;
import io.huitong.shared.security.Operator;
import io.huitong.shared.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "资格条件 Bidder requirements", description = "招标文件对投标人的资格要求，投标和开标时由规则自动核验")
class RequirementsController {

    private final Requirements requirements;

    RequirementsController(Requirements requirements) {
        this.requirements = requirements;
    }

    @GetMapping("/api/tenders/{tenderId}/bidder-requirements")
    @Operation(summary = "资格条件 What the documents require of a bidder", description = "Any user: they are "
            + "published with the documents. 404 when the tender requires nothing.")
    BidderRequirements get(@PathVariable String tenderId) {
        return requirements.of(tenderId).orElseThrow(() -> new NotFoundException(
                "该项目未设定资格条件 / The tender sets no bidder requirements: " + tenderId));
    }

    @PutMapping("/api/tenders/{tenderId}/bidder-requirements")
    @Operation(summary = "设定资格条件 Set what the documents require", description = "The tenderer or a centre "
            + "clerk, until bidding opens (409 after). Checked by rules/qualification: the qualification's kind and "
            + "lowest grade valid at the deadline and the performance at submission; the project manager the sealed "
            + "file names at the opening (docs/rules.md O2, O3).")
    BidderRequirements set(@PathVariable String tenderId, @Valid @RequestBody BidderRequirements body) {
        return requirements.set(tenderId, body, Operator.current());
    }
}
