-- 0004: the council's KPIs (doelen): an indicator for a gemeente or the regio, with a
-- nulmeting (value in a period) and an ambitie (value in a year). Their status (op koers,
-- risico, uit koers) is computed when read, never stored.

CREATE TABLE kpi (
  id                 INTEGER PRIMARY KEY,
  naam               TEXT NOT NULL,
  indicator          TEXT NOT NULL,            -- key of the indicator document ('pctJongerenMetJeugdhulp')
  gemeente           TEXT,                     -- CBS code; NULL: the regio as a whole
  nulmeting_waarde   REAL NOT NULL,
  nulmeting_periode  TEXT NOT NULL,            -- '2020', '2020H1'
  ambitie_waarde     REAL NOT NULL,
  ambitie_jaar       INTEGER NOT NULL,
  bron               TEXT NOT NULL DEFAULT '', -- where the target comes from (a policy document)
  toelichting        TEXT NOT NULL DEFAULT '',
  aangemaakt_op      TEXT NOT NULL,
  gewijzigd_op       TEXT NOT NULL
);
CREATE INDEX kpi_gemeente ON kpi (gemeente);
