package org.voicepanel.host;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code panel.training-run=true}: start completely, then shut down cleanly. The build runs the panel this way
 * once, with {@code -XX:ArchiveClassesAtExit}, to record the classes a start loads in a class-data sharing
 * archive; the README's start command maps that archive, which takes seconds off every start. Spring's own
 * {@code spring.context.exit=onRefresh} halts the JVM before the embedded MariaDB is stopped, hence this.
 */
@Component
@ConditionalOnBooleanProperty("panel.training-run")
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        System.exit(SpringApplication.exit(ready.getApplicationContext()));
    }
}
