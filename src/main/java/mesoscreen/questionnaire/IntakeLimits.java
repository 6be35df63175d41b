package mesoscreen.questionnaire;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import mesoscreen.intake.Intake;

/**
 * The questionnaire's constraints, read from the validation annotations of the intake records: the
 * very limits the validator enforces, so that the form and the service cannot disagree.
 */
final class IntakeLimits {
    private IntakeLimits() {
    }

    static Constraints age() {
        Field age = field(Intake.Patient.class, "age");
        return new Constraints((int) age.getAnnotation(Min.class).value(), (int) age.getAnnotation(Max.class).value(),
                null, null);
    }

    /** A free-text list: entries' {@code text} length and the list's length. */
    static Constraints textList(String list) {
        Class<?> entry = list.equals("medications") ? Intake.Medication.class : Intake.Entry.class;
        return new Constraints(null, null, size(field(entry, "text")), size(field(Intake.class, list)));
    }

    /** A list of codes (concerns, areas): the list's length and each code's. */
    static Constraints codeList(String list) {
        Field field = field(Intake.class, list);
        Size each = ((AnnotatedParameterizedType) field.getAnnotatedType()).getAnnotatedActualTypeArguments()[0]
                .getAnnotation(Size.class);
        return new Constraints(null, null, each == null ? null : each.max(), size(field));
    }

    /** A list of objects (recent procedures): its length. */
    static Constraints objectList(String list) {
        return new Constraints(null, null, null, size(field(Intake.class, list)));
    }

    /** A text part of a list entry ("type" of a recent procedure). */
    static Constraints part(Class<?> entry, String name) {
        return new Constraints(null, null, size(field(entry, name)), null);
    }

    private static Integer size(Field field) {
        Size size = field.getAnnotation(Size.class);
        return size == null ? null : size.max();
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            // A renamed intake field is a programming error the questionnaire tests catch at once.
            throw new IllegalStateException("no intake field " + type.getSimpleName() + "." + name, e);
        }
    }
}
