package org.opencollections.bank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencollections.invoice.CreditorReference;
import org.opencollections.invoice.Customer;
import org.opencollections.invoice.Customers;
import org.opencollections.invoice.Invoice;
import org.opencollections.invoice.InvoiceStatus;
import org.opencollections.invoice.Invoices;
import org.opencollections.invoice.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the invoice a payment from a bank statement is for, in this order: the structured creditor
 * reference (RF) the payer gave, an invoice number in what the payer wrote, then the amount among
 * the open invoices of the customer who paid (known by an account a clerk assigned before, or by
 * name). When that gives no single open invoice in the payment's currency, a clerk decides, with
 * the candidates found.
 */
@Component
class PaymentMatcher {

  private static final int MAX_CANDIDATES = 10;
  private static final Pattern WORDS = Pattern.compile("[\\s,;:/()\\[\\]]+");
  private static final Pattern RF_START = Pattern.compile("(?i)RF[0-9]{2}[0-9A-Z]*");

  /** What matching found: the invoice, or why a clerk must decide and between which invoices. */
  sealed interface Match {
  }

  /** The invoice; for a returned payment also the reference of the payment it takes back. */
  record Found(String invoiceNumber, BankEntry.MatchedBy by, String how, String returns) implements Match {

    Found(String invoiceNumber, BankEntry.MatchedBy by, String how) {
      this(invoiceNumber, by, how, null);
    }
  }

  record Ask(List<String> candidates, String reason) implements Match {
  }

  private final Invoices invoices;
  private final Customers customers;
  private final CustomerAccounts accounts;
  private final BankEntries entries;

  PaymentMatcher(Invoices invoices, Customers customers, CustomerAccounts accounts, BankEntries entries) {
    this.invoices = invoices;
    this.customers = customers;
    this.accounts = accounts;
    this.entries = entries;
  }

  @Transactional(readOnly = true)
  Match match(BankEntry entry) {
    if (entry.isReturnedPayment()) {
      return matchReturn(entry);
    }
    Optional<CreditorReference> reference = creditorReference(entry);
    if (reference.isPresent()) {
      List<Invoice> found = invoices.findByReferenceKeyIn(List.of(reference.get().body()));
      if (!found.isEmpty()) {
        return decide(entry, found, BankEntry.MatchedBy.CREDITOR_REFERENCE,
            "creditor reference " + reference.get().printed());
      }
    }
    Set<String> keys = invoiceNumberKeys(entry);
    if (!keys.isEmpty()) {
      List<Invoice> found = invoices.findByReferenceKeyIn(keys);
      if (!found.isEmpty()) {
        return decide(entry, found, BankEntry.MatchedBy.INVOICE_NUMBER, "invoice number in the text");
      }
    }
    return byAmountAndCustomer(entry);
  }

  /** A payment taken back: the payment it returns, known by the transfer's end-to-end id. */
  private Match matchReturn(BankEntry entry) {
    if (entry.getEndToEndId() != null) {
      List<BankEntry> originals = entries.findByEndToEndIdAndReturnedPaymentFalse(entry.getEndToEndId())
          .stream().filter(original -> original.getStatus() == BankEntry.Status.RECORDED).toList();
      if (originals.size() == 1) {
        BankEntry original = originals.get(0);
        return new Found(original.getInvoiceNumber(), BankEntry.MatchedBy.END_TO_END_ID,
            "end-to-end id " + entry.getEndToEndId(), original.getBankReference());
      }
    }
    List<String> candidates = creditorReference(entry)
        .map(reference -> numbers(invoices.findByReferenceKeyIn(List.of(reference.body()))))
        .orElse(List.of());
    return new Ask(candidates, "The bank returned a payment of " + text(entry)
        + " that matches no recorded payment by its end-to-end id: say which invoice's payment it was");
  }

  private Match decide(BankEntry entry, List<Invoice> found, BankEntry.MatchedBy by, String how) {
    List<Invoice> open = found.stream().filter(Invoice::isOpen).toList();
    if (found.size() > 1) {
      if (open.size() == 1 && open.get(0).getCurrency().equals(entry.getCurrency())) {
        return new Found(open.get(0).getInvoiceNumber(), by, how);
      }
      return new Ask(numbers(found), "The payment's " + how + " fits " + found.size()
          + " invoices: " + String.join(", ", numbers(found)));
    }
    Invoice invoice = found.get(0);
    if (!invoice.getCurrency().equals(entry.getCurrency())) {
      return new Ask(numbers(found), "The payment's " + how + " names " + invoice.getInvoiceNumber()
          + ", which is in " + invoice.getCurrency() + ", but " + entry.getCurrency() + " was paid");
    }
    if (invoice.getStatus() == InvoiceStatus.PAID) {
      return new Ask(numbers(found), "The payment's " + how + " names " + invoice.getInvoiceNumber()
          + ", which is already paid: a second payment, to be refunded or assigned elsewhere");
    }
    if (invoice.getStatus() == InvoiceStatus.CANCELLED) {
      return new Ask(numbers(found), "The payment's " + how + " names " + invoice.getInvoiceNumber()
          + ", which was cancelled: to be refunded or assigned elsewhere");
    }
    return new Found(invoice.getInvoiceNumber(), by, how);
  }

