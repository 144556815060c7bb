package org.opencollections.bank;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerAccounts extends JpaRepository<CustomerAccount, String> {
}
