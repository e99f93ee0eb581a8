package io.huitong.guarantee;

import com.nimbusds.jose.jwk.ECKey;
import io.huitong.shared.signing.ExchangeKeys;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys of the exchange with the guarantee provider: the centre's signing key and the provider's public key,
 * each a JWK given in configuration (from the environment, never in the code). With the demo bank on (the demo and
 * test profiles) both sides' keys are made at start-up and live only in memory.
 */
@Component
class GuaranteeKeys {

    private final ExchangeKeys keys;

    GuaranteeKeys(@Value("${huitong.guarantee.centre-key:}") String centreKey,
            @Value("${huitong.guarantee.provider-key:}") String providerKey,
            @Value("${huitong.guarantee.demo-bank:false}") boolean demoBank) {
        this.keys = ExchangeKeys.configure(centreKey, "huitong.guarantee.centre-key", providerKey,
                "huitong.guarantee.provider-key", demoBank, "demo-bank");
    }

    /** Both keys, when the exchange is configured. */
    public boolean configured() {
        return keys.configured();
    }

    public ECKey centre() {
        return keys.centre();
    }

    public ECKey provider() {
        return keys.counterpart();
    }

    /** The demo bank's signing key (demo and test profiles only). */
    public Optional<ECKey> demoBank() {
        return keys.demoKey();
    }
}
