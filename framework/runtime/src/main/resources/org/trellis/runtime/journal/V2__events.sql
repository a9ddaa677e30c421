-- Journal schema version 2: why trades happened and how the session fared.
ALTER TABLE sessions ADD COLUMN model_versions TEXT;       -- JSON: model name -> version, for model-backed strategies
ALTER TABLE sessions ADD COLUMN checkpoint TEXT;           -- JSON: state to resume from (positions, guards, statistics)
ALTER TABLE orders ADD COLUMN probability REAL;            -- the deciding decision's probability (NULL without one)
ALTER TABLE trades ADD COLUMN size REAL;                   -- notional at entry (shares x entry price)
ALTER TABLE trades ADD COLUMN forced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE trades ADD COLUMN forced_reason TEXT;
ALTER TABLE trades ADD COLUMN probabilities TEXT;          -- JSON: the model's probabilities at entry
ALTER TABLE trades ADD COLUMN market_state TEXT;           -- JSON: close and features at entry
CREATE TABLE vetoes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    time        INTEGER NOT NULL,
    instrument  TEXT    NOT NULL,
    side        TEXT    NOT NULL,
    purpose     TEXT    NOT NULL,
    reason      TEXT    NOT NULL
);
CREATE TABLE health_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id      INTEGER NOT NULL REFERENCES sessions(id),
    time            INTEGER NOT NULL,
    instrument      TEXT,                        -- NULL: the whole system
    level           TEXT    NOT NULL,            -- degraded, critical, recovered
    staleness_ms    INTEGER,
    action          TEXT,
    affected_trades TEXT,                        -- JSON array of trade ids
    message         TEXT
);
CREATE TABLE guard_state (
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    guard       TEXT    NOT NULL,
    state       TEXT    NOT NULL,                -- JSON
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (session_id, guard)
);
CREATE TABLE model_updates (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    time        INTEGER NOT NULL,
    model       TEXT    NOT NULL,
    step        INTEGER NOT NULL,
    metrics     TEXT    NOT NULL                 -- JSON: e.g. policy loss, value loss, entropy, approx KL
);
