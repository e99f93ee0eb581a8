package io.huitong.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The partner answering a request chooses its venue from a list, not by typing an id: when {@code answerRequest}
 * is created, the task-local {@code venueOptions} lists the partner's own venues (label: name and seats; value: its
 * id) as a JSON variable, which the form's select reads through {@code valuesKey} (Camunda Forms in Tasklist). The
 * chosen id is the step's input {@code venueId}, checked as before ({@code remote.answered}).
 */
@Component("venueChoice")
public class VenueChoice {

    public static final String OPTIONS = "venueOptions";

    private final Centres centres;
    private final ObjectMapper json;

    VenueChoice(Centres centres, ObjectMapper json) {
        this.centres = centres;
        this.json = json;
    }

    /** Task listener (create) of {@code answerRequest}. */
    public void offer(DelegateTask task) {
        String centre = (String) task.getVariable(RemoteProcess.PARTNER_CENTRE);
        List<Map<String, String>> options = centres.venues(centre).stream().map(v -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", v.name() + "（" + v.seats() + " 席 seats）");
            option.put("value", v.id());
            return option;
        }).toList();
        try {
            task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
