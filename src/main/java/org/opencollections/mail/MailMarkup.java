package org.opencollections.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the plain text of a filled-in template into the HTML of the same mail, so each template
 * is written once and both versions always say the same. The text's layout is the markup:
 * <ul>
 *   <li>a blank line separates paragraphs; lines of one paragraph keep their breaks;</li>
 *   <li>lines indented by two spaces are details, shown as a table: {@code Label:  value} (two or
 *       more spaces between the cells); {@code - item} is a list row;</li>
 *   <li>{@code *** text ***} is a highlighted line;</li>
 *   <li>{@code https://} addresses become links.</li>
 * </ul>
 * Every character of the text is escaped, so a name or note with angle brackets or a script shows
 * as text and never as markup.
 */
final class MailMarkup {

  private static final Pattern CELL_GAP = Pattern.compile("\\s{2,}");
  private static final Pattern LINK = Pattern.compile("https://[^\\s<>\"']+");
  private static final String HIGHLIGHT = "***";

  private MailMarkup() {
  }

  /** The HTML of a mail body: paragraphs, detail tables and highlights, everything escaped. */
  static String toHtml(String text) {
    StringBuilder html = new StringBuilder();
    List<String> block = new ArrayList<>();
    boolean details = false;
    for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
      if (line.isBlank()) {
        flush(html, block, details);
        continue;
      }
      boolean indented = line.startsWith("  ");
      if (!block.isEmpty() && indented != details) {
        flush(html, block, details);
      }
      details = indented;
      block.add(line);
    }
    flush(html, block, details);
    return html.toString();
  }

  private static void flush(StringBuilder html, List<String> block, boolean details) {
    if (block.isEmpty()) {
      return;
    }
    if (details) {
      table(html, block);
    } else if (block.size() == 1 && isHighlight(block.get(0))) {
      String inner = block.get(0).strip();
      inner = inner.substring(HIGHLIGHT.length(), inner.length() - HIGHLIGHT.length()).strip();
      html.append("<p class=\"highlight\"><strong>").append(inline(inner)).append("</strong></p>\n");
    } else {
      html.append("<p>");
      for (int i = 0; i < block.size(); i++) {
        html.append(i == 0 ? "" : "<br/>\n").append(inline(block.get(i).strip()));
      }
      html.append("</p>\n");
    }
    block.clear();
  }

  private static boolean isHighlight(String line) {
    String stripped = line.strip();
    return stripped.length() > 2 * HIGHLIGHT.length()
        && stripped.startsWith(HIGHLIGHT) && stripped.endsWith(HIGHLIGHT);
  }

  private static void table(StringBuilder html, List<String> rows) {
    html.append("<table class=\"details\">\n");
    for (String row : rows) {
      String content = row.strip();
      if (isHighlight(content)) {
        String inner = content.substring(HIGHLIGHT.length(), content.length() - HIGHLIGHT.length()).strip();
        html.append("<tr><td colspan=\"2\" class=\"highlight\"><strong>").append(inline(inner))
            .append("</strong></td></tr>\n");
      } else if (content.startsWith("- ")) {
        html.append("<tr><td colspan=\"2\" class=\"item\">&#8226; ").append(inline(content.substring(2)))
            .append("</td></tr>\n");
      } else {
        String[] cells = CELL_GAP.split(content, 2);
        if (cells.length == 2) {
          html.append("<tr><th>").append(inline(cells[0])).append("</th><td>").append(inline(cells[1]))
              .append("</td></tr>\n");
        } else {
          html.append("<tr><td colspan=\"2\">").append(inline(content)).append("</td></tr>\n");
        }
      }
    }
    html.append("</table>\n");
  }

  /** Escapes a line and turns its https addresses into links. */
  private static String inline(String text) {
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(text);
    int at = 0;
    while (link.find()) {
      out.append(escape(text.substring(at, link.start())));
      String url = trimPunctuation(link.group());
      String escaped = escape(url);
      out.append("<a href=\"").append(escaped).append("\">").append(escaped).append("</a>");
      at = link.start() + url.length();
    }
    out.append(escape(text.substring(at)));
    return out.toString();
  }

  /** A sentence may end right after an address: its full stop or comma is not part of it. */
  private static String trimPunctuation(String url) {
    String trimmed = url;
    while (!trimmed.isEmpty() && ".,;:)\u0589".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  /** XML-safe escaping, so the same HTML also feeds the PDF renderer. */
  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
