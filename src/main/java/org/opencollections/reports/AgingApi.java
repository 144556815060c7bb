package org.opencollections.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * {@code GET /api/reports/aging?asOf=2026-10-31}: the aging as JSON, or as CSV with
 * {@code format=csv} or {@code Accept: text/csv}.
 */
@RestController
class AgingApi {

  private final AgingViews views;

  AgingApi(AgingViews views) {
    this.views = views;
  }

  @GetMapping("/api/reports/aging")
  ResponseEntity<?> aging(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      return invalid("format", "must be csv or json");
    }
    AgingView aging = views.asOf(asOf);
    if ("csv".equals(format) || (format == null && wantsCsv(accept))) {
      return AgingCsv.download(aging);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(aging);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> notADate(MethodArgumentTypeMismatchException e) {
    return invalid(e.getName(), "must be a date (YYYY-MM-DD)");
  }

  private static boolean wantsCsv(String accept) {
    return accept != null && MediaType.parseMediaTypes(accept).stream()
        .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("csv"));
  }

  /** Bad input in the shape of every other error of the API (see ApiErrors). */
  private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        field + " " + message);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    return ResponseEntity.badRequest().body(problem);
  }
}
