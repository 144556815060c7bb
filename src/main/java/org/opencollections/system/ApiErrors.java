package org.opencollections.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.opencollections.bank.UnreadableStatementException;
import org.opencollections.credit.CustomerNotFoundException;
import org.opencollections.intake.InvoiceFileException;
import org.opencollections.invoice.DuplicateInvoiceException;
import org.opencollections.invoice.InvoiceNotFoundException;
import org.opencollections.invoice.PaymentConflictException;
import org.opencollections.invoice.PaymentRejectedException;
import org.opencollections.charges.ChargeAlreadyWaivedException;
import org.opencollections.charges.ChargeNotFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of our REST API as RFC 9457 problem details (the pages show their own). Bad input names each field that is wrong in
 * {@code errors: [{field, message}]}, so the billing system's developers see at once what to fix.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

  /** One field that is wrong, by its JSON path ({@code customer.email}). */
  record FieldProblem(String field, String message) {
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    for (FieldError error : ex.getBindingResult().getFieldErrors()) {
      problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(error -> problems.add(new FieldProblem(null, error.getDefaultMessage())));
    problems.sort((a, b) -> String.valueOf(a.field()).compareTo(String.valueOf(b.field())));
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
        problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")),
        problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String expected = mismatch.getTargetType() == null ? "value" : describe(mismatch.getTargetType());
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
          field + " must be " + expected, List.of(new FieldProblem(field, "must be " + expected))));
    }
    String detail = cause instanceof JsonProcessingException
        ? "The request body is not valid JSON" : "The request body is missing or unreadable";
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail,
        List.of()));
  }

  /** A query parameter or path segment of the wrong type, such as {@code ?date=yesterday}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = ex.getPropertyName();
    String expected = ex.getRequiredType() == null ? "value" : describe(ex.getRequiredType());
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request",
        field + " must be " + expected, List.of(new FieldProblem(field, "must be " + expected))));
  }

  @ExceptionHandler(DuplicateInvoiceException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateInvoiceException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT,
        "Duplicate invoice", e.getMessage(),
        List.of(new FieldProblem("invoiceNumber", "is already registered"))));
  }

  @ExceptionHandler(UnreadableStatementException.class)
  ResponseEntity<ProblemDetail> unreadableStatement(UnreadableStatementException e) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable statement",
        e.getMessage(), List.of(new FieldProblem("file", e.getMessage()))));
  }

  /** An invoice file that cannot be read at all: empty, or a header that does not fit. */
  @ExceptionHandler(InvoiceFileException.class)
  ResponseEntity<ProblemDetail> invoiceFile(InvoiceFileException e) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid invoice file",
        e.getMessage(), e.getProblems().stream()
            .map(problem -> new FieldProblem(problem.field(), problem.message())).toList()));
  }

  @ExceptionHandler(ChargeAlreadyWaivedException.class)
  ResponseEntity<ProblemDetail> alreadyWaived(ChargeAlreadyWaivedException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "Already waived", e.getMessage(), List.of()));
  }

  @ExceptionHandler({InvoiceNotFoundException.class, CustomerNotFoundException.class,
      ChargeNotFoundException.class})
  ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of()));
  }

  @ExceptionHandler(PaymentRejectedException.class)
  ResponseEntity<ProblemDetail> paymentRejected(PaymentRejectedException e) {
    return ResponseEntity.unprocessableEntity().body(problem(HttpStatus.UNPROCESSABLE_ENTITY,
        "Payment cannot be applied", e.getField() + " " + e.getMessage(),
        List.of(new FieldProblem(e.getField(), e.getMessage()))));
  }

  @ExceptionHandler(PaymentConflictException.class)
  ResponseEntity<ProblemDetail> paymentConflict(PaymentConflictException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(problem(HttpStatus.CONFLICT, "Payment conflict", e.getMessage(), List.of()));
  }

  /** Two requests stored the same invoice number or payment reference at the same moment. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> concurrentConflict(DataIntegrityViolationException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, "Conflict",
        "The request conflicts with data recorded at the same moment; read the current state and retry",
        List.of()));
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail,
      List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(reference -> reference.getFieldName() != null
            ? reference.getFieldName() : "[" + reference.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static String describe(Class<?> type) {
    return switch (type.getSimpleName()) {
      case "BigDecimal" -> "a decimal number";
      case "LocalDate" -> "a date (YYYY-MM-DD)";
      case "String" -> "a string";
      default -> "a JSON " + (type.isRecord() ? "object" : type.getSimpleName());
    };
  }
}
