package org.opencollections.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/invoices/import}: an invoice file from the billing system, as the request body
 * ({@code text/csv}) or as the part {@code file} of a form upload. The answer is the
 * {@link ImportReport}; a file that cannot be read at all is a 400 and imports nothing.
 */
@RestController
@RequestMapping("/api/invoices/import")
class InvoiceImportController {

  static final String TEXT_CSV = "text/csv";
  /** The name in the report when the request body names no file. */
  private static final String REQUEST_BODY = "request body";

  private final ImportingInvoices importing;

  InvoiceImportController(ImportingInvoices importing) {
    this.importing = importing;
  }

  @PostMapping(consumes = TEXT_CSV)
  ImportReport importBody(HttpServletRequest request, InputStream body, Principal user) {
    String charset = request.getCharacterEncoding();
    if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
      throw new InvoiceFileException(null, "Invoice files are UTF-8; the request says charset="
          + charset + ". Save the file as UTF-8 (in Excel: CSV UTF-8) and send it as text/csv");
    }
    return importing.importFile(fileName(request), body, user.getName());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ImportReport importPart(@RequestPart("file") MultipartFile file, Principal user) throws IOException {
    String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
        ? REQUEST_BODY : file.getOriginalFilename();
    try (InputStream in = file.getInputStream()) {
      return importing.importFile(name, in, user.getName());
    }
  }

  /** The name from {@code Content-Disposition: attachment; filename=invoices.csv}, if sent. */
  private static String fileName(HttpServletRequest request) {
    String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
    if (disposition == null) {
      return REQUEST_BODY;
    }
    try {
      String name = ContentDisposition.parse(disposition).getFilename();
      return name == null || name.isBlank() ? REQUEST_BODY : name;
    } catch (IllegalArgumentException e) {
      return REQUEST_BODY;
    }
  }
}
