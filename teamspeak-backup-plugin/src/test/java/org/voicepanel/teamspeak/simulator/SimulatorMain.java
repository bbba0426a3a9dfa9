package org.voicepanel.teamspeak.simulator;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, so someone without a TeamSpeak server can point the panel at it:
 * {@code SimulatorMain [port]} (default 10011). Prints the port and the login, then runs until killed.
 */
public final class SimulatorMain {

    static final int DEFAULT_PORT = 10011;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerQuerySimulator simulator = launch(args, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "serverquery-simulator-shutdown"));
        // the simulator's threads are daemons, so main has to keep the JVM alive
        new CountDownLatch(1).await();
    }

    static ServerQuerySimulator launch(String[] args, PrintStream out) {
        int port = args.length > 0 ? parsePort(args[0]) : DEFAULT_PORT;
        ServerQuerySimulator simulator = ServerQuerySimulator.start(port);
        out.println("TeamSpeak 3 ServerQuery simulator listening on 127.0.0.1:" + simulator.port());
        out.println("login: serveradmin / secret; virtual server 1 on voice port "
                + ServerInstance.FIRST_VOICE_PORT);
        out.flush();
        return simulator;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: SimulatorMain [port]  (default " + DEFAULT_PORT + ")");
        }
    }
}
