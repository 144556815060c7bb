package org.opencollections.credit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CreditHolds extends JpaRepository<CreditHold, Long> {

  List<CreditHold> findByCustomerIdAndLiftedAtIsNullOrderByPlacedAtAscIdAsc(String customerId);

  List<CreditHold> findByCustomerIdOrderByPlacedAtAscIdAsc(String customerId);
}
