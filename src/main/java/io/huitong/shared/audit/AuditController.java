package io.huitong.shared.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail's own check, for supervisors and administrators. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "防篡改审计记录 / The tamper-evident audit trail (EB20 49)")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/verification")
    @Operation(summary = "校验审计链 Verify the audit chain",
            description = "Recomputes every entry's hash and its link to the one before; names the first entry "
                    + "altered, or after which one went missing.")
    AuditLog.Verification verify() {
        return audit.verify();
    }
}
