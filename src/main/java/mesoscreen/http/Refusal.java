package mesoscreen.http;

/**
 * Why a request is turned away before it is served: the problem, a Retry-After (0: none), and for a
 * 401 the header that should carry the key (its {@code WWW-Authenticate} challenge; null: none).
 */
public record Refusal(Problem problem, long retryAfter, String keyHeader) {

    public Refusal(Problem problem, long retryAfter) {
        this(problem, retryAfter, null);
    }

    public static Refusal unauthorized(String detail, String keyHeader) {
        return new Refusal(Problem.of(401, "unauthorized", detail, null), 0, keyHeader);
    }

    public static Refusal tooManyRequests(String detail, long wait) {
        return new Refusal(Problem.of(429, "too-many-requests", detail + "; retry after " + wait + " s", null), wait);
    }
}
