package org.voicepanel.teamspeak.query;

import java.io.IOException;

/** The peer answered, but not with a ServerQuery greeting (a wrong port, another service). */
final class NotServerQueryException extends IOException {

    private static final long serialVersionUID = 1L;

    NotServerQueryException() {
        super("the peer did not greet with TS3");
    }
}
