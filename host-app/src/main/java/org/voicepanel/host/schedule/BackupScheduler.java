package org.voicepanel.host.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.voicepanel.host.service.ServiceStore;

/**
 * The panel's db-scheduler (docs/backups.md): one execution per service with a schedule, whose time is the next
 * run's start and whose data its due time. db-scheduler picks each execution on exactly one panel instance
 * (optimistic locking on the row), and revives the execution of a panel whose heartbeats stopped, on another one.
 * After a run, the execution moves to the first due time after the one the run stood for; a run that starts after
 * later due times have passed stands for the latest of them: missed due times collapse into one run.
 * Started once the panel is ready; stopped, waiting for running runs, when it stops.
 */
@Component
public class BackupScheduler implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    static final String TASK = "scheduled-backup";
    private static final Logger log = LoggerFactory.getLogger(BackupScheduler.class);

    private final ScheduleStore schedules;
    private final ServiceStore services;
    private final ScheduledRun run;
    private final BackupsProperties properties;
    private final Clock clock;
    private final CustomTask<String> task;
    private final Scheduler scheduler;

    BackupScheduler(DataSource dataSource, ScheduleStore schedules, ServiceStore services, ScheduledRun run,
                    BackupsProperties properties, Clock clock) {
        this.schedules = schedules;
        this.services = services;
        this.run = run;
        this.properties = properties;
        this.clock = clock;
        this.task = Tasks.custom(TASK, String.class)
                .onDeadExecutionRevive()
                .onFailure((complete, operations) ->
                        operations.reschedule(complete, clock.instant().plus(properties.busyRetry())))
                .execute(this::execute);
        RecurringTask<Void> sweep = Tasks.recurring("backup-schedule-sweep", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> sweep());
        Clock panelClock = clock;
        SchedulerBuilder builder = new SchedulerBuilder(dataSource, List.of(task)) {
            {
                // db-scheduler keeps its clock protected; the panel's (tests move it) drives due times
                this.clock = panelClock::instant;
            }
        };
        this.scheduler = builder
                .startTasks(sweep)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .threads(Math.max(1, properties.threads()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(4)
                .serializer(new TextSerializer())
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        scheduler.start();
    }

    /** Moves the service's execution to its schedule's next run, or removes it when the schedule is off. */
    public void plan(long serviceId) {
        BackupSchedule schedule = schedules.effective(serviceId);
        Optional<NextRun> next = NextRun.after(clock.instant(), serviceId, schedule, properties.jitter());
        TaskInstanceId id = TaskInstanceId.of(TASK, Long.toString(serviceId));
        try {
            var existing = scheduler.getScheduledExecution(id);
            if (existing.isPresent() && existing.get().isPicked()) {
                // the run is going on; when it ends it plans from the schedule saved now
                return;
            }
            if (next.isEmpty()) {
                existing.ifPresent(execution -> scheduler.cancel(id));
            } else if (existing.isPresent()) {
                scheduler.reschedule(id, next.get().startsAt(), next.get().dueAt().toString());
            } else {
                scheduler.scheduleIfNotExists(task.instance(Long.toString(serviceId), next.get().dueAt().toString()),
                        next.get().startsAt());
            }
        } catch (RuntimeException e) {
            // picked between the read and the change, or planned by another instance at the same moment
            log.info("The executions of service {} changed meanwhile; the run in progress plans from the saved"
                    + " schedule ({})", serviceId, e.getMessage());
        }
    }

    /** When the service's next run starts, as the scheduler holds it. */
    Optional<Instant> plannedStart(long serviceId) {
        return scheduler.getScheduledExecution(TaskInstanceId.of(TASK, Long.toString(serviceId)))
                .map(execution -> execution.getExecutionTime());
    }

    private CompletionHandler<String> execute(TaskInstance<String> instance, ExecutionContext context) {
        long serviceId = Long.parseLong(instance.getId());
        Instant due = schedules.effective(serviceId).latestDue(Instant.parse(instance.getData()), clock.instant());
        ScheduledRun.Outcome outcome = run.run(serviceId, due, context.getExecution().executionTime);
        log.debug("Service {}: the run for {} ended {}", serviceId, due, outcome);
        return (complete, operations) -> {
            Instant now = clock.instant();
            if (outcome == ScheduledRun.Outcome.RETRY_LATER) {
                operations.reschedule(complete, now.plus(properties.busyRetry()), due.toString());
                return;
            }
            if (outcome == ScheduledRun.Outcome.RETRY_SOON) {
                operations.reschedule(complete, now.plus(hostRetry(serviceId)), due.toString());
                return;
            }
            // after the due time the run stood for, not after now: a run that ends late must not skip the next one
            Optional<NextRun> next = NextRun.after(due, serviceId, schedules.effective(serviceId), properties.jitter());
            if (next.isPresent()) {
                log.debug("Service {}: next run for {} starts at {}", serviceId, next.get().dueAt(), next.get().startsAt());
                operations.reschedule(complete, next.get().startsAt(), next.get().dueAt().toString());
            } else {
                operations.remove();
            }
        };
    }

    /** A run whose host is full waits about one polling interval, spread so the waiting runs do not all return at once. */
    private Duration hostRetry(long serviceId) {
        long base = Math.max(200, properties.pollingInterval().toMillis());
        return Duration.ofMillis(base + Math.floorMod(serviceId * 7919, base));
    }

    /**
     * Gives every service whose schedule is on an execution if it has none (one made by the default schedule, or
     * lost); never touches an existing one, which may be running or waiting to retry.
     */
    private void sweep() {
        Instant now = clock.instant();
        for (var service : services.all()) {
            BackupSchedule schedule = schedules.effective(service.id());
            NextRun.after(now, service.id(), schedule, properties.jitter()).ifPresent(next ->
                    scheduler.scheduleIfNotExists(task.instance(Long.toString(service.id()), next.dueAt().toString()),
                            next.startsAt()));
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "panel";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
