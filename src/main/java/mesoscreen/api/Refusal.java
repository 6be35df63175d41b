package mesoscreen.api;

/** Why a request is turned away before it is served: the problem, and a Retry-After (0: none). */
record Refusal(Problem problem, long retryAfter) {

    static Refusal unauthorized(String detail) {
        return new Refusal(Problem.of(401, "unauthorized", detail, null), 0);
    }

    static Refusal tooManyFailures(long wait) {
        return new Refusal(Problem.of(429, "too-many-requests", "too many wrong keys from this client or with this key;"
                + " retry after " + wait + " s", null), wait);
    }
}
