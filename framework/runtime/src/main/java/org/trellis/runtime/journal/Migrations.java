package org.trellis.runtime.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's schema, as numbered SQL scripts ({@code V<n>__<what>.sql} next to this class),
 * applied in order on open: a journal written by an older Trellis is brought up to date, each step
 * in its own transaction, and its version recorded in {@code schema_version}.
 */
final class Migrations {
    /** The scripts, in order; the newest schema version is their count. */
    static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__events.sql");

    private Migrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** The journal's version without writing anything: 0 for a new file. */
    private static int versionIfAny(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (r.next() && r.getInt(1) == 0) {
                return 0;
            }
        }
        return version(c);
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /** Applies the scripts after the journal's version, up to {@code target}; returns the new version. */
    /**
     * Applies the scripts after the journal's version, up to {@code target}; returns the new version.
     * Runs with auto-commit on, each step inside {@code BEGIN IMMEDIATE}: the write lock is taken
     * before the version is read, so two processes opening one new journal at once (a session and a
     * reader) migrate it once, one after the other, instead of both applying the same step.
     */
    static int migrate(Connection c, int target, String where) throws SQLException {
        // an up-to-date journal (the usual case) is only read: no lock, nothing for a running session to wait on
        int current = versionIfAny(c);
        if (current >= target && current <= latest()) {
            return current;
        }
        while (true) {
            try (Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
                int version = version(c);
                if (version > latest()) {
                    s.execute("ROLLBACK");
                    throw new JournalException(where + ": journal schema version " + version + " is newer than this Trellis knows ("
                            + latest() + "); use a newer Trellis or another journal file");
                }
                if (version >= target) {
                    s.execute("COMMIT");
                    return version;
                }
                int v = version + 1;
                try {
                    for (String sql : statements(SCRIPTS.get(v - 1))) {
                        s.execute(sql);
                    }
                    s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    s.execute("ROLLBACK");
                    throw new JournalException(where + ": migrating the journal to schema version " + v + " ("
                            + SCRIPTS.get(v - 1) + ") failed: " + e.getMessage() + "; the journal is left at version " + (v - 1), e);
                }
            }
        }
    }

    /** The statements of a script: split at semicolons that end a line, comments dropped. */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("journal migration " + script + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            current.append(code).append('\n');
            if (code.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
