package org.opencollections.bank;

import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.AccountStatement9;
import com.prowidesoftware.swift.model.mx.dic.CreditDebitCode;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.EntryTransaction10;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ReportEntry10;
import com.prowidesoftware.swift.model.mx.dic.StructuredRemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.TransactionParties6;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.stereotype.Component;

/**
 * Reads bank-to-customer statements in ISO 20022 camt.053.001.08, the version of the SEPA and
 * CBPR+ rulebooks, with Prowide's ISO 20022 model. The file is checked first to be well-formed XML
 * of that message (no DTDs or external entities), and every entry kept must have what a payment
 * needs: an amount, a currency, a direction and a date. Any fault refuses the whole file.
 */
@Component
class Camt053Reader {

  static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
  private static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  private static final String BOOKED = "BOOK";
  private static final String NOT_PROVIDED = "NOTPROVIDED";

  BankStatementFile read(byte[] file) {
    checkWellFormedCamt053(file);
    MxCamt05300108 message = MxCamt05300108.parse(new String(file, StandardCharsets.UTF_8));
    if (message == null || message.getBkToCstmrStmt() == null
        || message.getBkToCstmrStmt().getGrpHdr() == null) {
      throw new UnreadableStatementException("The file is not a bank-to-customer statement (BkToCstmrStmt)");
    }
    var statement = message.getBkToCstmrStmt();
    String messageId = required(statement.getGrpHdr().getMsgId(), "GrpHdr/MsgId", "the file");
    if (statement.getStmt().isEmpty()) {
      throw new UnreadableStatementException("The file holds no statement (Stmt)");
    }
    List<BankStatementFile.Statement> statements = new ArrayList<>();
    for (AccountStatement9 stmt : statement.getStmt()) {
      statements.add(statement(stmt));
    }
    return new BankStatementFile("camt.053.001.08", messageId, statements);
  }

  private BankStatementFile.Statement statement(AccountStatement9 stmt) {
    String id = required(stmt.getId(), "Stmt/Id", "a statement");
    String account = stmt.getAcct() == null ? null : account(stmt.getAcct().getId());
    List<StatementLine> lines = new ArrayList<>();
    int ignored = 0;
    int position = 0;
    for (ReportEntry10 entry : stmt.getNtry()) {
      position++;
      String where = "statement " + id + ", entry " + position
          + (entry.getAcctSvcrRef() != null ? " (" + entry.getAcctSvcrRef() + ")" : "");
      List<StatementLine> read = lines(id, position, entry, where);
      if (read.isEmpty()) {
        ignored++;
      }
      lines.addAll(read);
    }
    return new BankStatementFile.Statement(id, account, lines, ignored);
  }

