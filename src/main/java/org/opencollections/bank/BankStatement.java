package org.opencollections.bank;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One reading of a statement: when, by whom, from which file, and how much of it was new. */
@Entity
@Table(name = "bank_statement")
public class BankStatement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String messageId;
  private String statementId;
  private String account;
  private String fileName;
  private Instant readAt;
  private String readBy;
  private int entriesNew;
  private int entriesKnown;

  protected BankStatement() {
  }

  BankStatement(String messageId, String statementId, String account, String fileName, Instant readAt,
      String readBy) {
    this.messageId = messageId;
    this.statementId = statementId;
    this.account = account;
    this.fileName = fileName;
    this.readAt = readAt;
    this.readBy = readBy;
  }

  void counted(int entriesNew, int entriesKnown) {
    this.entriesNew = entriesNew;
    this.entriesKnown = entriesKnown;
  }

  public Long getId() {
    return id;
  }

  public String getStatementId() {
    return statementId;
  }

  public String getAccount() {
    return account;
  }
}
