package org.levelfield.access;

import java.util.Optional;
import java.util.UUID;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccounts extends CrudRepository<UserAccount, UUID> {
    Optional<UserAccount> findByUsername(String username);
}
