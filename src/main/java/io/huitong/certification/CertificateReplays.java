package io.huitong.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionReplay;
import io.huitong.rules.FactReader;
import io.huitong.rules.Refusal;
import io.huitong.rules.RuleSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Certificate and signature decisions decided again (CERTIFICATE, SIGNATURE) from the facts their records keep: for
 * the rule sandbox ({@code POST /api/rules/certificate/evaluate}) and impact analyses of a changed rule.
 */
@Configuration(proxyBeanMethods = false)
class CertificateReplays {

    @Bean
    DecisionReplay certificateReplay(ObjectMapper json) {
        return new Replay(CertificateVerification.CERTIFICATE, "certificate",
                "证书是否认可 / Whether a certificate is accepted for an entity, in a province, on a day; inputs facts "
                        + "(CertificateFacts), asOf (the day of use)", json);
    }

    @Bean
    DecisionReplay signatureReplay(ObjectMapper json) {
        return new Replay(CertificateVerification.SIGNATURE, "signature",
                "电子签名是否认可 / Whether a signature and its certificate are accepted; inputs facts "
                        + "(CertificateFacts with signatureValid), asOf (the day of use)", json);
    }

    /** What the rules concluded, as the decision record keeps it and a replay gives it. */
    static ObjectNode outputs(RuleSet.Evaluation evaluation, ObjectMapper json) {
        ObjectNode outputs = json.createObjectNode();
        List<Refusal> refusals = evaluation.all(Refusal.class);
        Optional<CertificateAcceptance> acceptance = evaluation.all(CertificateAcceptance.class).stream().findFirst();
        outputs.put("accepted", refusals.isEmpty() && acceptance.isPresent());
        acceptance.ifPresent(a -> outputs.set("acceptedBy", json.valueToTree(a.by())));
        outputs.set("refusedBy", json.valueToTree(refusals.stream().map(r -> r.by().rule()).toList()));
        return outputs;
    }

    private static final class Replay implements DecisionReplay {

        private final String kind;
        private final String name;
        private final String description;
        private final ObjectMapper json;
        private final FactReader facts;

        Replay(String kind, String name, String description, ObjectMapper json) {
            this.kind = kind;
            this.name = name;
            this.description = description;
            this.json = json;
            this.facts = new FactReader(json);
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public Replayed replay(JsonNode inputs, RuleSet ruleSet) {
            CertificateFacts fact = facts.one(inputs, "facts", CertificateFacts.class);
            RuleSet.Evaluation evaluation = ruleSet.evaluate(DecisionReplay.asOf(inputs), List.of(fact));
            return new Replayed(outputs(evaluation, json), evaluation.firedRules());
        }

        @Override
        public Optional<Replayed> recorded(DecisionRecord record) {
            JsonNode outputs = record.outputs();
            if (outputs == null || !outputs.has("refusedBy") || record.firedRules() == null) {
                return Optional.empty();
            }
            return Optional.of(new Replayed(outputs, record.firedRules()));
        }
    }
}
