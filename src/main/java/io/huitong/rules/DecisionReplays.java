package io.huitong.rules;

import io.huitong.shared.web.NotFoundException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every decision kind that can be decided again, by its stored kind and by its sandbox name. */
@Component
public class DecisionReplays {

    private final Map<String, DecisionReplay> byKind = new LinkedHashMap<>();
    private final Map<String, DecisionReplay> byName = new LinkedHashMap<>();

    DecisionReplays(List<DecisionReplay> replays) {
        replays.stream().sorted(Comparator.comparing(DecisionReplay::name)).forEach(r -> {
            if (byKind.put(r.kind(), r) != null || byName.put(r.name(), r) != null) {
                throw new IllegalStateException("two replays of decision kind " + r.kind() + " / " + r.name());
            }
        });
    }

    public Optional<DecisionReplay> ofKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** By sandbox name (eligibility) or stored kind (SUBMISSION), in any case; 404 if there is none. */
    public DecisionReplay named(String name) {
        String key = name == null ? "" : name.strip();
        DecisionReplay replay = byName.get(key.toLowerCase(Locale.ROOT));
        if (replay == null) {
            replay = byKind.get(key.toUpperCase(Locale.ROOT));
        }
        if (replay == null) {
            throw new NotFoundException("没有可沙箱评估的决策类型 " + name + " / No decision kind " + name
                    + " to evaluate; known: " + byName.keySet());
        }
        return replay;
    }

    public List<DecisionReplay> all() {
        return List.copyOf(byName.values());
    }
}
