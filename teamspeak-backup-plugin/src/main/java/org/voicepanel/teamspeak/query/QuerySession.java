package org.voicepanel.teamspeak.query;

import com.github.theholywaffle.teamspeak3.TS3ApiAsync;
import com.github.theholywaffle.teamspeak3.TS3Config;
import com.github.theholywaffle.teamspeak3.TS3Query;
import com.github.theholywaffle.teamspeak3.api.CommandFuture;
import com.github.theholywaffle.teamspeak3.api.exception.TS3CommandFailedException;
import com.github.theholywaffle.teamspeak3.api.reconnect.ReconnectStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voicepanel.api.VoiceService;

/**
 * One ServerQuery session over ts3-api 1.2.0: connect, login, {@code use sid=N -virtual}, commands, quit.
 *
 * <p>ts3-api's synchronous calls wait without a deadline, so every command goes through the async API and
 * is awaited with one; when it passes, the connection is closed at once and the caller gets
 * {@code VOICESERVER_UNAVAILABLE}. The reconnect strategy is {@code disconnect()}: a reconnecting one would
 * send an unanswered deploy a second time. {@code exit()} always runs, bounded, also after a failed connect.
 * Not thread-safe: one session serves one request.
 */
final class QuerySession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuerySession.class);
    /** Extra time for thread hand-over, so the probe's own timeout is what the caller sees. */
    private static final long CONNECT_GRACE_MILLIS = 500;

    private final TS3Query query;
    private final QuerySettings settings;
    private final ExecutorService helper;
    private final String where;
    private boolean broken;
    private boolean closed;

    private QuerySession(TS3Query query, QuerySettings settings, ExecutorService helper, String where) {
        this.query = query;
        this.settings = settings;
        this.helper = helper;
        this.where = where;
    }

    /** Connects, logs in and selects the service's virtual server; closes everything again on failure. */
    static QuerySession open(VoiceService service, QuerySettings settings, ExecutorService helper) {
        QueryParameters.check(service);
        TS3Config config = new TS3Config()
                .setHost(service.host())
                .setQueryPort(ServerQueryLogin.queryPort(service))
                .setFloodRate(settings.floodRate())
                .setCommandTimeout(settings.libraryCommandTimeoutMillis())
                .setReconnectStrategy(ReconnectStrategy.disconnect())
                .setEnableCommunicationsLogging(false);
        QuerySession session = new QuerySession(new TS3Query(config), settings, helper,
                service.host() + ":" + ServerQueryLogin.queryPort(service));
        session.connect(service);
        try {
            session.quick("login", api -> api.login(ServerQueryLogin.username(service), ServerQueryLogin.password(service)));
            session.quick("use", api -> api.selectVirtualServerById(ServerQueryLogin.virtualServerId(service)));
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** A command that answers at once: login, use, serverinfo, serveredit. */
    <T> T quick(String command, Function<TS3ApiAsync, CommandFuture<T>> call) {
        return run(command, call, settings.connectTimeout());
    }

    /** A command that may take long on a big server: snapshots, stop, start. */
    <T> T slow(String command, Function<TS3ApiAsync, CommandFuture<T>> call) {
        return run(command, call, settings.commandTimeout());
    }

    String where() {
        return where;
    }

    private <T> T run(String command, Function<TS3ApiAsync, CommandFuture<T>> call, Duration deadline) {
        try {
            return call.apply(query.getAsyncApi()).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            broken = true;
            ForcedDisconnect.close(query);
            throw QueryFailures.timedOut(command, where, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            ForcedDisconnect.close(query);
            throw QueryFailures.unavailable("The request was interrupted while waiting for the voice server.", e);
        } catch (TS3CommandFailedException e) {
            throw QueryFailures.translate(command, where, e);
        } catch (RuntimeException e) {
            // the connection dropped or ts3-api shut down: the session is unusable
            broken = true;
            throw QueryFailures.translate(command, where, e);
        }
    }

    /**
     * The probe and ts3-api's connect run on a helper thread so that the caller waits no longer than the
     * connect timeout, whatever ts3-api does. A connect that finishes after the caller gave up is exited then.
     */
    private void connect(VoiceService service) {
        long timeout = settings.connectTimeout().toMillis();
        CompletableFuture<Void> connecting = CompletableFuture.runAsync(() -> {
            try {
                GreetingProbe.check(service.host(), ServerQueryLogin.queryPort(service), timeout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            query.connect();
        }, helper);
        try {
            connecting.get(timeout + CONNECT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closed = true;
            connecting.whenComplete((ignored, failure) -> exitQuietly());
            throw QueryFailures.silent(where, settings.connectTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            connecting.whenComplete((ignored, failure) -> exitQuietly());
            throw QueryFailures.unavailable("The request was interrupted while connecting to the voice server.", e);
        } catch (ExecutionException e) {
            closed = true;
            exitQuietly(); // ts3-api 1.2.0 throws NullPointerException here; exitQuietly swallows it
            throw QueryFailures.translate("connect", where, e.getCause());
        }
    }

    /** Sends quit and stops ts3-api's threads, waiting at most the connect timeout. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (broken) {
            ForcedDisconnect.close(query);
        }
        Future<?> exiting = helper.submit(this::exitQuietly);
        try {
            exiting.get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("The voice server at {} did not answer quit; closing the connection.", where);
            ForcedDisconnect.close(query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ForcedDisconnect.close(query);
        } catch (ExecutionException e) {
            log.debug("Leaving the ServerQuery session failed", e.getCause());
        }
    }

    private void exitQuietly() {
        try {
            query.exit();
        } catch (RuntimeException e) {
            // a NullPointerException after a failed connect (ts3-api 1.2.0), or a connection already gone
            log.debug("ts3-api exit() failed: {}", e.toString());
        }
    }
}
