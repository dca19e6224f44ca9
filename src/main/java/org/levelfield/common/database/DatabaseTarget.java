package org.levelfield.common.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the service's PostgreSQL database is: host, port, database name and credentials.
 * Read from {@code DATABASE_URL} (postgres://user:pass@host:port/db or a jdbc:postgresql URL),
 * or Micronaut's own {@code DATASOURCES_DEFAULT_URL/USERNAME/PASSWORD}, defaulting to
 * {@code localhost:5432}, database {@code levelfield}, user {@code postgres}.
 */
public record DatabaseTarget(String host, int port, String database, String username, String password) {

    public static final DatabaseTarget DEFAULT = new DatabaseTarget("localhost", 5432, "levelfield", "postgres", "");

    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        String databaseUrl = env.get("DATABASE_URL");
        String micronautUrl = env.get("DATASOURCES_DEFAULT_URL");
        DatabaseTarget target = DEFAULT;
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            target = parse(databaseUrl.trim());
        } else if (micronautUrl != null && !micronautUrl.isBlank()) {
            target = parse(micronautUrl.trim());
        }
        String user = env.get("DATASOURCES_DEFAULT_USERNAME");
        String password = env.get("DATASOURCES_DEFAULT_PASSWORD");
        return new DatabaseTarget(target.host, target.port, target.database,
                user != null ? user : target.username, password != null ? password : target.password);
    }

    /** Accepts postgres://, postgresql:// and jdbc:postgresql:// URLs. */
    public static DatabaseTarget parse(String url) {
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        if (!plain.startsWith("postgres://") && !plain.startsWith("postgresql://")) {
            throw new IllegalArgumentException("Database URL must start with postgres://, postgresql:// or jdbc:postgresql:// but was: " + url);
        }
        URI uri = URI.create(plain.replaceFirst("^postgres(ql)?://", "http://"));
        String user = DEFAULT.username;
        String password = DEFAULT.password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) user = decode(kv[1]);
                if (kv.length == 2 && kv[0].equals("password")) password = decode(kv[1]);
            }
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new DatabaseTarget(
                uri.getHost() == null ? DEFAULT.host : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(),
                path.isBlank() ? DEFAULT.database : path,
                user, password);
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    public DatabaseTarget withDatabase(String databaseName) {
        return new DatabaseTarget(host, port, databaseName, username, password);
    }

    public DatabaseTarget withHostAndPort(String newHost, int newPort) {
        return new DatabaseTarget(newHost, newPort, database, username, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database + " as " + username;
    }
}