  private Match byAmountAndCustomer(BankEntry entry) {
    List<String> customerIds = payer(entry);
    if (customerIds.isEmpty()) {
      List<Invoice> sameAmount = invoices.findTop10ByStatusAndCurrencyAndBalanceOrderByDueDateAsc(
          InvoiceStatus.OPEN, entry.getCurrency(), entry.getAmount());
      return new Ask(numbers(sameAmount), "Neither a reference nor an invoice number, and the payer "
          + (entry.getDebtorName() == null ? "is not named" : entry.getDebtorName() + " is no known customer")
          + (sameAmount.isEmpty() ? "; no open invoice has this amount" : "; open invoices with this amount are offered"));
    }
    List<Invoice> open = new ArrayList<>();
    for (String customerId : customerIds) {
      open.addAll(invoices.findByCustomerIdAndStatusAndCurrency(customerId, InvoiceStatus.OPEN,
          entry.getCurrency()));
    }
    List<Invoice> sameAmount = open.stream()
        .filter(invoice -> invoice.getBalance().compareTo(entry.getAmount()) == 0).toList();
    String who = entry.getDebtorName() == null ? "the customer" : entry.getDebtorName();
    if (sameAmount.size() == 1) {
      return new Found(sameAmount.get(0).getInvoiceNumber(), BankEntry.MatchedBy.AMOUNT_AND_CUSTOMER,
          "amount and customer");
    }
    if (sameAmount.size() > 1) {
      return new Ask(numbers(sameAmount), who + " has " + sameAmount.size()
          + " open invoices of exactly this amount");
    }
    return new Ask(numbers(open.stream().limit(MAX_CANDIDATES).toList()), who
        + " paid without a reference, and the amount fits none of its open invoices"
        + (open.isEmpty() ? " (it has none in " + entry.getCurrency() + ")" : ""));
  }

  /** The customers who may have paid: the one the account was assigned to, else those of that name. */
  private List<String> payer(BankEntry entry) {
    if (entry.getDebtorAccount() != null) {
      Optional<CustomerAccount> known = accounts.findById(entry.getDebtorAccount());
      if (known.isPresent()) {
        return List.of(known.get().getCustomerId());
      }
    }
    if (entry.getDebtorName() == null || entry.getDebtorName().isBlank()) {
      return List.of();
    }
    return customers.findByNameIgnoreCase(entry.getDebtorName().strip()).stream()
        .map(Customer::getId).toList();
  }

  /** The structured reference if it is an RF reference, else one written in the text. */
  static Optional<CreditorReference> creditorReference(BankEntry entry) {
    Optional<CreditorReference> structured = CreditorReference.parse(entry.getCreditorReference());
    if (structured.isPresent() || entry.getRemittanceText() == null) {
      return structured;
    }
    // Printed in groups of four, so a reference in the text may span several words.
    String[] words = WORDS.split(entry.getRemittanceText());
    for (int start = 0; start < words.length; start++) {
      if (!RF_START.matcher(words[start]).matches()) {
        continue;
      }
      Optional<CreditorReference> longest = Optional.empty();
      StringBuilder joined = new StringBuilder();
      for (int i = start; i < words.length && joined.length() + words[i].length() <= 25; i++) {
        joined.append(words[i]);
        Optional<CreditorReference> candidate = CreditorReference.parse(joined.toString());
        if (candidate.isPresent()) {
          longest = candidate;
        }
      }
      if (longest.isPresent()) {
        return longest;
      }
    }
    return Optional.empty();
  }

  /** Every word of the text (and a structured reference that is no RF) as an invoice number would be compared. */
  static Set<String> invoiceNumberKeys(BankEntry entry) {
    Set<String> keys = new LinkedHashSet<>();
    List<String> texts = new ArrayList<>();
    if (entry.getRemittanceText() != null) {
      texts.add(entry.getRemittanceText());
    }
    if (entry.getCreditorReference() != null) {
      texts.add(entry.getCreditorReference());
    }
    for (String text : texts) {
      for (String word : WORDS.split(text)) {
        String key = CreditorReference.key(word.replaceAll("[.,;:]+$", ""));
        if (key.length() >= 3 && key.chars().anyMatch(Character::isDigit)) {
          keys.add(key.toUpperCase(Locale.ROOT));
        }
      }
    }
    return keys;
  }

  private static List<String> numbers(Collection<Invoice> found) {
    return found.stream().map(Invoice::getInvoiceNumber).distinct().limit(MAX_CANDIDATES).toList();
  }

  private static String text(BankEntry entry) {
    return Money.text(entry.getAmount(), entry.getCurrency());
  }
}
