package io.huitong.shared.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.util.Optional;

/**
 * The keys of a signed exchange with an outside party (a guarantee provider, the authorities' gateway): the centre's
 * signing key and the counterpart's public key, each an EC JWK from configuration (the environment, never the code).
 * With the demo counterpart on (demo and test profiles) both are made at start-up and live in memory only: the demo's
 * own signing key, and its public half as the counterpart's.
 */
public record ExchangeKeys(ECKey centre, ECKey counterpart, ECKey demo) {

    /**
     * The keys as configured: {@code centreKey} and {@code counterpartKey} (blank: not configured) read as JWKs, named
     * by their properties when they do not parse; or, with {@code demo}, made now (the demo's key id {@code demoKeyId}).
     */
    public static ExchangeKeys configure(String centreKey, String centreProperty, String counterpartKey,
            String counterpartProperty, boolean demo, String demoKeyId) {
        if (demo) {
            ECKey demoKey = generate(demoKeyId);
            return new ExchangeKeys(generate("centre"), demoKey.toPublicJWK(), demoKey);
        }
        return new ExchangeKeys(centreKey == null || centreKey.isBlank() ? null : parse(centreKey, centreProperty),
                counterpartKey == null || counterpartKey.isBlank() ? null : parse(counterpartKey, counterpartProperty),
                null);
    }

    /** Both keys, when the exchange is configured. */
    public boolean configured() {
        return centre != null && counterpart != null;
    }

    /** The demo counterpart's signing key (demo and test profiles only). */
    public Optional<ECKey> demoKey() {
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
