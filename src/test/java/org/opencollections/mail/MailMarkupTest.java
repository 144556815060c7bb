package org.opencollections.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailMarkupTest {

  @Test
  void paragraphsDetailsListsAndHighlightsBecomeHtml() {
    String text = """
        Dear Åsa,

        We have not received payment.
        Perhaps it was overlooked.

          Invoice number:  INV-42
          Amount open:     €850.00
                           (of €1,250.00)
          - Invoice INV-43: €10.00 open

          *** Pay €1,225.00 by 12 March and save 2%. ***

        Pay online: https://pay.example/i/INV-42.
        """;

    String html = MailMarkup.toHtml(text);

    assertThat(html).isEqualTo("""
        <p>Dear Åsa,</p>
        <p>We have not received payment.<br/>
        Perhaps it was overlooked.</p>
        <table class="details">
        <tr><th>Invoice number:</th><td>INV-42</td></tr>
        <tr><th>Amount open:</th><td>€850.00</td></tr>
        <tr><td colspan="2">(of €1,250.00)</td></tr>
        <tr><td colspan="2" class="item">&#8226; Invoice INV-43: €10.00 open</td></tr>
        </table>
        <table class="details">
        <tr><td colspan="2" class="highlight"><strong>Pay €1,225.00 by 12 March and save 2%.</strong></td></tr>
        </table>
        <p>Pay online: <a href="https://pay.example/i/INV-42">https://pay.example/i/INV-42</a>.</p>
        """);
  }

  @Test
  void everythingIsEscaped() {
    String html = MailMarkup.toHtml("Dear <script>alert(\"x\")</script> & 'Co',\n\n  Note:  <b>late</b>\n");

    assertThat(html)
        .contains("Dear &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;,")
        .contains("<th>Note:</th><td>&lt;b&gt;late&lt;/b&gt;</td>")
        .doesNotContain("<script>").doesNotContain("<b>");
  }

  @Test
  void onlyHttpsAddressesBecomeLinksAndQuotesCannotLeaveTheAttribute() {
    String html = MailMarkup.toHtml("See javascript:alert(1) or http://plain.example or https://x.example/\"onmouseover=alert(1)");

    assertThat(html).doesNotContain("href=\"javascript").doesNotContain("href=\"http://")
        .contains("<a href=\"https://x.example/\">https://x.example/</a>&quot;onmouseover=alert(1)");
  }
}
