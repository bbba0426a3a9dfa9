package org.voicepanel.mumble.ice;

import Murmur.InvalidSecretException;
import Murmur.MurmurException;
import Murmur.ServerBootedException;
import com.zeroc.Ice.LocalException;
import com.zeroc.Ice.ObjectNotExistException;
import com.zeroc.Ice.SocketException;
import com.zeroc.Ice.TimeoutException;
import com.zeroc.Ice.DNSException;
import com.zeroc.Ice.ConnectFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;

/**
 * Turns what Ice and murmurd throw into the errors of the HTTP contract (docs/mumble.md, failures). The
 * messages name the server by host and port only: the Ice secret is in no exception Ice raises, and
 * none of ours.
 */
public final class IceFailures {

    private static final Logger log = LoggerFactory.getLogger(IceFailures.class);

    private IceFailures() {
    }

    public static BackupException of(Exception failure, String where, int serverId, String doing) {
        if (failure instanceof BackupException known) {
            return known;
        }
        if (failure instanceof InvalidSecretException) {
            return new BackupException(Reason.VOICESERVER_ERROR, "The Mumble server at " + where
                    + " refused the Ice secret of this service.");
        }
        if (failure instanceof ServerBootedException) {
            return new BackupException(Reason.VOICESERVER_ERROR, "Virtual server " + serverId + " at " + where
                    + " is not running; start it before " + doing + ".");
        }
        if (failure instanceof MurmurException murmur) {
            return new BackupException(Reason.VOICESERVER_ERROR, "The Mumble server at " + where + " refused "
                    + doing + " (" + murmur.ice_id().replace("::Murmur::", "") + ").");
        }
        if (failure instanceof ConnectFailedException || failure instanceof TimeoutException
                || failure instanceof DNSException || failure instanceof SocketException) {
            log.info("Mumble server {} unreachable while {}: {}", where, doing, failure.getClass().getSimpleName());
            return new BackupException(Reason.VOICESERVER_UNAVAILABLE, "The Mumble server at " + where
                    + " cannot be reached over Ice.", failure);
        }
        if (failure instanceof ObjectNotExistException) {
            return new BackupException(Reason.VOICESERVER_ERROR, "The Ice port at " + where
                    + " is not a Mumble server's.");
        }
        if (failure instanceof LocalException) {
            log.warn("Ice failed at {} while {}", where, doing, failure);
            return new BackupException(Reason.VOICESERVER_ERROR, "Talking to the Mumble server at " + where
                    + " failed (" + failure.getClass().getSimpleName() + ").", failure);
        }
        if (failure instanceof RuntimeException unexpected) {
            throw unexpected;
        }
        log.warn("Unexpected Ice failure at {} while {}", where, doing, failure);
        return new BackupException(Reason.VOICESERVER_ERROR, "The Mumble server at " + where + " refused " + doing
                + ".", failure);
    }
}
