package org.voicepanel.teamspeak.query;

import org.voicepanel.api.BackupException;
import org.voicepanel.api.VoiceService;

/**
 * Checks a service's query settings before anything is sent. ts3-api escapes login, password and ids,
 * but a control character in a password is never legitimate and would be sent to the server as is
 * after escaping; refusing it up front keeps the wire free of anything a person did not mean to type.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static void check(VoiceService service) {
        String host = service.host();
        if (host.isBlank() || host.length() > 253 || host.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw unusable("its host name is not valid");
        }
        if (ServerQueryLogin.queryPort(service) < 1 || ServerQueryLogin.queryPort(service) > 65535) {
            throw unusable("its query port is not between 1 and 65535");
        }
        if (ServerQueryLogin.virtualServerId(service) < 1) {
            throw unusable("its virtual server id is not positive");
        }
        if (ServerQueryLogin.username(service) == null || ServerQueryLogin.username(service).isEmpty()) {
            throw unusable("it has no query login name");
        }
        if (hasControlCharacter(ServerQueryLogin.username(service))) {
            throw unusable("its query login name contains a control character");
        }
        if (ServerQueryLogin.password(service) == null || hasControlCharacter(ServerQueryLogin.password(service))) {
            throw unusable("its query password is missing or contains a control character");
        }
    }

    static void checkSlots(VoiceService service) {
        if (service.slots() < 1) {
            throw unusable("its slot count is not positive");
        }
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    private static BackupException unusable(String reason) {
        return new BackupException(BackupException.Reason.BAD_REQUEST,
                "The service's voice server settings cannot be used: " + reason + ".");
    }
}
