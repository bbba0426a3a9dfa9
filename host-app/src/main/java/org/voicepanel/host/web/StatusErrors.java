package org.voicepanel.host.web;

/** The contract's error for an HTTP status that something other than a route decided. */
final class StatusErrors {

    private StatusErrors() {
    }

    /** The error a status stands for; {@code null} for a 5xx, which is the panel's fault, not the request's. */
    static ApiException of(int status) {
        return switch (status) {
            case 404 -> new ApiException(ErrorCode.NOT_FOUND, "There is no such route.");
            case 405 -> new ApiException(ErrorCode.METHOD_NOT_ALLOWED, "This route does not accept that method.");
            case 408 -> new ApiException(ErrorCode.REQUEST_TIMEOUT, "The request arrived too slowly.");
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than this panel accepts.");
            default -> status < 500 ? ApiException.badRequest("The request is malformed.") : null;
        };
    }
}
