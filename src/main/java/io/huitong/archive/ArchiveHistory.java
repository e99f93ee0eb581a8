package io.huitong.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * The process history of one business key as an archive keeps it: {@code history/process-instances.json}, every
 * activity in order ({@code history/activities.json}) and every task with who did it ({@code history/tasks.json}).
 */
public final class ArchiveHistory {

    private ArchiveHistory() {
    }

    public static Map<String, byte[]> files(HistoryService history, ObjectMapper json, String businessKey) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list();
        List<Map<String, String>> activities = new ArrayList<>();
        List<Map<String, String>> tasks = new ArrayList<>();
        instances.forEach(p -> {
            history.createHistoricActivityInstanceQuery().processInstanceId(p.getId()).orderPartiallyByOccurrence()
                    .asc().list().forEach(a -> activities.add(Map.of("process", p.getProcessDefinitionKey(),
                            "activity", a.getActivityId(), "name", String.valueOf(a.getActivityName()),
                            "type", a.getActivityType(), "start", String.valueOf(a.getStartTime()),
                            "end", String.valueOf(a.getEndTime()), "assignee", String.valueOf(a.getAssignee()))));
            history.createHistoricTaskInstanceQuery().processInstanceId(p.getId()).list().forEach(t -> tasks.add(
                    Map.of("task", t.getTaskDefinitionKey(), "name", String.valueOf(t.getName()),
                            "assignee", String.valueOf(t.getAssignee()), "start", String.valueOf(t.getStartTime()),
                            "end", String.valueOf(t.getEndTime()),
                            "deleteReason", String.valueOf(t.getDeleteReason()))));
        });
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("history/process-instances.json", ArchiveZip.write(json, instances.stream().map(p -> Map.of(
                "id", p.getId(), "definition", p.getProcessDefinitionKey(), "start", String.valueOf(p.getStartTime()),
                "end", String.valueOf(p.getEndTime()), "state", String.valueOf(p.getState()))).toList()));
        files.put("history/activities.json", ArchiveZip.write(json, activities));
        files.put("history/tasks.json", ArchiveZip.write(json, tasks));
        return files;
    }
}
