package org.voicepanel.host.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransactionRollbackException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** How failures that are no bug leave the error mapper. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void changeThatLostCertificationOnGaleraIsA503ToTryAgainNotA500() {
        var lost = new UnableToExecuteStatementException(new SQLTransactionRollbackException(
                "WSREP detected deadlock/conflict and aborted the transaction. Try restarting the transaction",
                "40001", 1213), null);

        ResponseEntity<Envelope> answer = handler.jdbi(lost, new MockHttpServletRequest());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().code()).isEqualTo("STORAGE_UNAVAILABLE");
        assertThat(answer.getBody().message()).contains("try again").doesNotContain("WSREP");
    }
}
