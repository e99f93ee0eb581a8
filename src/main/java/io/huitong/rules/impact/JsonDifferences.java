package io.huitong.rules.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where two outputs differ, as JSON pointers with the value before and after; amounts compare by value (1.0 = 1.00). */
final class JsonDifferences {

    /** One difference: where, before, after (null where absent). */
    record Difference(String path, JsonNode before, JsonNode after) {
    }

    private JsonDifferences() {
    }

    static List<Difference> of(JsonNode before, JsonNode after) {
        List<Difference> found = new ArrayList<>();
        collect("", before == null ? NullNode.getInstance() : before, after == null ? NullNode.getInstance() : after,
                found);
        return found;
    }

    private static void collect(String path, JsonNode before, JsonNode after, List<Difference> found) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(path + "/" + name.replace("~", "~0").replace("/", "~1"), orNull(before.get(name)),
                        orNull(after.get(name)), found);
            }
        } else if (before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                collect(path + "/" + i, before.get(i), after.get(i), found);
            }
        } else if (!same(before, after)) {
            found.add(new Difference(path.isEmpty() ? "/" : path, before, after));
        }
    }

    /**
     * The parts of {@code full} where it differs: the objects on the way to each difference with only the members
     * that lead to one, an array (or any value) whole where a difference is in or at it; empty where none is on this side.
     */
    static JsonNode only(JsonNode full, List<Difference> differences) {
        if (full == null || !full.isObject()) {
            return full;
        }
        com.fasterxml.jackson.databind.node.ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        for (Difference d : differences) {
            if (d.path().equals("/")) {
                return full;
            }
            String[] names = d.path().substring(1).split("/", -1);
            JsonNode source = full;
            List<String> way = new ArrayList<>();
            JsonNode found = null;
            for (String escaped : names) {
                String name = escaped.replace("~1", "/").replace("~0", "~");
                JsonNode child = source.get(name);
                if (child == null) {
                    break;
                }
                way.add(name);
                if (!child.isObject() || way.size() == names.length) {
                    found = child;
                    break;
                }
                source = child;
            }
            if (found == null) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode into = out;
            for (int i = 0; i < way.size() - 1; i++) {
                JsonNode existing = into.get(way.get(i));
                into = existing instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object
                        : into.putObject(way.get(i));
            }
            into.set(way.get(way.size() - 1), found);
        }
        return out;
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()
                && a.size() == b.size()) {
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!same(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!b.has(name) || !same(a.get(name), b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
