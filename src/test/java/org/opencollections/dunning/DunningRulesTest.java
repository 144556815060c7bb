package org.opencollections.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DunningRulesTest {

  private static final LocalDate DUE = LocalDate.of(2026, 4, 1);

  @Test
  void courtesyMailGoesOutBeforeTheDueDate() {
    assertThat(DunningRules.reasonToSkip(DunningMail.PRE_DUE_REMINDER, true, DUE.minusDays(3), DUE,
        DUE.minusDays(27))).isEmpty();
  }

  @Test
  void courtesyMailIsSkippedOnceTheInvoiceIsDue() {
    assertThat(DunningRules.reasonToSkip(DunningMail.RECEIPT_CHECK, true, DUE, DUE, null))
        .contains("the invoice is already due");
    assertThat(DunningRules.reasonToSkip(DunningMail.PRE_DUE_REMINDER, true, DUE.plusDays(4), DUE, null))
        .contains("the invoice is already due");
  }

  @Test
  void courtesyMailIsSkippedWhenTheCustomerHeardFromUsYesterday() {
    assertThat(DunningRules.reasonToSkip(DunningMail.PRE_DUE_REMINDER, true, DUE.minusDays(2), DUE,
        DUE.minusDays(3))).contains("the customer heard from us on 2026-03-29");
  }

  @Test
  void courtesyMailGoesOutTwoDaysAfterTheLastMail() {
    assertThat(DunningRules.reasonToSkip(DunningMail.PRE_DUE_REMINDER, true, DUE.minusDays(3), DUE,
        DUE.minusDays(5))).isEmpty();
  }

  @Test
  void overdueNoticeIsSentHoweverLateAndHoweverRecentTheLastMail() {
    assertThat(DunningRules.reasonToSkip(DunningMail.OVERDUE_NOTICE, true, DUE.plusDays(40), DUE,
        DUE.plusDays(40))).isEmpty();
  }

  @Test
  void nothingButTheThankYouGoesToASettledInvoice() {
    for (DunningMail mail : DunningMail.values()) {
      boolean sent = DunningRules.reasonToSkip(mail, false, DUE, DUE, null).isEmpty();
      assertThat(sent).as(mail.name()).isEqualTo(mail == DunningMail.THANK_YOU);
    }
  }

  @Test
  void thankYouWaitsForSettlement() {
    assertThat(DunningRules.reasonToSkip(DunningMail.THANK_YOU, true, DUE, DUE, null))
        .contains("the invoice is not settled");
  }

  @Test
  void daysOverdueCountsFromTheDayAfterTheDueDate() {
    assertThat(DunningRules.daysOverdue(DUE, DUE.minusDays(3))).isZero();
    assertThat(DunningRules.daysOverdue(DUE, DUE)).isZero();
    assertThat(DunningRules.daysOverdue(DUE, DUE.plusDays(7))).isEqualTo(7);
  }
}
