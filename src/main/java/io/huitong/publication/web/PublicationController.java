package io.huitong.publication.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.publication.Ocds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "公开 Publication", description = "开放合同数据标准 / Open Contracting Data Standard")
class PublicationController {

    private final Ocds ocds;

    PublicationController(Ocds ocds) {
        this.ocds = ocds;
    }

    @GetMapping(path = "/api/tenders/{tenderId}/ocds", produces = "application/json")
    @Operation(summary = "OCDS 1.1 发布包 Release package",
            description = "The tender as an OCDS 1.1 release package: the notice, the award and the contract, or the "
                    + "failure or cancellation, each a release of what was known then. Bids appear only once opened "
                    + "(EB20 27). 409 before the announcement.")
    ObjectNode releasePackage(@PathVariable String tenderId, HttpServletRequest request) {
        return ocds.releasePackage(tenderId, request.getRequestURL().toString());
    }
}
