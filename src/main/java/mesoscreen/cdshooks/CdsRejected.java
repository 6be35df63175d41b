package mesoscreen.cdshooks;

/** A CDS Hooks call refused: answered with a problem body with this status, stable code and detail. */
public final class CdsRejected extends RuntimeException {
    private final int status;
    private final String code;
    private final String detail;
    private final String path;
    private final long retryAfter;

    CdsRejected(int status, String code, String detail, String path) {
        this(status, code, detail, path, 0);
    }

    private CdsRejected(int status, String code, String detail, String path, long retryAfter) {
        super("CDS Hooks call refused", null, false, false);
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.path = path;
        this.retryAfter = retryAfter;
    }

    static CdsRejected badRequest(String path, String detail) {
        return new CdsRejected(400, "invalid-request", detail, path);
    }

    static CdsRejected unauthorized(String detail) {
        return new CdsRejected(401, "unauthorized", detail, null);
    }

    /** The data the service needs can be had neither from prefetch nor from the FHIR server (the specification's 412). */
    static CdsRejected dataUnavailable(String detail) {
        return dataUnavailable(null, detail);
    }

    /** @param path the prefetch key at fault, when one is */
    static CdsRejected dataUnavailable(String path, String detail) {
        return new CdsRejected(412, "prefetch-unavailable", detail, path);
    }

    /** A check the call needs cannot be made for a while (the shared store is out): 503, retry after. */
    static CdsRejected unavailable(String detail, long retryAfter) {
        return new CdsRejected(503, "temporarily-unavailable", detail, null, retryAfter);
    }

    /** Seconds to wait before calling again; 0: no Retry-After. */
    public long retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public String path() {
        return path;
    }
}
