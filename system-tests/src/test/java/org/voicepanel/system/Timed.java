package org.voicepanel.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.voicepanel.system.PanelApi.Answer;

/** An answer and how long the panel took to give it. */
public record Timed(Answer answer, Duration took) {

    /** One request to the panel. */
    public interface Call {
        Answer run() throws IOException;
    }

    public static Timed of(Call call) throws IOException {
        Instant start = Instant.now();
        Answer answer = call.run();
        Timed timed = new Timed(answer, Duration.between(start, Instant.now()));
        observed(answer, answer.response().request().method() + " " + answer.response().request().uri().getPath(),
                timed.took());
        return timed;
    }

    /**
     * Prints what the user saw, one {@code OBSERVED} line per answer, named after the test: the
     * record from which docs/reliability.md takes its "observed result" column.
     */
    public static void observed(Answer answer, String what, Duration took) {
        String test = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().endsWith("IT") && !f.getMethodName().startsWith("lambda$"))
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "#" + f.getMethodName())
                .reduce((first, later) -> later).orElse("?"));
        String message = answer.body().length > 0 && answer.body()[0] == '{'
                ? answer.json().path("message").asString("") : "";
        System.out.printf("OBSERVED | %s | %s | %d %s | %s | %s%n", test, what, answer.status(),
                answer.body().length > 0 && answer.body()[0] == '{' ? answer.code() : "", message,
                took == null ? "" : took.toMillis() + " ms");
    }

    /** Repeats the call every half second until {@code done} holds or time runs out; the last answer. */
    public static Answer until(Duration timeout, Call call, Predicate<Answer> done)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Answer answer = call.run();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            answer = call.run();
        }
        return answer;
    }
}
