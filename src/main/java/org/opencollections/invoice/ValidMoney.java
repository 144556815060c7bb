package org.opencollections.invoice;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The currency is a known ISO 4217 code and the amount has no more decimals than it allows. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidMoney.Validator.class)
@interface ValidMoney {

  String message() default "invalid amount or currency";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidMoney, MoneyAmount> {

    @Override
    public boolean isValid(MoneyAmount value, ConstraintValidatorContext context) {
      if (value.currency() == null || value.currency().isBlank()) {
        return true; // @NotBlank on the field reports it
      }
      context.disableDefaultConstraintViolation();
      if (!Money.isKnownCurrency(value.currency())) {
        context.buildConstraintViolationWithTemplate("must be an ISO 4217 currency code such as EUR")
            .addPropertyNode("currency").addConstraintViolation();
        return false;
      }
      if (value.amount() != null && !Money.fitsCurrency(value.amount(), value.currency())) {
        int digits = Money.fractionDigits(value.currency());
        context.buildConstraintViolationWithTemplate(
                "must have at most " + digits + " decimals in " + value.currency())
            .addPropertyNode("amount").addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
