package org.voicepanel.host.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** What reaches {@code /error} is handed on to the one error mapper, never answered by Boot's own page. */
class ErrorPageControllerTest {

    private final ErrorPageController controller = new ErrorPageController(new UploadLimit(64L * 1024 * 1024));

    @Test
    void exceptionThrownOutsideAnyRouteIsHandedOnAsItIs() {
        IllegalArgumentException fromAFilter = new IllegalArgumentException("thrown by a filter");

        assertThatThrownBy(() -> controller.error(failed(500, fromAFilter))).isSameAs(fromAFilter);
    }

    @Test
    void refusalWithoutAnExceptionIsABadRequest() {
        assertThatThrownBy(() -> controller.error(failed(400, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.BAD_REQUEST));
    }

    @Test
    void serverFailureWithoutAnExceptionIsInternal() {
        // not an ApiException: the mapper answers INTERNAL with the request id and logs it
        assertThatThrownBy(() -> controller.error(failed(503, null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tooLargeOutsideAnyRouteNamesTheLimit() {
        assertThatThrownBy(() -> controller.error(failed(413, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo("The upload is larger than this panel accepts: at most 64 MiB.");
                });
    }

    @Test
    void errorPageAskedForDirectlyIsNoRoute() {
        assertThatThrownBy(() -> controller.error(new MockHttpServletRequest("GET", "/error")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static MockHttpServletRequest failed(int status, Throwable exception) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        if (exception != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        }
        return request;
    }
}
