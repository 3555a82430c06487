-- 0007: edits that cannot get lost, and ids that are never handed out twice.
--
-- Every row a user edits through the API carries a version, raised by one on each change; an
-- edit names the version it started from (If-Match) and is refused when the row has moved
-- on, so two people editing the same KPI, contract or plafond cannot overwrite each other
-- unseen. The tables whose rows are made and deleted through the API get AUTOINCREMENT keys:
-- SQLite otherwise hands the id of a deleted last row to the next insert, and a client that
-- still holds the old id would act on a different record. SQLite cannot add AUTOINCREMENT to
-- a table, so these are rebuilt (with foreign keys off while the migrations run, as SQLite's
-- procedure for schema changes prescribes; the runner checks foreign_key_check before
-- committing).

CREATE TABLE kpi_nieuw (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  naam               TEXT NOT NULL,
  indicator          TEXT NOT NULL,
  gemeente           TEXT,
  nulmeting_waarde   REAL NOT NULL,
  nulmeting_periode  TEXT NOT NULL,
  ambitie_waarde     REAL NOT NULL,
  ambitie_jaar       INTEGER NOT NULL,
  bron               TEXT NOT NULL DEFAULT '',
  toelichting        TEXT NOT NULL DEFAULT '',
  aangemaakt_op      TEXT NOT NULL,
  gewijzigd_op       TEXT NOT NULL,
  versie             INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1)
);
INSERT INTO kpi_nieuw (id, naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode,
                       ambitie_waarde, ambitie_jaar, bron, toelichting, aangemaakt_op,
                       gewijzigd_op)
  SELECT id, naam, indicator, gemeente, nulmeting_waarde, nulmeting_periode, ambitie_waarde,
         ambitie_jaar, bron, toelichting, aangemaakt_op, gewijzigd_op FROM kpi;
DROP TABLE kpi;
ALTER TABLE kpi_nieuw RENAME TO kpi;
CREATE INDEX kpi_gemeente ON kpi (gemeente);

CREATE TABLE contract_nieuw (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kenmerk      TEXT NOT NULL UNIQUE,
  aanbieder    TEXT NOT NULL REFERENCES aanbieder(agb),
  soort        TEXT NOT NULL CHECK (soort IN ('inspanning', 'output', 'taakgericht')),
  ingangsdatum TEXT NOT NULL,
  einddatum    TEXT,
  versie       INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1),
  CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
INSERT INTO contract_nieuw (id, kenmerk, aanbieder, soort, ingangsdatum, einddatum)
  SELECT id, kenmerk, aanbieder, soort, ingangsdatum, einddatum FROM contract;
DROP TABLE contract;
ALTER TABLE contract_nieuw RENAME TO contract;
CREATE INDEX contract_aanbieder ON contract (aanbieder);

CREATE TABLE budgetplafond_nieuw (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  aanbieder    TEXT NOT NULL REFERENCES aanbieder(agb),
  jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 2015 AND 2100),
  gemeente     TEXT,
  categorie    TEXT,
  bedrag_cent  INTEGER NOT NULL CHECK (bedrag_cent > 0),
  bij_overschrijding TEXT NOT NULL DEFAULT 'waarschuwen'
               CHECK (bij_overschrijding IN ('waarschuwen', 'weigeren')),
  versie       INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1)
);
INSERT INTO budgetplafond_nieuw (id, aanbieder, jaar, gemeente, categorie, bedrag_cent,
                                 bij_overschrijding)
  SELECT id, aanbieder, jaar, gemeente, categorie, bedrag_cent, bij_overschrijding
  FROM budgetplafond;
DROP TABLE budgetplafond;
ALTER TABLE budgetplafond_nieuw RENAME TO budgetplafond;
CREATE UNIQUE INDEX budgetplafond_sleutel
  ON budgetplafond (aanbieder, jaar, COALESCE(gemeente, ''), COALESCE(categorie, ''));

-- Edited in place (their key is a code, not a number handed out).
ALTER TABLE aanbieder ADD COLUMN versie INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1);
ALTER TABLE wachttijd_norm ADD COLUMN versie INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1);
