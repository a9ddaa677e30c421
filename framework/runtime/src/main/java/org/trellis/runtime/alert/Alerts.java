package org.trellis.runtime.alert;

/** Where alerts go. {@link #send} never blocks the caller (the trading loop) and never throws. */
public interface Alerts extends AutoCloseable {
    Alerts NONE = new Alerts() {
        @Override
        public void send(Alert alert) {
        }

        @Override
        public void close() {
        }
    };

    void send(Alert alert);

    @Override
    void close();
}
