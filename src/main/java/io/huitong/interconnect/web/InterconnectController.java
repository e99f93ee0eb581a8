package io.huitong.interconnect.web;

import io.huitong.interconnect.CentreKeys;
import io.huitong.interconnect.Inbox;
import io.huitong.interconnect.Refusal;
import io.huitong.shared.audit.AuditLog;
import io.huitong.shared.signing.SignedMessages;
import io.huitong.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The door peers knock on: {@code POST /interconnect/messages} takes one signed message (a compact JWS, {@value
 * SignedMessages#MEDIA_TYPE}); the signature is the authentication, checked against the peer's registered keys, and
 * each message, accepted or refused, is audited with the peer as operator. {@code GET /interconnect/jwks.json}
 * publishes this centre's public keys.
 */
@RestController
@Tag(name = "平台互联 Interconnect", description = "协作平台之间的签名消息（横向互联互通）")
class InterconnectController {

    private final Inbox inbox;
    private final CentreKeys keys;
    private final AuditLog audit;

    InterconnectController(Inbox inbox, CentreKeys keys, AuditLog audit) {
        this.inbox = inbox;
        this.keys = keys;
        this.audit = audit;
    }

    @PostMapping(path = "/interconnect/messages", consumes = SignedMessages.MEDIA_TYPE)
    @Operation(summary = "接收协作平台消息 Receive a peer's message", description = "A compact JWS signed by a registered "
            + "peer's key, addressed to this centre, issued within the freshness window (docs/interconnect/asyncapi.yaml). "
            + "202 applied (or received before: duplicate); 422 refused by its handler; 401 not trusted.")
    ResponseEntity<?> receive(@RequestBody String signed, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        try {
            Inbox.Receipt receipt = inbox.receive(signed, address);
            int status = receipt.outcome() == Inbox.Outcome.APPLIED ? 202 : 422;
            audit.record("peer:" + receipt.peer(), address, "POST", "/interconnect/messages", status,
                    "message " + receipt.id() + (receipt.duplicate() ? " (again)" : "") + ": " + receipt.outcome());
            if (status == 202) {
                return ResponseEntity.accepted().body(Map.of("id", receipt.id(), "outcome", receipt.outcome(),
                        "duplicate", receipt.duplicate()));
            }
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "peer-message-refused",
                    "消息被拒绝 / Message refused", receipt.problem());
            problem.setProperty("messageId", receipt.id());
            problem.setProperty("duplicate", receipt.duplicate());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } catch (io.huitong.interconnect.PeerMessageHandler.NotYet early) {
            audit.record(null, address, "POST", "/interconnect/messages", 503, "early: " + early.getMessage());
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "peer-message-early",
                    "暂不能处理，请稍后重发 / Not yet: deliver it again later", early.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        } catch (Refusal refusal) {
            // a trusted message this platform cannot read is settled (422: the sender stops retrying); an untrusted
            // one is 401, retried by a sender whose new key is not registered here yet
            HttpStatus status = refusal.reason() == Refusal.Reason.UNKNOWN_TYPE
                    || refusal.reason() == Refusal.Reason.UNSUPPORTED_VERSION ? HttpStatus.UNPROCESSABLE_ENTITY
                            : HttpStatus.UNAUTHORIZED;
            if (refusal.written()) {
                audit.record(refusal.claimedPeer() == null ? null : "peer?:" + refusal.claimedPeer(), address, "POST",
                        "/interconnect/messages", status.value(), refusal.reason() + " " + refusal.messageId());
            }
            ProblemDetail problem = Problems.of(status, "peer-message-" + refusal.reason().name()
                    .toLowerCase().replace('_', '-'), "消息不被接受 / Message not accepted", refusal.getMessage());
            problem.setProperty("reason", refusal.reason().name());
            problem.setProperty("messageId", refusal.messageId());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    @GetMapping(path = "/interconnect/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "本中心公钥 This centre's public keys", description = "The JWK set peers check signatures with: "
            + "the active key and any staged for rotation.")
    Map<String, Object> jwks() {
        return keys.published().toJSONObject(true);
    }
}
