package io.huitong.remote.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huitong.remote.PartnerRequests;
import io.huitong.remote.RemoteProcess;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The bean {@code venueChoice}: the partner answering a request chooses its venue from a list, not by typing an id.
 * When {@code answerRequest} is created, the task-local {@code venueOptions} lists the partner's own venues (label:
 * name and seats; value: its id) as a JSON variable, which the form's select reads through {@code valuesKey}
 * (Camunda Forms in Tasklist). The chosen id is the step's input {@code venueId}, checked as before
 * ({@code remote.answered}).
 */
@Component("venueChoice")
public class VenueChoiceStep {

    public static final String OPTIONS = "venueOptions";

    private final PartnerRequests requests;
    private final ObjectMapper json;

    VenueChoiceStep(PartnerRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    /** Task listener (create) of {@code answerRequest}. */
    public void offer(DelegateTask task) {
        var options = requests.venueOptions(StepInputs.string(task, RemoteProcess.PARTNER_CENTRE));
        try {
            task.setVariableLocal(OPTIONS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
