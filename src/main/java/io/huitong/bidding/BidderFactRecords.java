package io.huitong.bidding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huitong.rules.DecisionRecords;
import io.huitong.rules.FactReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The facts other modules add to a bid's decisions ({@link BidderFactSource}), gathered, kept in a decision's inputs
 * under {@value #FIELD} keyed by their type's simple name, and read back from there for a decision decided again.
 */
@Component
class BidderFactRecords {

    static final String FIELD = "registry";

    private final ObjectProvider<BidderFactSource> sources;
    private final DecisionRecords decisionRecords;
    private final ObjectMapper json;
    private final FactReader reader;

    BidderFactRecords(ObjectProvider<BidderFactSource> sources, DecisionRecords decisionRecords, ObjectMapper json) {
        this.sources = sources;
        this.decisionRecords = decisionRecords;
        this.json = json;
        this.reader = new FactReader(json);
    }

    List<Object> atSubmission(String tenderId, BidFacts bid) {
        List<Object> all = new ArrayList<>();
        sources.orderedStream().forEach(s -> all.addAll(s.atSubmission(tenderId, bid)));
        return all;
    }

    List<Object> atOpening(String tenderId, List<DecryptedBid> bids) {
        List<Object> all = new ArrayList<>();
        sources.orderedStream().forEach(s -> all.addAll(s.atOpening(tenderId, bids)));
        return all;
    }

    /** Keeps the facts in the decision's inputs (nothing when there are none). */
    void keep(ObjectNode inputs, List<Object> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        facts.forEach(f -> byType.computeIfAbsent(f.getClass().getSimpleName(), k -> new ArrayList<>()).add(f));
        ObjectNode node = json.createObjectNode();
        byType.forEach((type, list) -> node.set(type, decisionRecords.facts(list)));
        inputs.set(FIELD, node);
    }

    /** The facts a decision kept, as their types. */
    List<Object> read(JsonNode inputs) {
        JsonNode node = inputs == null ? null : inputs.get(FIELD);
        List<Object> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        sources.orderedStream().flatMap(s -> s.factTypes().stream())
                .forEach(type -> out.addAll(reader.list(node, type.getSimpleName(), type)));
        return out;
    }
}
