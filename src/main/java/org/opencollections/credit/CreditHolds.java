package org.opencollections.credit;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CreditHolds extends JpaRepository<CreditHold, Long> {

  Optional<CreditHold> findFirstByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAsc(String customerId);
}
