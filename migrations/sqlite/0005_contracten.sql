-- 0005: contracten, budgetplafonds, wachttijdnormen and the reported figures on PGB and
-- algemene voorzieningen (src/contracts, docs/contracten.md). Every change to these
-- registers writes an audit event.

-- Landelijk ingekochte zorg (LTA) is, like a GI, exempt from budgetplafonds.
ALTER TABLE aanbieder ADD COLUMN landelijk INTEGER NOT NULL DEFAULT 0 CHECK (landelijk IN (0, 1));

-- A contract with an aanbieder for a period and a set of gemeenten.
CREATE TABLE contract (
  id           INTEGER PRIMARY KEY,
  kenmerk      TEXT NOT NULL UNIQUE,         -- the contract's own reference
  aanbieder    TEXT NOT NULL REFERENCES aanbieder(agb),
  soort        TEXT NOT NULL CHECK (soort IN ('inspanning', 'output', 'taakgericht')),
  ingangsdatum TEXT NOT NULL,
  einddatum    TEXT,                          -- NULL: open-ended
  CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
CREATE INDEX contract_aanbieder ON contract (aanbieder);

CREATE TABLE contract_gemeente (
  contract_id  INTEGER NOT NULL REFERENCES contract(id) ON DELETE CASCADE,
  gemeente     TEXT NOT NULL,
  PRIMARY KEY (contract_id, gemeente)
);

-- The ceiling on what an aanbieder may spend in a calendar year, for all gemeenten and
-- products (gemeente, categorie NULL) or for one gemeente and/or productcategorie.
-- bij_overschrijding says what a new toewijzing that would exceed it gets.
CREATE TABLE budgetplafond (
  id           INTEGER PRIMARY KEY,
  aanbieder    TEXT NOT NULL REFERENCES aanbieder(agb),
  jaar         INTEGER NOT NULL CHECK (jaar BETWEEN 2015 AND 2100),
  gemeente     TEXT,
  categorie    TEXT,                           -- JZ020
  bedrag_cent  INTEGER NOT NULL CHECK (bedrag_cent > 0),
  bij_overschrijding TEXT NOT NULL DEFAULT 'waarschuwen'
               CHECK (bij_overschrijding IN ('waarschuwen', 'weigeren'))
);
CREATE UNIQUE INDEX budgetplafond_sleutel
  ON budgetplafond (aanbieder, jaar, COALESCE(gemeente, ''), COALESCE(categorie, ''));

-- Norm for the wait from aanmelding to start, in weeks, per productcategorie; '*' for all
-- categories without their own norm. The default is the Treeknorm (4 weeks to intake and
-- 6 more to the start of care).
CREATE TABLE wachttijd_norm (
  categorie    TEXT PRIMARY KEY,
  weken        INTEGER NOT NULL CHECK (weken BETWEEN 1 AND 104)
);
INSERT INTO wachttijd_norm (categorie, weken) VALUES ('*', 10);

-- Reported spend beside the JW323 declaraties (zorg in natura): PGB and algemene
-- voorzieningen per gemeente and year.
CREATE TABLE voorziening_uitgaven (
  gemeente     TEXT NOT NULL,
  jaar         INTEGER NOT NULL,
  soort        TEXT NOT NULL CHECK (soort IN ('pgb', 'algemeen')),
  bedrag_cent  INTEGER NOT NULL CHECK (bedrag_cent >= 0),
  PRIMARY KEY (gemeente, jaar, soort)
);

-- The target share of maatwerk (zorg in natura + PGB) in maatwerk + algemene voorzieningen.
CREATE TABLE voorziening_doel (
  gemeente     TEXT NOT NULL,
  jaar         INTEGER NOT NULL,
  pct_maatwerk REAL NOT NULL CHECK (pct_maatwerk BETWEEN 0 AND 100),
  bron         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (gemeente, jaar)
);

-- Spend of a year: accepted prestaties by the begin of their ProductPeriode.
CREATE INDEX prestatie_begin ON prestatie (begindatum) WHERE toegekend = 1;
-- Waiting times and commitments: the first start and the last stop on a toewijzing.
CREATE INDEX levering_start_toewijzing ON levering_start (toewijzing_id) WHERE actueel = 1;
CREATE INDEX levering_stop_toewijzing ON levering_stop (toewijzing_id) WHERE actueel = 1;
