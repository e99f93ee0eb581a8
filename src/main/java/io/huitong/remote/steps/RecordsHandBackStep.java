package io.huitong.remote.steps;

import io.huitong.remote.RecordsHandBack;
import io.huitong.remote.RemoteAccess;
import io.huitong.remote.RemoteProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The bean {@code recordsHandBack}: listener of {@code handBackRecords}, before the hand-back is recorded. */
@Component("recordsHandBack")
public class RecordsHandBackStep {

    private final RecordsHandBack records;
    private final RemoteAccess access;

    RecordsHandBackStep(RecordsHandBack records, RemoteAccess access) {
        this.records = records;
        this.access = access;
    }

    /** The audio-video records J7 requires are uploaded. */
    public void check(DelegateTask task) {
        records.requireAudioVideo(StepInputs.evaluationId(task, access),
                StepInputs.string(task, RemoteProcess.PARTNER_CENTRE));
    }
}
