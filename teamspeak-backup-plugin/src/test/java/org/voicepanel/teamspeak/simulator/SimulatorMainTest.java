package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulator started as its own program, as someone trying the panel without TeamSpeak would. */
class SimulatorMainTest {

    @Test
    void runsOnTheGivenPortPrintsItAndServesUntilKilled() throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).endsWith("127.0.0.1:" + port);
            assertThat(output.readLine()).contains("serveradmin / secret");

            try (RawQueryClient client = RawQueryClient.connectPastGreeting(port)) {
                client.command("login serveradmin secret");
                List<String> reply = client.command("serverlist");
                assertThat(reply.get(0)).startsWith("virtualserver_id=1 virtualserver_port=9987 ");
            }
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
