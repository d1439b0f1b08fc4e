package trisec.node.api;

import java.util.List;

/**
 * A request that fails, with the HTTP status and the error code the API answers with
 * ({@code {"error": CODE, "message": …, "reasons": […]}}). Thrown before anything is written, or inside the
 * transaction that it rolls back, so a failed request changes nothing.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<String> reasons;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(int status, String code, String message, List<String> reasons) {
        super(message);
        this.status = status;
        this.code = code;
        this.reasons = List.copyOf(reasons);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(401, "UNAUTHENTICATED", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }
}
