package org.opencollections.invoice;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Customers extends JpaRepository<Customer, String> {

  /** Customers by the name a bank gives for a payer. */
  List<Customer> findByNameIgnoreCase(String name);

  /** Reads the customer and locks its row, so that two invoices never open two calls at once. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Customer c where c.id = :id")
  Optional<Customer> lockById(@Param("id") String id);
}
