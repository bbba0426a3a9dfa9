package org.voicepanel.host.backup.catalog;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.voicepanel.host.web.Envelope;

/** Answers {@link RetryLater} in the envelope with its {@code Retry-After} header; before the general mapper. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RetryLaterHandler {

    @ExceptionHandler(RetryLater.class)
    ResponseEntity<Envelope> retryLater(RetryLater e) {
        return ResponseEntity.status(e.code().status()).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Envelope.error(e.code(), e.getMessage()));
    }
}
