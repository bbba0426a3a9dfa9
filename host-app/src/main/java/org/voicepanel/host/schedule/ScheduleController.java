package org.voicepanel.host.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.voicepanel.host.account.Caller;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.backup.catalog.LimitsStore;
import org.voicepanel.host.service.Service;
import org.voicepanel.host.service.ServiceAccess;
import org.voicepanel.host.web.Envelope;
import org.voicepanel.host.web.RequestBodies;

/** A service's schedule and retention, its next and its last run (api.md). */
@RestController
class ScheduleController {

    private static final String PATH = "/services/{id}/voiceservers/backup/schedule";

    private final ServiceAccess access;
    private final ScheduleStore schedules;
    private final RunStore runs;
    private final LimitsStore limits;
    private final BackupScheduler scheduler;
    private final RequestBodies bodies;

    ScheduleController(ServiceAccess access, ScheduleStore schedules, RunStore runs, LimitsStore limits,
                       BackupScheduler scheduler, RequestBodies bodies) {
        this.bodies = bodies;
        this.access = access;
        this.schedules = schedules;
        this.runs = runs;
        this.limits = limits;
        this.scheduler = scheduler;
    }

    @GetMapping(PATH)
    Envelope schedule(Caller caller, @PathVariable String id) {
        caller.require(Role.BACKUPS_READ);
        return Envelope.data("schedule", view(access.owned(caller, id)));
    }

    @PutMapping(PATH)
    Envelope setSchedule(Caller caller, @PathVariable String id,
                         @RequestBody(required = false) ScheduleBody.Request body) {
        caller.require(Role.BACKUPS_WRITE);
        Service service = access.owned(caller, id);
        BackupSchedule schedule = ScheduleBody.read(bodies.checked(body), limits.of(service.id()).minIntervalHours());
        schedules.save(service.id(), schedule);
        scheduler.plan(service.id());
        return Envelope.data("schedule", view(service));
    }

    private Map<String, Object> view(Service service) {
        BackupSchedule schedule = schedules.effective(service.id());
        Map<String, Object> view = ScheduleBody.view(schedule);
        if (schedule.enabled()) {
            scheduler.plannedStart(service.id()).ifPresent(start -> view.put("next_run", moment(start, schedule)));
        }
        runs.last(service.id()).ifPresent(run -> {
            Map<String, Object> last = new LinkedHashMap<>();
            last.put("due_at", utc(run.dueAt()));
            last.put("started_at", utc(run.startedAt()));
            if (run.finishedAt() != null) {
                last.put("finished_at", utc(run.finishedAt()));
            }
            last.put("result", run.result().name().toLowerCase(Locale.ROOT));
            if (run.snapshotId() != null) {
                last.put("snapshot_id", run.snapshotId());
            }
            if (run.error() != null) {
                last.put("error", run.error());
            }
            view.put("last_run", last);
        });
        return view;
    }

    /** {@code {at: UTC, local: the same moment in the schedule's zone, with its offset}}. */
    private static Map<String, Object> moment(Instant instant, BackupSchedule schedule) {
        Map<String, Object> moment = new LinkedHashMap<>();
        moment.put("at", utc(instant));
        moment.put("local", instant.truncatedTo(ChronoUnit.SECONDS).atZone(schedule.zone()).toOffsetDateTime().toString());
        return moment;
    }

    private static String utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
