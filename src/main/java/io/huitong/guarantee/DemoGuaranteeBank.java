package io.huitong.guarantee;

import io.huitong.shared.signing.SignedMessages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import io.huitong.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A guarantee provider for the demo and the tests (huitong.guarantee.demo-bank=true): it speaks the same signed
 * protocol a bank would, over real HTTP, and keeps its guarantees in memory (a bank's books are the bank's). It
 * answers only messages signed with the centre's key: that signature is its door's authentication.
 */
@RestController
@RequestMapping("/guarantee-bank")
@ConditionalOnProperty(name = "huitong.guarantee.demo-bank", havingValue = "true")
class DemoGuaranteeBank {

    private final ObjectMapper json;
    private final GuaranteeKeys keys;
    private final ECKey bank;
    private final Clock clock;
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final AtomicLong serial = new AtomicLong();

    DemoGuaranteeBank(ObjectMapper json, GuaranteeKeys keys, Clock clock) {
        this.json = json;
        this.keys = keys;
        this.bank = keys.demoBank().orElseThrow();
        this.clock = clock;
    }

    @PostMapping(path = "/orders", consumes = SignedMessages.MEDIA_TYPE, produces = SignedMessages.MEDIA_TYPE)
    ResponseEntity<String> order(@RequestBody String signed) {
        GuaranteeProvider.Order order;
        try {
            order = SignedMessages.verify(json, signed, keys.centre().toPublicJWK(), GuaranteeProvider.Order.class);
        } catch (SecurityException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(e.getMessage());
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String no = "DEMO-BG-" + today.toString().replace("-", "") + "-" + String.format("%06d",
                serial.incrementAndGet());
        byte[] file = ("电子投标保函 Electronic bid guarantee\n保函编号 No.: " + no + "\n项目 Project: " + order.projectNo()
                + " " + order.projectName() + "\n申请人 Principal: " + order.principalName() + " (" + order.principalId()
                + ")\n受益人 Beneficiary: " + order.beneficiary() + "\n担保金额 Amount: " + order.amount().toPlainString()
                + " 元\n有效期 Valid: " + today + " — " + order.endDate() + "\n演示银行 Demo bank\n")
                .getBytes(StandardCharsets.UTF_8);
        states.put(no, "ISSUED");
        GuaranteeProvider.Issued issued = new GuaranteeProvider.Issued(no, order.orderNo(), order.projectNo(),
                order.principalId(), order.amount(), clock.instant(), today, order.endDate(),
                Base64.getEncoder().encodeToString(file), Digests.md5Hex(file), Digests.sha256Hex(file));
        return ResponseEntity.ok(SignedMessages.sign(json, issued, bank));
    }

    @PostMapping(path = "/claims", consumes = SignedMessages.MEDIA_TYPE, produces = SignedMessages.MEDIA_TYPE)
    ResponseEntity<String> claim(@RequestBody String signed) {
        return settle(signed, GuaranteeProvider.Claim.class, "CLAIMED");
    }

    @PostMapping(path = "/surrenders", consumes = SignedMessages.MEDIA_TYPE, produces = SignedMessages.MEDIA_TYPE)
    ResponseEntity<String> surrender(@RequestBody String signed) {
        return settle(signed, GuaranteeProvider.Surrender.class, "SURRENDERED");
    }

    private <T> ResponseEntity<String> settle(String signed, Class<T> type, String state) {
        ObjectNode message;
        try {
            message = json.valueToTree(SignedMessages.verify(json, signed, keys.centre().toPublicJWK(), type));
        } catch (SecurityException e) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(e.getMessage());
        }
        String no = message.get("guaranteeNo").asText();
        if (!"ISSUED".equals(states.get(no))) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body("guarantee " + no + " is " + states.get(no));
        }
        states.put(no, state);
        return ResponseEntity.ok(SignedMessages.sign(json, Map.of("guaranteeNo", no, "status", state,
                "at", clock.instant().toString()), bank));
    }
}
