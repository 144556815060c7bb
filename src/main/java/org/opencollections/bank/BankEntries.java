package org.opencollections.bank;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BankEntries extends JpaRepository<BankEntry, Long> {

  Optional<BankEntry> findByBankReference(String bankReference);

  List<BankEntry> findByEndToEndIdAndReturnedPaymentFalse(String endToEndId);

  List<BankEntry> findByStatusOrderByIdAsc(BankEntry.Status status);
}
