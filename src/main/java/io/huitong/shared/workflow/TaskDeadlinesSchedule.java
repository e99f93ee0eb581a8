package io.huitong.shared.workflow;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;

/** Sweeps overdue tasks every minute; off where the tests drive the clock ({@code huitong.tasks.sweep=false}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "huitong.tasks.sweep", havingValue = "true", matchIfMissing = true)
class TaskDeadlinesSchedule {

    private final TaskDeadlines deadlines;

    TaskDeadlinesSchedule(TaskDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    // once per cluster: the node holding the lock runs it
    @SchedulerLock(name = "task-deadlines-sweep", lockAtMostFor = "PT5M", lockAtLeastFor = "PT5S")

    @Scheduled(fixedDelayString = "${huitong.tasks.sweep-interval:PT1M}", initialDelayString = "PT1M")
    void sweep() {
        deadlines.sweep();
    }
}
