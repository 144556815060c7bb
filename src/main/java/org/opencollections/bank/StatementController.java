package org.opencollections.bank;

import java.io.IOException;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/statements}: a camt.053 bank statement, as the body or as an uploaded file. */
@RestController
@RequestMapping("/api/statements")
class StatementController {

  private final ReadingStatements reading;

  StatementController(ReadingStatements reading) {
    this.reading = reading;
  }

  @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  StatementReport read(@RequestBody byte[] file,
      @RequestParam(name = "fileName", required = false) String fileName, Principal user) {
    return reading.read(file, fileName, user.getName());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  StatementReport upload(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
    return reading.read(file.getBytes(), file.getOriginalFilename(), user.getName());
  }
}
