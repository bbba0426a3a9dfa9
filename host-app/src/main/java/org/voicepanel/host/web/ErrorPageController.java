package org.voicepanel.host.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Boot's {@code /error} page, reached by what fails outside any route: an exception thrown by a
 * filter, or a request the security firewall refuses ({@code //x}, {@code ;x}). Boot's own page
 * answered those without the envelope and, for a 500, without the request id. Nothing is mapped
 * here: the failure is handed to the one error mapper, {@link ApiExceptionHandler}.
 */
@RestController
class ErrorPageController implements ErrorController {

    private final UploadLimit uploadLimit;

    ErrorPageController(UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @RequestMapping("/error")
    void error(HttpServletRequest request) throws Throwable {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            throw failure;
        }
        // no status: someone asked for /error itself, which is no route of the contract
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ApiException error = status == 413 ? uploadLimit.exceeded() : StatusErrors.of(status);
        throw error != null ? error
                : new IllegalStateException("The request failed with status " + status + " outside any route");
    }
}
