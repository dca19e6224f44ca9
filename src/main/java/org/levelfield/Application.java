package org.levelfield;

import java.nio.file.Path;

import io.micronaut.runtime.Micronaut;
import org.levelfield.common.database.DatabaseBootstrap;
import org.levelfield.common.database.DatabaseTarget;

public class Application {

    public static void main(String[] args) {
        boolean embeddedAllowed = !"false".equalsIgnoreCase(System.getenv().getOrDefault("LEVELFIELD_EMBEDDED_POSTGRES", "true"));
        DatabaseTarget target = DatabaseBootstrap.prepare(
                DatabaseTarget.fromEnvironment(System.getenv()),
                embeddedAllowed ? Path.of(System.getProperty("levelfield.home", ".levelfield")) : null);
        System.setProperty("datasources.default.url", target.jdbcUrl());
        System.setProperty("datasources.default.username", target.username());
        System.setProperty("datasources.default.password", target.password());
        Micronaut.run(Application.class, args);
    }
}
