package org.opencollections.bank;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A payment a statement booked, kept once, with what became of it. */
@Entity
@Table(name = "bank_entry")
public class BankEntry {

  /** What became of the entry. */
  public enum Status {
    /** Matched to an invoice and recorded as its payment (or, returned, as the payment's return). */
    RECORDED,
    /** Waiting for a clerk to say which invoice it is for. */
    TO_MATCH,
    /** A clerk said it is for no invoice (to be refunded, or not a customer's payment). */
    NOT_FOR_AN_INVOICE
  }

  /** How the invoice was found. */
  public enum MatchedBy { CREDITOR_REFERENCE, INVOICE_NUMBER, AMOUNT_AND_CUSTOMER, END_TO_END_ID, CLERK }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String bankReference;
  @ManyToOne(optional = false)
  @JoinColumn(name = "statement_id")
  private BankStatement statement;
  private BigDecimal amount;
  private String currency;
  private boolean returnedPayment;
  private LocalDate bookedOn;
  private LocalDate valueDate;
  private String endToEndId;
  private String debtorName;
  private String debtorAccount;
  private String creditorReference;
  private String remittanceText;
  @Enumerated(EnumType.STRING)
  private Status status;
  @Enumerated(EnumType.STRING)
  private MatchedBy matchedBy;
  private String invoiceNumber;
  private String candidates;
  private String note;
  private String decidedBy;
  private Instant decidedAt;

  protected BankEntry() {
  }

  BankEntry(StatementLine line, BankStatement statement) {
    this.bankReference = line.bankReference();
    this.statement = statement;
    this.amount = line.amount();
    this.currency = line.currency();
    this.returnedPayment = line.returnedPayment();
    this.bookedOn = line.bookedOn();
    this.valueDate = line.valueDate();
    this.endToEndId = cut(line.endToEndId(), 64);
    this.debtorName = cut(line.debtorName(), 140);
    this.debtorAccount = cut(line.debtorAccount(), 64);
    this.creditorReference = cut(line.creditorReference(), 64);
    this.remittanceText = cut(line.remittanceText(), 1000);
  }

  void recorded(String invoiceNumber, MatchedBy matchedBy, String note) {
    this.status = Status.RECORDED;
    this.invoiceNumber = invoiceNumber;
    this.matchedBy = matchedBy;
    this.note = cut(note, 1000);
  }

  void toMatch(List<String> candidates, String reason) {
    this.status = Status.TO_MATCH;
    this.candidates = candidates.isEmpty() ? null : cut(String.join(",", candidates), 1000);
    this.note = cut(reason, 1000);
  }

  void decided(String invoiceNumber, Status status, String note, String clerk, Instant at) {
    this.status = status;
    this.invoiceNumber = invoiceNumber;
    this.matchedBy = invoiceNumber == null ? null : MatchedBy.CLERK;
    this.note = cut(note, 1000);
    this.decidedBy = clerk;
    this.decidedAt = at;
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  public Long getId() {
    return id;
  }

  public String getBankReference() {
    return bankReference;
  }

  public BankStatement getStatement() {
    return statement;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public boolean isReturnedPayment() {
    return returnedPayment;
  }

  public LocalDate getBookedOn() {
    return bookedOn;
  }

  public LocalDate getValueDate() {
    return valueDate;
  }

  public String getEndToEndId() {
    return endToEndId;
  }

  public String getDebtorName() {
    return debtorName;
  }

  public String getDebtorAccount() {
    return debtorAccount;
  }

  public String getCreditorReference() {
    return creditorReference;
  }

  public String getRemittanceText() {
    return remittanceText;
  }

  public Status getStatus() {
    return status;
  }

  public MatchedBy getMatchedBy() {
    return matchedBy;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public List<String> getCandidates() {
    return candidates == null ? List.of() : Arrays.asList(candidates.split(","));
  }

  public String getNote() {
    return note;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
