package dev.omnigraph.console.reliability;

/** What the {@link FaultProxy} can do to one S3 exchange. */
public enum Fault {
    /** 503 SlowDown, answered by the proxy: the request never reaches the server. */
    SLOW_DOWN_503,
    /** 500 InternalError after the server handled the request: a write may have landed. */
    INTERNAL_ERROR_500,
    /** The server's answer starts, then the connection is reset (RST) half-way through the body (before the status line when it has none). */
    RESET_MID_BODY,
    /** The server handled the request, but the answer never comes: the client's read timeout must end the wait. */
    STALL,
    /** Content-Length kept, the body cut in half, the connection closed normally. */
    TRUNCATED_BODY,
    /** 409 ConditionalRequestConflict to a conditional write, answered by the proxy: the write never lands. */
    CONDITIONAL_CONFLICT_409;

    /** Whether this fault can be injected into a request (TRUNCATED_BODY also needs a body in the answer). */
    boolean appliesTo(String method, boolean conditionalWrite) {
        return switch (this) {
            case CONDITIONAL_CONFLICT_409 -> conditionalWrite;
            case TRUNCATED_BODY -> method.equals("GET");
            default -> true;
        };
    }
}
