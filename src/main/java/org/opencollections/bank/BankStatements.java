package org.opencollections.bank;

import org.springframework.data.jpa.repository.JpaRepository;

interface BankStatements extends JpaRepository<BankStatement, Long> {
}
