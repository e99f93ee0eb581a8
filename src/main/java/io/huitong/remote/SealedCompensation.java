package io.huitong.remote;

import io.huitong.rules.DecisionRecord;
import io.huitong.rules.DecisionSealing;
import io.huitong.shared.workflow.TaskActions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a partner is paid under its agreement is between it and the main centre: the compensation decision is
 * sealed from everyone else but supervisors and administrators.
 */
@Component
class SealedCompensation implements DecisionSealing {

    private final TaskActions tasks;
    private final Centres centres;

    SealedCompensation(TaskActions tasks, Centres centres) {
        this.tasks = tasks;
        this.centres = centres;
    }

    @Override
    public boolean sealed(DecisionRecord record, String userId) {
        if (!"REMOTE_COMPENSATION".equals(record.kind())) {
            return false;
        }
        if (userId == null) {
            return true;
        }
        List<String> groups = tasks.groupsOf(userId);
        if (groups.contains("camunda-admin") || groups.contains("supervisor")) {
            return false;
        }
        String main = record.inputs().path("mainCentre").asText();
        String partner = record.inputs().path("partnerCentre").asText();
        return centres.ofGroups(groups).stream().map(Centre::code).noneMatch(c -> c.equals(main) || c.equals(partner));
    }
}
