package io.huitong.guarantee;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
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

    private final ECKey centre;
    private final ECKey provider;
    private final ECKey demoBank;

    GuaranteeKeys(@Value("${huitong.guarantee.centre-key:}") String centreKey,
            @Value("${huitong.guarantee.provider-key:}") String providerKey,
            @Value("${huitong.guarantee.demo-bank:false}") boolean demoBank) {
        if (demoBank) {
            this.centre = generate("centre");
            this.demoBank = generate("demo-bank");
            this.provider = this.demoBank.toPublicJWK();
        } else {
            this.centre = centreKey.isBlank() ? null : parse(centreKey, "huitong.guarantee.centre-key");
            this.provider = providerKey.isBlank() ? null : parse(providerKey, "huitong.guarantee.provider-key");
            this.demoBank = null;
        }
    }

    /** Both keys, when the exchange is configured. */
    public boolean configured() {
        return centre != null && provider != null;
    }

    public ECKey centre() {
        return centre;
    }

    public ECKey provider() {
        return provider;
    }

    /** The demo bank's signing key (demo and test profiles only). */
    public Optional<ECKey> demoBank() {
        return Optional.ofNullable(demoBank);
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
