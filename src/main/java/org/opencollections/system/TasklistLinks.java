package org.opencollections.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Short links into Tasklist that open a filter sorted the way it is meant to be worked: most
 * urgent first. Tasklist otherwise sorts by creation date. The link carries no data: Tasklist
 * asks for the user's sign-in as usual.
 */
@RestController
class TasklistLinks {

  private static final Map<String, String> FILTERS = Map.of(
      "calls-due-today", TasklistFilters.CALLS_DUE_TODAY,
      "my-claimed-calls", TasklistFilters.MY_CLAIMED_CALLS,
      "broken-promises", TasklistFilters.BROKEN_PROMISES,
      "my-escalations", TasklistFilters.MY_ESCALATIONS);
  private static final String BY_PRIORITY =
      "[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]";

  private final FilterService filterService;

  TasklistLinks(FilterService filterService) {
    this.filterService = filterService;
  }

  @GetMapping("/tasklist/{name}")
  ResponseEntity<Void> open(@PathVariable String name) {
    String filterName = FILTERS.get(name);
    Filter filter = filterName == null ? null
        : filterService.createFilterQuery().filterName(filterName).singleResult();
    if (filter == null) {
      return ResponseEntity.notFound().build();
    }
    String location = "/camunda/app/tasklist/default/#/?filter=" + filter.getId() + "&sorting="
        + URLEncoder.encode(BY_PRIORITY, StandardCharsets.UTF_8);
    return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location).build();
  }
}
