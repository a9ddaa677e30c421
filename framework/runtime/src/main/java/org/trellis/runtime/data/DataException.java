package org.trellis.runtime.data;

/**
 * Bad market data, located: the message names the source, the line (1-based, counting the header)
 * and the field, so the user can open the file and fix it.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final long line;
    private final String field;

    public DataException(String source, long line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public DataException(String source, String problem) {
        this(source, -1, null, problem);
    }

    private static String format(String source, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("': ");
        }
        return sb.append(problem).toString();
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }
}
