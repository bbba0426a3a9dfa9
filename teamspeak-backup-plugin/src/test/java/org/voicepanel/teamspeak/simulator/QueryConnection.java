package org.voicepanel.teamspeak.simulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Serves one client socket: sends the greeting, then reads one command at a time and answers it completely
 * before reading the next, which keeps pipelined commands (ts3-api with {@code FloodRate.UNLIMITED}) in order.
 * Applies the test knobs around each command. Runs on its own thread.
 */
final class QueryConnection implements Runnable {

    static final String WELCOME = "Welcome to the TeamSpeak 3 ServerQuery interface, type \"help\" for a list of "
            + "commands and \"help <command>\" for information on a specific command.";

    /** TeamSpeak ends every line it sends with LF CR, the reverse of the usual order (docs/teamspeak.md 1.1). */
    private static final byte[] LINE_END = {'\n', '\r'};

    private final Socket socket;
    private final CommandTable commands;
    private final SimulatorKnobs knobs;
    private final CommandLog log;
    private final QuerySession session;

    QueryConnection(Socket socket, CommandTable commands, SimulatorKnobs knobs, CommandLog log, int clientId) {
        this.socket = socket;
        this.commands = commands;
        this.knobs = knobs;
        this.log = log;
        this.session = new QuerySession(clientId);
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            QueryLineReader in = new QueryLineReader(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            writeLine(out, "TS3");
            writeLine(out, WELCOME);
            out.flush();
            serve(in, out);
        } catch (IOException e) {
            // the client went away or the simulator closed the socket: nothing is left to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the socket, which ends {@link #run()} on its own thread. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void serve(QueryLineReader in, OutputStream out) throws IOException, InterruptedException {
        String line;
        while ((line = in.readLine()) != null) {
            log.line(line);
            if (QueryCommand.isBlank(line)) {
                continue; // a keep-alive: no reply
            }
            QueryCommand command = QueryCommand.parse(line);
            log.command(command.name());
            QueryReply reply = respond(command);
            if (knobs.takeDrop(command.name())) {
                writeFragment(out, reply);
                return;
            }
            for (String dataLine : reply.dataLines()) {
                writeLine(out, dataLine);
            }
            writeLine(out, reply.status().toLine());
            out.flush();
            if (reply.closesConnection()) {
                return;
            }
        }
    }

    private QueryReply respond(QueryCommand command) throws InterruptedException {
        Optional<QueryStatus> flooding = session.floodGuard().admit(knobs.floodLimit());
        if (flooding.isPresent()) {
            return QueryReply.failed(flooding.get());
        }
        Duration delay = knobs.delayOf(command.name());
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        Optional<QueryStatus> forced = knobs.failureOf(command.name());
        if (forced.isPresent()) {
            return QueryReply.failed(forced.get());
        }
        return commands.execute(command, session);
    }

    /**
     * Sends the first half of the first data line, never a whole line and never a status line: a client reading
     * up to end of stream would take a cut {@code error id=0} for success.
     */
    private static void writeFragment(OutputStream out, QueryReply reply) throws IOException {
        if (!reply.dataLines().isEmpty()) {
            byte[] first = reply.dataLines().get(0).getBytes(StandardCharsets.UTF_8);
            out.write(Arrays.copyOf(first, first.length / 2));
        }
        out.flush();
    }

    private static void writeLine(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write(LINE_END);
    }
}
