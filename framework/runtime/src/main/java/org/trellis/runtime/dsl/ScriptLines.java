package org.trellis.runtime.dsl;

/** Where in the script a keyword is being called from, for messages: {@code file:line}. */
final class ScriptLines {
    private ScriptLines() {
    }

    /** {@code file:line} of the innermost script frame on the current stack ({@code file} alone if none). */
    static String caller(String file) {
        String name = fileName(file);
        for (StackTraceElement e : new Throwable().getStackTrace()) {
            if (name.equals(e.getFileName()) && e.getLineNumber() > 0) {
                return file + ":" + e.getLineNumber();
            }
        }
        return file;
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** {@code file:line} of the script frame where {@code e} was thrown, or {@code file} if none. */
    static String at(Throwable e, String file) {
        String name = fileName(file);
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (name.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                    return file + ":" + frame.getLineNumber();
                }
            }
        }
        return file;
    }
}