  /** The payments an entry books: none for a debit or an entry not yet booked. */
  private List<StatementLine> lines(String statementId, int position, ReportEntry10 entry, String where) {
    BigDecimal amount = amount(entry.getAmt() == null ? null : entry.getAmt().getValue(), where);
    String currency = currency(entry.getAmt() == null ? null : entry.getAmt().getCcy(), where);
    if (entry.getCdtDbtInd() == null) {
      throw new UnreadableStatementException(where + ": CdtDbtInd (credit or debit) is missing or not CRDT/DBIT");
    }
    if (entry.getSts() == null || (entry.getSts().getCd() == null && entry.getSts().getPrtry() == null)) {
      throw new UnreadableStatementException(where + ": Sts (status) is missing");
    }
    LocalDate bookedOn = date(entry.getBookgDt());
    LocalDate valueDate = date(entry.getValDt());
    if (bookedOn == null && valueDate == null) {
      throw new UnreadableStatementException(where + ": BookgDt and ValDt (dates) are missing or not dates");
    }
    boolean reversal = Boolean.TRUE.equals(entry.isRvslInd());
    boolean credit = entry.getCdtDbtInd() == CreditDebitCode.CRDT;
    // A payment received is a credit; a credit taken back is booked as a reversed debit.
    if (!BOOKED.equals(entry.getSts().getCd()) || credit == reversal) {
      return List.of();
    }
    String entryReference = entry.getAcctSvcrRef() != null ? entry.getAcctSvcrRef()
        : entry.getNtryRef() != null ? statementId + "/" + entry.getNtryRef()
        : statementId + "/" + position;
    List<EntryTransaction10> transactions = entry.getNtryDtls().stream()
        .flatMap(details -> details.getTxDtls().stream()).toList();
    LocalDate booked = bookedOn != null ? bookedOn : valueDate;
    LocalDate value = valueDate != null ? valueDate : bookedOn;
    if (transactions.size() <= 1) {
      EntryTransaction10 transaction = transactions.isEmpty() ? null : transactions.get(0);
      return List.of(line(entryReference, amount, currency, reversal, booked, value, transaction,
          entry.getAddtlNtryInf()));
    }
    List<StatementLine> lines = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i++) {
      EntryTransaction10 transaction = transactions.get(i);
      String txWhere = where + ", transaction " + (i + 1);
      var txAmount = transaction.getAmt();
      BigDecimal each = amount(txAmount == null ? null : txAmount.getValue(), txWhere);
      String eachCurrency = currency(txAmount == null ? null : txAmount.getCcy(), txWhere);
      String reference = transaction.getRefs() != null && transaction.getRefs().getAcctSvcrRef() != null
          ? transaction.getRefs().getAcctSvcrRef() : entryReference + "/" + (i + 1);
      lines.add(line(reference, each, eachCurrency, reversal, booked, value, transaction, null));
    }
    return lines;
  }

  private StatementLine line(String reference, BigDecimal amount, String currency, boolean reversal,
      LocalDate bookedOn, LocalDate valueDate, EntryTransaction10 transaction, String entryInfo) {
    String endToEndId = null;
    String debtorName = null;
    String debtorAccount = null;
    String creditorReference = null;
    List<String> text = new ArrayList<>();
    if (transaction != null) {
      if (transaction.getRefs() != null && !NOT_PROVIDED.equals(transaction.getRefs().getEndToEndId())) {
        endToEndId = transaction.getRefs().getEndToEndId();
      }
      TransactionParties6 parties = transaction.getRltdPties();
      if (parties != null) {
        if (parties.getDbtr() != null && parties.getDbtr().getPty() != null) {
          debtorName = parties.getDbtr().getPty().getNm();
        }
        if (parties.getDbtrAcct() != null) {
          debtorAccount = account(parties.getDbtrAcct().getId());
        }
      }
      RemittanceInformation16 remittance = transaction.getRmtInf();
      if (remittance != null) {
        text.addAll(remittance.getUstrd());
        for (StructuredRemittanceInformation16 structured : remittance.getStrd()) {
          if (structured.getCdtrRefInf() != null && structured.getCdtrRefInf().getRef() != null) {
            if (creditorReference == null) {
              creditorReference = structured.getCdtrRefInf().getRef();
            } else {
              text.add(structured.getCdtrRefInf().getRef());
            }
          }
          structured.getRfrdDocInf().forEach(document -> text.add(document.getNb()));
          text.addAll(structured.getAddtlRmtInf());
        }
      }
      text.add(transaction.getAddtlTxInf());
    }
    text.add(entryInfo);
    String remittanceText = text.stream().filter(Objects::nonNull).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
    return new StatementLine(reference, amount, currency, reversal, bookedOn, valueDate, endToEndId,
        debtorName, debtorAccount, creditorReference, remittanceText.isEmpty() ? null : remittanceText);
  }

  private static String account(AccountIdentification4Choice id) {
    if (id == null) {
      return null;
    }
    if (id.getIBAN() != null) {
      return id.getIBAN();
    }
    return id.getOthr() == null ? null : id.getOthr().getId();
  }

  private static LocalDate date(DateAndDateTime2Choice choice) {
    if (choice == null) {
      return null;
    }
    if (choice.getDt() != null) {
      return choice.getDt();
    }
    return choice.getDtTm() == null ? null : choice.getDtTm().toLocalDate();
  }

  private static BigDecimal amount(BigDecimal value, String where) {
    if (value == null || value.signum() <= 0) {
      throw new UnreadableStatementException(where + ": Amt (amount) is missing or not a positive decimal number");
    }
    return value;
  }

  private static String currency(String code, String where) {
    try {
      Currency.getInstance(code);
      return code;
    } catch (RuntimeException e) {
      throw new UnreadableStatementException(where + ": Amt/@Ccy is not an ISO 4217 currency: " + code);
    }
  }

  private static String required(String value, String element, String where) {
    if (value == null || value.isBlank()) {
      throw new UnreadableStatementException(element + " is missing in " + where);
    }
    return value;
  }

  /**
   * Reads the whole file once as XML, refusing DTDs and external entities, and checks that its
   * root is a camt.053.001.08 document; a parse error names its line and column.
   */
  private static void checkWellFormedCamt053(byte[] file) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    String namespace = null;
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(file));
      try {
        while (reader.hasNext()) {
          int event = reader.next();
          if (event == XMLStreamConstants.DTD) {
            throw new UnreadableStatementException("The file declares a DTD; statements have none");
          }
          if (event == XMLStreamConstants.START_ELEMENT && namespace == null) {
            namespace = Objects.toString(reader.getNamespaceURI(), "");
            if (!"Document".equals(reader.getLocalName())) {
              throw new UnreadableStatementException("The file is not an ISO 20022 document: its root"
                  + " element is " + reader.getLocalName() + ", not Document");
            }
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      var at = e.getLocation();
      String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*Message: ", "");
      throw new UnreadableStatementException("The file is not well-formed XML"
          + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")")
          + ": " + message.strip());
    }
    if (namespace == null) {
      throw new UnreadableStatementException("The file is empty");
    }
    if (!NAMESPACE.equals(namespace)) {
      String found = namespace.startsWith(NAMESPACE_PREFIX) ? namespace.substring(NAMESPACE_PREFIX.length())
          : namespace.isEmpty() ? "a document without namespace" : namespace;
      throw new UnreadableStatementException("The file is " + found + "; statements are read as "
          + "camt.053.001.08 (ask the bank for that version)");
    }
  }
}
