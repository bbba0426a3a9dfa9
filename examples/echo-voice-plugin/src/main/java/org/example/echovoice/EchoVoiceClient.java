package org.example.echovoice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.voicepanel.api.BackupException;
import org.voicepanel.api.BackupException.Reason;
import org.voicepanel.api.VoiceService;

/**
 * One admin connection to an Echo Voice server (its line protocol is described on the test's
 * {@code EchoVoiceServer}), opened and logged in for one call and closed after it: the provider keeps
 * no connection between calls. Failures become the {@link BackupException} the user sees: unreachable
 * or timed out is {@code VOICESERVER_UNAVAILABLE}, a refusal {@code VOICESERVER_ERROR}; neither names the
 * password. Not thread-safe; one per call.
 */
final class EchoVoiceClient implements AutoCloseable {

    static final String PORT = "admin_port";
    static final String PASSWORD = "admin_password";
    /** Bounds what a server may make the panel read. */
    static final int MAX_CHANNELS = 10_000;

    private final String where;
    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    private EchoVoiceClient(String where, Socket socket) throws IOException {
        this.where = where;
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Connects to the service's server and logs in, waiting at most {@code timeoutMillis} for each step. */
    static EchoVoiceClient open(VoiceService service, int timeoutMillis) {
        String where = service.host() + ":" + service.integer(PORT);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(service.host(), service.integer(PORT)), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            EchoVoiceClient client = new EchoVoiceClient(where, socket);
            if (!client.ask("LOGIN " + service.text(PASSWORD)).equals("OK")) {
                throw new BackupException(Reason.VOICESERVER_ERROR,
                        "The Echo Voice server at " + where + " refused the admin password.");
            }
            return client;
        } catch (IOException e) {
            closeQuietly(socket);
            throw unavailable(where);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** {@code INFO}: the server's state and how many users it takes. */
    String[] info() {
        String[] answer = ok(ask("INFO"), "reading its state").split(" ");
        if (answer.length != 2) {
            throw refused("reading its state", "an answer of another protocol");
        }
        return answer;
    }

    List<String> channels() {
        int count = count(ok(ask("CHANNELS"), "listing its channels"));
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(line());
        }
        return names;
    }

    void replaceChannels(List<String> names) {
        StringBuilder request = new StringBuilder("REPLACE ").append(names.size());
        names.forEach(name -> request.append('\n').append(name));
        ok(ask(request.toString()), "replacing its channels");
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private String ask(String request) {
        try {
            out.write(request + "\n");
            out.flush();
        } catch (IOException e) {
            throw unavailable(where);
        }
        return line();
    }

    private String line() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw unavailable(where);
            }
            return line;
        } catch (IOException e) {
            throw unavailable(where);
        }
    }

    private String ok(String answer, String doing) {
        if (answer.equals("OK")) {
            return "";
        }
        if (answer.startsWith("OK ")) {
            return answer.substring(3);
        }
        throw refused(doing, answer.startsWith("ERR ") ? answer.substring(4) : "an answer of another protocol");
    }

    private int count(String text) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 0 && count <= MAX_CHANNELS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused("listing its channels", "a channel count of " + text);
    }

    private BackupException refused(String doing, String why) {
        return new BackupException(Reason.VOICESERVER_ERROR,
                "The Echo Voice server at " + where + " failed " + doing + ": " + why + ".");
    }

    private static BackupException unavailable(String where) {
        return new BackupException(Reason.VOICESERVER_UNAVAILABLE,
                "The Echo Voice server at " + where + " cannot be reached.");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }
}
