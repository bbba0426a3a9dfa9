package org.voicepanel.teamspeak.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import com.github.theholywaffle.teamspeak3.api.exception.TS3ConnectionFailedException;
import com.github.theholywaffle.teamspeak3.api.exception.TS3QueryShutDownException;
import com.github.theholywaffle.teamspeak3.api.wrapper.QueryError;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;

class QueryFailuresTest {

    @Test
    void answeredErrorCarriesIdMessageAndExtraMessage() {
        QueryError error = new QueryError(Map.of("id", "1538", "msg", "invalid parameter",
                "extra_msg", "invalid snapshot hash"));

        BackupException failure = QueryFailures.translate("serversnapshotdeploy", "ts:10011",
                new TS3CommandFailedException(error, "serversnapshotdeploy"));

        assertThat(failure.reason()).isEqualTo(Reason.VOICESERVER_ERROR);
        assertThat(failure).hasMessage("The voice server answered error 1538 (invalid parameter: invalid snapshot"
                + " hash) to serversnapshotdeploy.");
    }

    @Test
    void missingPermissionIsNamed() {
        QueryError error = new QueryError(Map.of("id", "2568", "msg", "insufficient client permissions",
                "failed_permid", "180"));

        assertThat(QueryFailures.answered("serversnapshotcreate", error))
                .hasMessageContaining("error 2568 (insufficient client permissions, missing permission 180)");
    }

    @Test
    void serverTextCannotBreakTheMessageIntoLines() {
        QueryError error = new QueryError(Map.of("id", "1", "msg", "first\nsecond\u0007"));

        assertThat(QueryFailures.answered("use", error).getMessage()).doesNotContain("\n", "\u0007");
    }

    @Test
    void refusedConnectionIsUnavailable() {
        BackupException failure = QueryFailures.translate("connect", "ts:10011",
                new TS3ConnectionFailedException(new ConnectException("Connection refused")));

        assertThat(failure.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE);
        assertThat(failure).hasMessage("The voice server at ts:10011 refused the connection.");
    }

    @Test
    void unknownHostIsUnavailable() {
        BackupException failure = QueryFailures.translate("connect", "nowhere.invalid:10011",
                new UnknownHostException("nowhere.invalid"));

        assertThat(failure.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE);
        assertThat(failure).hasMessageContaining("nowhere.invalid could not be resolved");
    }

    @Test
    void droppedConnectionIsUnavailable() {
        BackupException failure = QueryFailures.translate("serversnapshotdeploy", "ts:10011",
                new TS3QueryShutDownException());

        assertThat(failure.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE);
        assertThat(failure).hasMessageContaining("closed the connection during serversnapshotdeploy");
    }

    @Test
    void deadlineIsUnavailableAndSaysHowLongThePanelWaited() {
        assertThat(QueryFailures.timedOut("serversnapshotdeploy", "ts:10011", Duration.ofMillis(1500)))
                .hasMessage("The voice server at ts:10011 did not answer serversnapshotdeploy within 1.5 seconds;"
                        + " the panel closed the connection.")
                .satisfies(e -> assertThat(e.reason()).isEqualTo(Reason.VOICESERVER_UNAVAILABLE));
    }
}
