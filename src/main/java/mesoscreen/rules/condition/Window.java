package mesoscreen.rules.condition;

import java.time.LocalDate;

/** A time window such as 6 months or 14 days, as rule files state them. */
public record Window(int amount, java.time.temporal.ChronoUnit unit) {
    public LocalDate after(LocalDate start) {
        return start.plus(amount, unit);
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
