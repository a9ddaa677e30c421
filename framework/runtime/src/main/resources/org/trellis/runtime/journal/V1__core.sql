-- Journal schema version 1: sessions and what they traded.
CREATE TABLE sessions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT    NOT NULL,            -- the strategy's name
    script          TEXT,                        -- the script it came from, if any
    mode            TEXT    NOT NULL,            -- backtest, paper, live
    status          TEXT    NOT NULL,            -- running, finished, stopped, crashed, failed
    config          TEXT    NOT NULL,            -- JSON: settings, parameters, data
    seed            INTEGER NOT NULL,
    started_at      INTEGER NOT NULL,            -- epoch ms, wall clock
    ended_at        INTEGER,
    pid             INTEGER,                     -- the process that ran it (to tell a crash from a live session)
    last_checkpoint INTEGER
);
CREATE TABLE orders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    order_id    INTEGER NOT NULL,
    time        INTEGER NOT NULL,
    instrument  TEXT    NOT NULL,
    side        TEXT    NOT NULL,
    quantity    REAL    NOT NULL,
    purpose     TEXT    NOT NULL,
    reason      TEXT    NOT NULL
);
CREATE TABLE fills (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    order_id    INTEGER NOT NULL,
    time        INTEGER NOT NULL,
    instrument  TEXT    NOT NULL,
    side        TEXT    NOT NULL,
    quantity    REAL    NOT NULL,
    price       REAL    NOT NULL,
    fee         REAL    NOT NULL
);
CREATE TABLE trades (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER NOT NULL REFERENCES sessions(id),
    instrument   TEXT    NOT NULL,
    side         TEXT    NOT NULL,               -- long, short
    entry_time   INTEGER NOT NULL,
    entry_price  REAL    NOT NULL,
    exit_time    INTEGER NOT NULL,
    exit_price   REAL    NOT NULL,
    shares       REAL    NOT NULL,
    pnl          REAL    NOT NULL,
    fees         REAL    NOT NULL,
    entry_reason TEXT    NOT NULL,
    exit_reason  TEXT    NOT NULL
);
CREATE TABLE equity (
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    time        INTEGER NOT NULL,
    equity      REAL    NOT NULL,
    PRIMARY KEY (session_id, time)
);
CREATE INDEX trades_by_session ON trades(session_id);
CREATE INDEX fills_by_session ON fills(session_id);
