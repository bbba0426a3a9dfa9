package org.voicepanel.host.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * On the {@code @JsonAnySetter} map of a body record: the fields the record does not declare are refused by name.
 * Collected by the mapper rather than failing the read, they are refused with the body's other faults, after the
 * route's role check (a caller without the role hears 403 whatever the body holds).
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoUnknownFields.Check.class)
public @interface NoUnknownFields {

    /** Where the object is in the body, for the message: empty for the body itself, {@code "retention."} inside. */
    String in() default "";

    String message() default "{sentence}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoUnknownFields, Map<String, ?>> {

        private String prefix;

        @Override
        public void initialize(NoUnknownFields annotation) {
            prefix = annotation.in();
        }

        @Override
        public boolean isValid(Map<String, ?> unknown, ConstraintValidatorContext context) {
            if (unknown == null || unknown.isEmpty()) {
                return true;
            }
            List<String> names = unknown.keySet().stream().sorted().map(name -> prefix + name).toList();
            String sentence = names.size() == 1
                    ? "The field " + names.get(0) + " is not part of this request."
                    : "The fields " + String.join(", ", names) + " are not part of this request.";
            // a parameter, so that a field name is never read as a message expression
            context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("sentence", sentence);
            return false;
        }
    }
}
