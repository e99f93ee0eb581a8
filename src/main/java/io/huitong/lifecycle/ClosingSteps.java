package io.huitong.lifecycle;

import io.huitong.bidding.BondsRefunded;
import io.huitong.shared.security.Operator;
import io.huitong.shared.workflow.TaskActions;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The steps after the award that take nothing but their doing — the contract signed, published and filed, the
 * written report to the supervisor — each through its own door, as every other step has; and the refund steps,
 * done when finance has confirmed every bond they cover.
 */
@Service
public class ClosingSteps {

    /** The steps of the lifecycle model that these doors complete. */
    public enum Step {
        /** 签订合同 (TBL 46; GPL 46). */
        SIGN_CONTRACT(LifecycleProcess.SIGN_CONTRACT),
        /** 公告政府采购合同 (GPR 50). */
        PUBLISH_CONTRACT(LifecycleProcess.PUBLISH_CONTRACT),
        /** 合同备案 (GPL 47). */
        FILE_CONTRACT(LifecycleProcess.FILE_CONTRACT),
        /** 书面报告监督部门 (TBL 47). */
        REPORT_TO_SUPERVISOR(LifecycleProcess.REPORT_TO_SUPERVISOR);

        final String taskKey;

        Step(String taskKey) {
            this.taskKey = taskKey;
        }
    }

    private final TaskActions tasks;
    private final ClosingStage lifecycle;

    ClosingSteps(TaskActions tasks, ClosingStage lifecycle) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
    }

    /** The tenderer does the step: 409 when it is not open, 403 for anyone but the tenderer. */
    public void complete(String tenderId, Step step, Operator operator) {
        tasks.complete(tenderId, step.taskKey, operator, Map.of());
    }

    /**
     * Finance confirmed refunds: an open refund step whose every bond is now refunded is done, by the one who
     * confirmed them (the step's own listener then meets its due dates).
     */
    @EventListener
    public void refunded(BondsRefunded event) {
        for (var task : tasks.open(event.tenderId())) {
            if (lifecycle.coveredByRefundStep(event.tenderId(), task).map(List::isEmpty).orElse(false)) {
                tasks.completeTask(task.getId(), event.operator());
            }
        }
    }
}
