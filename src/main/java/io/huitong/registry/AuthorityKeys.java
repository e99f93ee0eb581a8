package io.huitong.registry;

import com.nimbusds.jose.jwk.ECKey;
import io.huitong.shared.signing.ExchangeKeys;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys of the exchange with the authorities' data-sharing gateway: the centre's signing key and the gateway's
 * public key, each a JWK from configuration ({@code huitong.registry.authority.centre-key}, {@code .gateway-key},
 * given through the environment, never in code). With the demo authority on (demo and test profiles) both are made at
 * start-up and kept in memory only.
 */
@Component
class AuthorityKeys {

    private final ExchangeKeys keys;

    AuthorityKeys(@Value("${huitong.registry.authority.centre-key:}") String centreKey,
            @Value("${huitong.registry.authority.gateway-key:}") String gatewayKey,
            @Value("${huitong.registry.authority.demo:false}") boolean demo) {
        this.keys = ExchangeKeys.configure(centreKey, "huitong.registry.authority.centre-key", gatewayKey,
                "huitong.registry.authority.gateway-key", demo, "demo-authority");
    }

    boolean configured() {
        return keys.configured();
    }

    ECKey centre() {
        return keys.centre();
    }

    ECKey gateway() {
        return keys.counterpart();
    }

    /** The demo authority's signing key (demo and test profiles only). */
    Optional<ECKey> demo() {
        return keys.demoKey();
    }
}
