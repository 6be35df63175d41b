package mesoscreen.rules;

import mesoscreen.rules.condition.Truth;

/**
 * A rule that is not clear for a patient, without its evidence: whether it holds or is unknown. All that
 * procedures are compared by; the one answered for gets its {@link Finding}s.
 */
public record Ruling(Rule rule, Truth truth) {
}
