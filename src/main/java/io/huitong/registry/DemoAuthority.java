package io.huitong.registry;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.huitong.shared.signing.SignedMessages;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The authorities in the demo and the tests ({@code huitong.registry.authority.demo=true}): answers from seed data
 * ({@code demo/registry-authority.yaml}), deterministically, as signed messages the centre checks exactly as it checks
 * the gateway's. An entity not in the seed is not on record.
 */
@Component
@ConditionalOnProperty(name = "huitong.registry.authority.demo", havingValue = "true")
class DemoAuthority implements AuthorityProvider {

    /** One entity of the seed, as the registers know it. */
    record Seeded(String creditCode, String name, String entityType, String legalRepresentative, String regionCode,
            List<QualificationFinding> qualifications, List<PersonFinding> personnel) {
    }

    record Seed(List<Seeded> entities) {
    }

    private final AuthorityExchange exchange;
    private final AuthorityKeys keys;
    private final Map<String, Seeded> seed;

    DemoAuthority(AuthorityExchange exchange, AuthorityKeys keys,
            @Value("${huitong.registry.authority.demo-seed:classpath:demo/registry-authority.yaml}") Resource data)
            throws IOException {
        this.exchange = exchange;
        this.keys = keys;
        YAMLMapper yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        yaml.findAndRegisterModules();
        try (InputStream in = data.getInputStream()) {
            this.seed = yaml.readValue(in, Seed.class).entities().stream()
                    .collect(Collectors.toMap(Seeded::creditCode, Function.identity()));
        }
    }

    @Override
    public Answer<BusinessRegistration> businessRegistration(String creditCode) {
        return answer(CheckKind.BUSINESS_REGISTRATION, creditCode, Message::registration);
    }

    @Override
    public Answer<List<QualificationFinding>> qualifications(String creditCode) {
        return answer(CheckKind.QUALIFICATIONS, creditCode, Message::qualifications);
    }

    @Override
    public Answer<List<PersonFinding>> personnel(String creditCode) {
        return answer(CheckKind.PERSONNEL, creditCode, Message::personnel);
    }

    private <T> Answer<T> answer(CheckKind kind, String creditCode, Function<Message, T> finding) {
        Request request = exchange.request(kind, creditCode);
        String signed = exchange.sign(request);
        Seeded s = seed.get(creditCode);
        Message message = s == null ? new Message(request.requestId(), creditCode, false, null, null, null)
                : switch (kind) {
                    case BUSINESS_REGISTRATION -> new Message(request.requestId(), creditCode, true,
                            new BusinessRegistration(creditCode, s.name(), s.entityType(), s.legalRepresentative(),
                                    s.regionCode()), null, null);
                    case QUALIFICATIONS -> new Message(request.requestId(), creditCode, true, null,
                            s.qualifications() == null ? List.of() : s.qualifications(), null);
                    case PERSONNEL -> new Message(request.requestId(), creditCode, true, null, null,
                            s.personnel() == null ? List.of() : s.personnel());
                };
        String raw = SignedMessages.sign(exchange.json(), message, keys.demo().orElseThrow());
        return exchange.read(request, signed, raw, finding);
    }
}
