package org.voicepanel.host.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.voicepanel.host.account.AccessTokens;
import org.voicepanel.host.account.Role;
import org.voicepanel.host.account.TokenStore;
import org.voicepanel.host.account.UserStore;
import org.voicepanel.host.db.TestDatabase;

/** The request count on a real MariaDB: exact under concurrency, per window, and nothing for a revoked token. */
class RequestBudgetTest {

    private static final long WINDOW = 1_000_000;

    private final Jdbi jdbi = TestDatabase.jdbi();
    private final RequestBudget budget = new RequestBudget(jdbi);
    private final TokenStore tokens = new TokenStore(jdbi, Clock.systemUTC());
    private final UserStore.User alice = new UserStore(jdbi, Clock.systemUTC())
            .create(TestDatabase.unique("alice"), null, false);

    @Test
    void eachRequestCountsOnceInItsWindow() {
        assertThat(budget.spend(alice.id(), WINDOW)).isEqualTo(1);
        assertThat(budget.spend(alice.id(), WINDOW)).isEqualTo(2);
        assertThat(budget.spend(alice.id(), WINDOW)).isEqualTo(3);

        assertThat(budget.spend(alice.id(), WINDOW + 3600)).isEqualTo(1);
        assertThat(windows()).as("the spent window is dropped").containsExactly(WINDOW + 3600);
    }

    @Test
    void aStandingTokenCountsAndARevokedOneCountsNothing() {
        String token = AccessTokens.generate();
        long id = tokens.create(alice.id(), token, EnumSet.of(Role.BACKUPS_READ), "");
        String hash = AccessTokens.hash(token);

        assertThat(budget.spendIfTokenStands(hash, alice.id(), WINDOW)).hasValue(1);
        assertThat(budget.spendIfTokenStands(hash, alice.id(), WINDOW)).hasValue(2);
        tokens.revoke(id);

        assertThat(budget.spendIfTokenStands(hash, alice.id(), WINDOW)).isEmpty();
        assertThat(budget.spendIfTokenStands(hash, alice.id(), WINDOW + 3600)).as("nor opens a new window").isEmpty();
        assertThat(budget.spend(alice.id(), WINDOW)).as("what the revoked token tried was not counted").isEqualTo(3);
    }

    @Test
    void anotherUsersTokenDoesNotCountForThisUser() {
        UserStore.User bob = new UserStore(jdbi, Clock.systemUTC()).create(TestDatabase.unique("bob"), null, false);
        String token = AccessTokens.generate();
        tokens.create(bob.id(), token, EnumSet.of(Role.BACKUPS_READ), "");
        budget.spend(alice.id(), WINDOW);

        assertThat(budget.spendIfTokenStands(AccessTokens.hash(token), alice.id(), WINDOW)).isEmpty();
        assertThat(budget.spend(alice.id(), WINDOW)).isEqualTo(2);
    }

    @Test
    void concurrentRequestsOfOneUserEachGetTheirOwnCount() throws Exception {
        String hash = AccessTokens.hash(tokenOfAlice());
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean proving = t % 2 == 0;
                Callable<List<Integer>> client = () -> {
                    List<Integer> counts = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        counts.add(proving ? budget.spendIfTokenStands(hash, alice.id(), WINDOW).orElseThrow()
                                : budget.spend(alice.id(), WINDOW));
                    }
                    return counts;
                };
                running.add(pool.submit(client));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> client : running) {
                all.addAll(client.get());
            }
            assertThat(all).as("every count from 1 to the total, each once")
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, threads * each)
                            .boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        OptionalInt next = budget.spendIfTokenStands(hash, alice.id(), WINDOW);
        assertThat(next).hasValue(threads * each + 1);
    }

    private String tokenOfAlice() {
        String token = AccessTokens.generate();
        tokens.create(alice.id(), token, EnumSet.of(Role.BACKUPS_READ), "");
        return token;
    }

    private List<Long> windows() {
        return jdbi.withHandle(h -> h.createQuery("SELECT window_start FROM rate_limit_window WHERE user_id = ?")
                .bind(0, alice.id()).mapTo(Long.class).list());
    }
}
