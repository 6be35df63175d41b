package mesoscreen.chart;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** Dates of a record as the clinic wrote them. */
public final class Dates {
    private Dates() {
    }

    /** The calendar day as written (the clinic's own), when the date is given to the day; else null. */
    public static LocalDate day(BaseDateTimeType date) {
        return Optional.ofNullable(date).filter(BaseDateTimeType::hasValue)
                .filter(d -> d.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal())
                .map(d -> LocalDate.parse(d.getValueAsString().substring(0, 10)))
                .orElse(null);
    }
}
