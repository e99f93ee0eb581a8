package io.huitong.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the facts a decision record keeps back into the fact types the rules match. Facts were written with their
 * derived properties (a getter such as {@code isAfterDeadline}), which are ignored when read; amounts are exact. A
 * list of facts of several types (an opening's bids) is read by their fields: each object becomes the record type
 * most of whose components it has (the smaller type when two match as well).
 */
public final class FactReader {

    private final ObjectMapper json;

    public FactReader(ObjectMapper json) {
        // a fact's derived getters (OpenedBid's unconfirmedMembers) are written with it and ignored on reading: a
        // collection getter is not a setter, or Jackson adds to the fact's immutable list
        ObjectMapper reader = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.json = reader.setConfig(reader.getDeserializationConfig()
                .without(com.fasterxml.jackson.databind.MapperFeature.USE_GETTERS_AS_SETTERS));
    }

    /** The object of that field, required. */
    public <T> T one(JsonNode inputs, String field, Class<T> type) {
        JsonNode node = inputs == null ? null : inputs.get(field);
        if (node == null || node.isNull()) {
            throw new DecisionReplay.NotReplayable(field, "输入缺少 " + field, "The inputs hold no " + field);
        }
        return read(node, field, type);
    }

    /** The object of that field, or null. */
    public <T> T optional(JsonNode inputs, String field, Class<T> type) {
        JsonNode node = inputs == null ? null : inputs.get(field);
        return node == null || node.isNull() ? null : read(node, field, type);
    }

    /** The array of that field, each of one type; none is empty. */
    public <T> List<T> list(JsonNode inputs, String field, Class<T> type) {
        JsonNode node = inputs == null ? null : inputs.get(field);
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new DecisionReplay.NotReplayable(field, field + " 须为数组", field + " must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(read(node.get(i), field + "[" + i + "]", type));
        }
        return out;
    }

    /** The array of that field, each object of whichever of the record types its fields make it. */
    public List<Object> mixed(JsonNode inputs, String field, List<Class<? extends Record>> types) {
        JsonNode node = inputs == null ? null : inputs.get(field);
        List<Object> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new DecisionReplay.NotReplayable(field, field + " 须为数组", field + " must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Set<String> names = new HashSet<>();
            item.fieldNames().forEachRemaining(names::add);
            Class<? extends Record> best = null;
            int most = 0;
            int size = Integer.MAX_VALUE;
            for (Class<? extends Record> type : types) {
                List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .toList();
                int present = (int) components.stream().filter(names::contains).count();
                if (present > most || present == most && best != null && components.size() < size) {
                    best = type;
                    most = present;
                    size = components.size();
                }
            }
            String at = field + "[" + i + "]";
            if (best == null) {
                throw new DecisionReplay.NotReplayable(at, at + " 不是已知的事实类型", at + " is none of the known facts "
                        + types.stream().map(Class::getSimpleName).toList());
            }
            out.add(read(item, at, best));
        }
        return out;
    }

    /** Any value as JSON, for outputs. */
    public JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    /**
     * Values as a JSON array in a fixed order (by their JSON text): the rules' conclusions come out of working memory
     * in no particular order, and two evaluations that conclude the same must compare equal.
     */
    public com.fasterxml.jackson.databind.node.ArrayNode sorted(java.util.Collection<?> values) {
        com.fasterxml.jackson.databind.node.ArrayNode array = json.createArrayNode();
        values.stream().map(v -> (JsonNode) json.valueToTree(v)).sorted(java.util.Comparator.comparing(JsonNode::toString))
                .forEach(array::add);
        return array;
    }

    /** The array's items in a fixed order (by their JSON text). */
    public static com.fasterxml.jackson.databind.node.ArrayNode sorted(com.fasterxml.jackson.databind.node.ArrayNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(java.util.Comparator.comparing(JsonNode::toString));
        array.removeAll();
        items.forEach(array::add);
        return array;
    }

    public ObjectMapper mapper() {
        return json;
    }

    private <T> T read(JsonNode node, String field, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new DecisionReplay.NotReplayable(field, field + " 无法读取为 " + type.getSimpleName(),
                    field + " cannot be read as " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst()
                            .orElse(""));
        }
    }
}
