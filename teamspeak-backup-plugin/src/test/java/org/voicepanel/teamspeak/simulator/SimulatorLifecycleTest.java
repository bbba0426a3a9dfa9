package org.voicepanel.teamspeak.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Starting, serving many clients at once, and closing without leftovers. */
class SimulatorLifecycleTest {

    @Test
    void portZeroPicksAFreePortForEachSimulator() {
        try (ServerQuerySimulator first = ServerQuerySimulator.start(0);
             ServerQuerySimulator second = ServerQuerySimulator.start(0)) {
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
        }
    }

    @Test
    void servesManyConnectionsAtOnce() throws Exception {
        try (ServerQuerySimulator simulator = ServerQuerySimulator.start(0)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> names = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    names.add(pool.submit(() -> {
                        try (RawQueryClient client = RawQueryClient.connectPastGreeting(simulator)) {
                            client.command("login serveradmin secret");
                            client.command("use sid=1");
                            return client.command("serverinfo").get(0);
                        }
                    }));
                }
                for (Future<String> name : names) {
                    assertThat(name.get()).contains("virtualserver_name=TeamSpeak\\s]I[\\sServer");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(simulator.commandCount("serverinfo")).isEqualTo(32);
        }
    }

    @Test
    void closeDropsConnectionsAndEndsAllItsThreads() {
        ServerQuerySimulator simulator = ServerQuerySimulator.start(0);
        String threadPrefix = "serverquery-simulator-" + simulator.port() + "-";
        simulator.delay("version", Duration.ofMinutes(5));
        RawQueryClient idle = RawQueryClient.connectPastGreeting(simulator);
        RawQueryClient waiting = RawQueryClient.connectPastGreeting(simulator);
        waiting.send("version");
        assertThat(threadsNamed(threadPrefix)).hasSize(3);

        simulator.close();

        assertThat(threadsNamed(threadPrefix)).isEmpty();
        assertThat(idle.isClosedByServer()).isTrue();
        assertThat(waiting.isClosedByServer()).isTrue();
        idle.close();
        waiting.close();
    }

    private static List<Thread> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive()).toList();
    }
}
