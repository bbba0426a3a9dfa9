package org.voicepanel.host.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voicepanel.host.web.JsonBodies.checked;
import static org.voicepanel.host.web.JsonBodies.refusal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.web.ApiException;

/** The schedule's body as the route reads it: each refusal one sentence naming the JSON field. */
class ScheduleBodyTest {

    private static BackupSchedule read(String json) {
        return ScheduleBody.read(checked(json, ScheduleBody.Request.class), 1);
    }

    private static String refused(String json) {
        return refusal(json, ScheduleBody.Request.class);
    }

    @Test
    void aWeeklyScheduleWithRetentionIsReadWithTheDefaultsForWhatIsLeftOut() {
        BackupSchedule schedule = read("{\"enabled\":true,\"time_zone\":\"Europe/Berlin\",\"weekly_on\":\"Monday\","
                + "\"daily_at\":\"03:30\",\"retention\":{\"keep\":5,\"weekly\":4}}");

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.weeklyOn()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(schedule.dailyAt()).isEqualTo(LocalTime.of(3, 30));
        assertThat(schedule.retention()).isEqualTo(new Retention(5, 0, 4, 0));
        assertThat(read("{\"enabled\":true,\"every_hours\":6}").zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(read("{\"enabled\":false}").retention()).isEqualTo(Retention.DEFAULT);
    }

    @Test
    void eachBadFieldIsNamedInASentenceOfItsOwn() {
        assertThat(refused("{}")).isEqualTo("The field enabled (true or false) is required.");
        assertThat(refused("{\"enabled\":true,\"daily_at\":\"25:00\",\"time_zone\":\"Mars/Olympus\"}"))
                .isEqualTo("The field daily_at must be a time of day as HH:MM, such as 03:30."
                        + " The field time_zone must be an IANA time zone such as Europe/Berlin or UTC.");
        assertThat(refused("{\"enabled\":true,\"daily_at\":\"03:30\",\"weekly_on\":\"montag\"}"))
                .isEqualTo("The field weekly_on must be a weekday in English, such as monday.");
        assertThat(refused("{\"enabled\":true,\"every_hours\":6,\"retention\":{\"keep\":0,\"monthly\":1001}}"))
                .isEqualTo("The field retention.keep must be a whole number from 1 to 1000."
                        + " The field retention.monthly must be a whole number from 0 to 1000.");
    }

    @Test
    void unknownFieldsAreRefusedByNameAtTheTopAndInRetention() {
        assertThat(refused("{\"enabled\":true,\"every_hours\":6,\"hourly\":true}"))
                .isEqualTo("The field hourly is not part of this request.");
        assertThat(refused("{\"enabled\":true,\"every_hours\":6,\"retention\":{\"keep\":3,\"yearly\":1,\"daily2\":1}}"))
                .isEqualTo("The fields retention.daily2, retention.yearly are not part of this request.");
    }

    @Test
    void aTextOrAFractionIsNoNumberAndATextNoBoolean() {
        assertThat(refused("{\"enabled\":\"true\",\"every_hours\":6}"))
                .isEqualTo("The field enabled has the wrong type or form.");
        assertThat(refused("{\"enabled\":true,\"every_hours\":\"6\"}"))
                .isEqualTo("The field every_hours must be a whole number.");
        assertThat(refused("{\"enabled\":true,\"every_hours\":1.5}"))
                .isEqualTo("The field every_hours must be a whole number.");
    }

    @Test
    void theRulesAcrossFieldsAreSentencesToo() {
        assertThatThrownBy(() -> read("{\"enabled\":true,\"every_hours\":5}")).isInstanceOf(ApiException.class)
                .hasMessage("The field every_hours must be one of 1, 2, 3, 4, 6, 8 or 12.");
        assertThatThrownBy(() -> read("{\"enabled\":true,\"every_hours\":6,\"daily_at\":\"03:30\"}"))
                .hasMessage("Give either every_hours, or daily_at (with weekly_on for a weekly run).");
        assertThatThrownBy(() -> read("{\"enabled\":true}"))
                .hasMessage("Give every_hours, or daily_at (with weekly_on for a weekly run).");
        assertThatThrownBy(() -> ScheduleBody.read(checked("{\"enabled\":true,\"every_hours\":1}",
                ScheduleBody.Request.class), 6)).hasMessage("This service may be backed up at most every 6 hours.");
    }
}
