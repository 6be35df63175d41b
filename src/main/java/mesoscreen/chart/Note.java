package mesoscreen.chart;

/**
 * Something of the record that was not read, or not read as it stands, by its place ({@link Located#path()}).
 * The detail names the kind of resource and why, never what the record says about the patient.
 *
 * @param warning true when it may leave an answer unknown that the record meant to give; false when the record
 *                was read as it asks (a refuted or entered-in-error entry, a resolved condition)
 */
public record Note(String path, String code, String detail, boolean warning) {

    static Note warning(String path, String code, String detail) {
        return new Note(path, code, detail, true);
    }

    static Note information(String path, String code, String detail) {
        return new Note(path, code, detail, false);
    }
}
