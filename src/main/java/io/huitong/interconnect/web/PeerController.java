package io.huitong.interconnect.web;

import io.huitong.interconnect.Inbox;
import io.huitong.interconnect.OutboxDelivery;
import io.huitong.interconnect.Peer;
import io.huitong.interconnect.PeerAdmin;
import io.huitong.interconnect.Peers;
import io.huitong.shared.security.Operator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators: partner platforms and their keys, this centre's key rotation, and the messages exchanged. */
@RestController
@RequestMapping("/api")
@Validated
@Tag(name = "平台互联 Interconnect", description = "协作平台、密钥轮换、消息收发记录")
class PeerController {

    private final PeerAdmin admin;
    private final Peers peers;
    private final OutboxDelivery outbox;
    private final Inbox inbox;

    PeerController(PeerAdmin admin, Peers peers, OutboxDelivery outbox, Inbox inbox) {
        this.admin = admin;
        this.peers = peers;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @GetMapping("/peers")
    @Operation(summary = "协作平台 Peer platforms", description = "Each with its address, agreement and public keys.")
    List<Peer> peers() {
        return peers.all();
    }

    @PostMapping("/peers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记协作平台 Register a peer platform", description = "Centre code, name, base URL, agreement "
            + "and the peer's public keys (JWK, exchanged with the agreement; compare thumbprints). Administrators.")
    Peer register(@RequestBody PeerAdmin.Registration registration) {
        return admin.register(registration, Operator.current());
    }

    @PostMapping("/peers/{code}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记协作平台公钥 Add a peer's key", description = "By hand; a peer's own announcement, signed "
            + "with a key already trusted, does the same. Administrators.")
    Peer addKey(@PathVariable String code, @RequestBody Map<String, Object> jwk) {
        return admin.addKey(code, jwk, Operator.current());
    }

    @PostMapping("/peers/{code}/keys/{keyId}/retirement")
    @Operation(summary = "停用协作平台公钥 Retire a peer's key", description = "Messages signed with it are refused.")
    Peer retireKey(@PathVariable String code, @PathVariable String keyId) {
        return admin.retireKey(code, keyId);
    }

    @GetMapping("/interconnect/keys")
    @Operation(summary = "本中心密钥 This centre's keys", description = "Active, staged (with the peers yet to "
            + "acknowledge) and retired, public parts only.")
    List<Map<String, Object>> ownKeys() {
        return admin.ownKeys();
    }

    @PostMapping("/interconnect/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "生成新密钥 Stage a new key", description = "Published and announced to every peer; it signs "
            + "once activated.")
    Map<String, Object> stage() {
        return admin.stageKey(Operator.current());
    }

    @PostMapping("/interconnect/keys/{keyId}/activation")
    @Operation(summary = "启用密钥 Activate a key", description = "Refused (409) until every peer acknowledged it, "
            + "unless forced: a peer that has not will refuse messages until its administrator adds the key by hand.")
    List<Map<String, Object>> activate(@PathVariable String keyId,
            @RequestParam(defaultValue = "false") boolean force) {
        admin.activateKey(keyId, force);
        return admin.ownKeys();
    }

    @PostMapping("/interconnect/keys/{keyId}/retirement")
    @Operation(summary = "停用本中心密钥 Retire a key", description = "Announced to every peer; not the active key.")
    List<Map<String, Object>> retire(@PathVariable String keyId) {
        admin.retireOwnKey(keyId);
        return admin.ownKeys();
    }

    @GetMapping("/interconnect/messages")
    @Operation(summary = "消息收发记录 Messages exchanged", description = "The latest sent (with delivery state) and "
            + "received (with outcome), and refusals, optionally of one peer.")
    Map<String, Object> messages(@RequestParam(required = false) String peer,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        // what happened to each message, not its body or signed form (a records message is a megabyte)
        return Map.of("sent", outbox.recent(peer, limit).stream().map(m -> summary(m.id(), m.peer(), m.type(),
                m.subject(), m.deliveredAt() != null ? "DELIVERED" : m.refusedAt() != null ? "REFUSED" : "PENDING",
                m.attempts(), m.lastError())).toList(),
                "received", inbox.recent(peer, limit).stream().map(m -> summary(m.id(), m.peer(), m.type(),
                        m.subject(), m.outcome().name(), 1, m.problem())).toList(),
                "refused", inbox.refusals(limit));
    }

    private static Map<String, Object> summary(String id, String peer, String type, String subject, String state,
            int attempts, String problem) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("peer", peer);
        m.put("type", type);
        m.put("subject", subject);
        m.put("state", state);
        m.put("attempts", attempts);
        m.put("problem", problem);
        return m;
    }

    @PostMapping("/interconnect/delivery")
    @Operation(summary = "立即投递 Deliver now", description = "Delivers every message that is due, as the sweep does.")
    Map<String, Object> deliver() {
        return Map.of("settled", outbox.deliverDue());
    }
}
