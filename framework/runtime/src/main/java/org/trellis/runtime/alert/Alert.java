package org.trellis.runtime.alert;

/**
 * Something an operator should hear about at once: a session started, stopped, failed or was
 * resumed after a crash; a position was force-closed; the kill switch changed; a health transition.
 *
 * @param event a stable code: session-started, session-stopped, session-finished, session-failed,
 *              session-resumed, forced-close, kill-switch, health
 * @param session the journal session it concerns (0 when none)
 */
public record Alert(String event, String title, String detail, long time, long session, String strategy) {
}
