package org.voicepanel.teamspeak.query;

import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import com.github.theholywaffle.teamspeak3.api.exception.TS3ConnectionFailedException;
import com.github.theholywaffle.teamspeak3.api.exception.TS3QueryShutDownException;
import com.github.theholywaffle.teamspeak3.api.wrapper.QueryError;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.voicepanel.api.BackupException;

/**
 * Words every ServerQuery failure as the user sees it. An error the server answered becomes
 * {@code VOICESERVER_ERROR} carrying its id and text (any non-zero id is a failure, never matched on one
 * id: docs/teamspeak.md 2.6); a server that cannot be reached, refuses, stays silent or drops the
 * connection becomes {@code VOICESERVER_UNAVAILABLE}. Stateless.
 */
final class QueryFailures {

    private static final int LONGEST_SERVER_TEXT = 200;

    private QueryFailures() {
    }

    static BackupException translate(String command, String where, Throwable failure) {
        if (failure instanceof BackupException backup) {
            return backup;
        }
        if (failure instanceof TS3CommandFailedException commandFailed) {
            return answered(command, commandFailed.getError());
        }
        if (failure instanceof TS3QueryShutDownException) {
            return unavailable("The voice server at " + where + " closed the connection during " + command + ".",
                    failure);
        }
        Throwable cause = rootCause(failure);
        if (cause instanceof ConnectException) {
            return unavailable("The voice server at " + where + " refused the connection.", failure);
        }
        if (cause instanceof UnknownHostException) {
            return unavailable("The voice server's host name " + hostOf(where) + " could not be resolved.", failure);
        }
        if (cause instanceof NoRouteToHostException) {
            return unavailable("The voice server at " + where + " cannot be reached.", failure);
        }
        if (cause instanceof SocketTimeoutException) {
            return unavailable("The voice server at " + where + " did not answer in time.", failure);
        }
        if (cause instanceof NotServerQueryException) {
            return unavailable("The service at " + where + " does not speak TeamSpeak ServerQuery.", failure);
        }
        if (failure instanceof TS3ConnectionFailedException || cause instanceof java.io.IOException) {
            return unavailable("The voice server at " + where + " cannot be reached.", failure);
        }
        return new BackupException(BackupException.Reason.VOICESERVER_ERROR,
                "The voice server gave an unexpected answer to " + command + ".", failure);
    }

    static BackupException timedOut(String command, String where, Duration deadline) {
        return unavailable("The voice server at " + where + " did not answer " + command + " within "
                + seconds(deadline) + "; the panel closed the connection.", null);
    }

    static BackupException silent(String where, Duration deadline) {
        return unavailable("The voice server at " + where + " did not answer within " + seconds(deadline) + ".", null);
    }

    static BackupException answered(String command, QueryError error) {
        String message = clean(error.getMessage());
        String extra = clean(error.getExtraMessage());
        StringBuilder text = new StringBuilder("The voice server answered error ").append(error.getId()).append(" (")
                .append(message.isEmpty() ? "no message" : message);
        if (!extra.isEmpty()) {
            text.append(": ").append(extra);
        }
        if (error.getFailedPermissionId() > 0) {
            text.append(", missing permission ").append(error.getFailedPermissionId());
        }
        text.append(") to ").append(command).append('.');
        return new BackupException(BackupException.Reason.VOICESERVER_ERROR, text.toString());
    }

    static BackupException unavailable(String message, Throwable cause) {
        return new BackupException(BackupException.Reason.VOICESERVER_UNAVAILABLE, message, cause);
    }

    /** Server text goes into an HTTP answer: one line, printable, bounded. */
    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.codePoints()
                .map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().trim();
        return printable.length() <= LONGEST_SERVER_TEXT ? printable
                : printable.substring(0, LONGEST_SERVER_TEXT) + "...";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : String.format(java.util.Locale.ROOT, "%.1f seconds",
                millis / 1000.0);
    }

    private static String hostOf(String where) {
        int colon = where.lastIndexOf(':');
        return colon < 0 ? where : where.substring(0, colon);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
