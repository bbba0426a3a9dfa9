package org.voicepanel.host.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.voicepanel.api.BackupException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one error mapper: every failure leaves as an envelope with a stable code. Messages that
 * reach users are sentences; causes, SQL and stack traces go to the log only, under the
 * request id.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Seconds a client is asked to wait (Retry-After) when the panel has no room for its operation. */
    static final String BUSY_RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope> api(ApiException e) {
        if (e.code() == ErrorCode.PANEL_BUSY) {
            return ResponseEntity.status(e.code().status()).header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_JSON).body(Envelope.error(e.code(), e.getMessage()));
        }
        return respond(e.code(), e.getMessage());
    }

    @ExceptionHandler(BackupException.class)
    ResponseEntity<Envelope> backup(BackupException e, HttpServletRequest request) {
        if (e.reason() == BackupException.Reason.INTERNAL) {
            return internal(e, request);
        }
        if (e.reason() == BackupException.Reason.STORAGE_UNAVAILABLE) {
            log.warn("Storage unavailable: {}", e.getMessage(), e.getCause());
        }
        return respond(ErrorCode.of(e.reason()), e.getMessage());
    }

    @ExceptionHandler({ConnectionException.class, SQLException.class})
    ResponseEntity<Envelope> storage(Exception e) {
        log.warn("Database unreachable: {}", e.toString());
        return respond(ErrorCode.STORAGE_UNAVAILABLE, "The panel's database cannot be reached; please try again shortly.");
    }

    @ExceptionHandler(JdbiException.class)
    ResponseEntity<Envelope> jdbi(JdbiException e, HttpServletRequest request) {
        if (StorageFailures.isConnectionLoss(e)) {
            return storage(e);
        }
        return internal(e, request);
    }

    /** On Galera, a write that lost certification to one on another node; it was rolled back whole. */
    private static ResponseEntity<Envelope> conflict(Exception e) {
        log.info("A change lost to a concurrent one: {}", e.toString());
        return respond(ErrorCode.STORAGE_UNAVAILABLE, "Another request changed the same data at the same moment;"
                + " this change was not made. Please try again.");
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Envelope> badRequest(Exception e) {
        // a body cut off by its bound (RequestBodyFilter) or by the JSON reader's constraints (JsonLimits)
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException bound) {
                return api(bound);
            }
            if (cause instanceof StreamConstraintsException) {
                return respond(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The JSON body is larger or nested deeper than this panel accepts.");
            }
        }
        String sentence = BodyFields.sentence(e);
        return respond(ErrorCode.BAD_REQUEST, sentence == null ? "The request body or a parameter is malformed."
                : sentence);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Envelope> method(HttpRequestMethodNotSupportedException e) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "This route does not accept " + e.getMethod() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Envelope> mediaType() {
        return respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This route does not accept that content type.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Envelope> notAcceptable() {
        return respond(ErrorCode.BAD_REQUEST, "This route cannot answer in the requested format.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Envelope> notFound() {
        return respond(ErrorCode.NOT_FOUND, "There is no such route.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope> internal(Exception e, HttpServletRequest request) {
        // a lost database surfaces through many layers (sessions, Jdbi, plugins' own Jdbi copies)
        if (StorageFailures.isConnectionLoss(e)) {
            return storage(e);
        }
        if (StorageFailures.isTransactionConflict(e)) {
            return conflict(e);
        }
        String id = RequestIds.of(request);
        log.error("Request {} failed", id, e);
        return respond(ErrorCode.INTERNAL, "Something went wrong on the panel; the request id is " + id + ".");
    }

    private static ResponseEntity<Envelope> respond(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(code, message));
    }
}
