package io.huitong.registry;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
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

    private final ECKey centre;
    private final ECKey gateway;
    private final ECKey demo;

    AuthorityKeys(@Value("${huitong.registry.authority.centre-key:}") String centreKey,
            @Value("${huitong.registry.authority.gateway-key:}") String gatewayKey,
            @Value("${huitong.registry.authority.demo:false}") boolean demo) {
        if (demo) {
            this.centre = generate("centre");
            this.demo = generate("demo-authority");
            this.gateway = this.demo.toPublicJWK();
        } else {
            this.centre = centreKey.isBlank() ? null : parse(centreKey, "huitong.registry.authority.centre-key");
            this.gateway = gatewayKey.isBlank() ? null : parse(gatewayKey, "huitong.registry.authority.gateway-key");
            this.demo = null;
        }
    }

    boolean configured() {
        return centre != null && gateway != null;
    }

    ECKey centre() {
        return centre;
    }

    ECKey gateway() {
        return gateway;
    }

    /** The demo authority's signing key (demo and test profiles only). */
    Optional<ECKey> demo() {
        return Optional.ofNullable(demo);
    }

    private static ECKey generate(String id) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey parse(String jwk, String property) {
        try {
            return ECKey.parse(jwk);
        } catch (ParseException e) {
            throw new IllegalStateException(property + " is not an EC JWK: " + e.getMessage(), e);
        }
    }
}
