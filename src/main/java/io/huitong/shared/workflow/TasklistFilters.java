package io.huitong.shared.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist's shared filters (the one {@code camunda.bpm.filter.create} makes, readable by every Tasklist group:
 * {@code shared/security/Authorizations}, and any an administrator shares) show in each list entry which tender the
 * task is for: its number and title ({@link TaskTenders}), labelled in Chinese and English. Set at start-up when
 * missing, next to whatever variables the filter already shows; a filter of a user's own is theirs to arrange.
 */
@Component
class TasklistFilters {

    static final String VARIABLES = "variables";

    private final FilterService filters;

    TasklistFilters(FilterService filters) {
        this.filters = filters;
    }

    @EventListener(ContextRefreshedEvent.class)
    void showTheTender() {
        for (Filter filter : filters.createFilterQuery().filterResourceType(EntityTypes.TASK).list()) {
            if (filter.getOwner() != null) {
                continue;
            }
            Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
                    : new LinkedHashMap<>(filter.getProperties());
            List<Object> shown = properties.get(VARIABLES) instanceof List<?> list ? new ArrayList<>(list)
                    : new ArrayList<>();
            boolean changed = false;
            for (Map.Entry<String, String> variable : TaskTenders.LABELS) {
                boolean present = shown.stream().anyMatch(v -> v instanceof Map<?, ?> m
                        && variable.getKey().equals(m.get("name")));
                if (!present) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", variable.getKey());
                    entry.put("label", variable.getValue());
                    shown.add(entry);
                    changed = true;
                }
            }
            if (changed) {
                properties.put(VARIABLES, shown);
                filter.setProperties(properties);
                filters.saveFilter(filter);
            }
        }
    }
}
