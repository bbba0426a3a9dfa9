package org.voicepanel.teamspeak.simulator;

/**
 * A snapshot that cannot be created or deployed. The reason becomes the {@code extra_msg} of
 * {@code error id=1538 msg=invalid\sparameter}, the simulator's choice for every snapshot problem
 * (docs/teamspeak.md 2.6; TeamSpeak's own answer is undocumented).
 */
final class InvalidSnapshotException extends Exception {

    InvalidSnapshotException(String reason) {
        super(reason);
    }

    InvalidSnapshotException(String reason, Throwable cause) {
        super(reason, cause);
    }

    QueryFailure toFailure() {
        return QueryStatus.INVALID_PARAMETER.withExtra(getMessage()).failure();
    }
}
