-- 0001: the foundation. Jeugdigen (pseudonymised), received and sent iJw messages, the
-- objects they carry (verzoeken, toewijzingen, starts, stops, declaraties), registers, audit.

CREATE TABLE gemeente (
  code        TEXT PRIMARY KEY,            -- CBS code, 4 digits
  naam        TEXT NOT NULL,
  regio       TEXT                         -- jeugdzorgregio
);

CREATE TABLE aanbieder (
  agb         TEXT PRIMARY KEY,            -- AGB code, 8 digits
  naam        TEXT NOT NULL,
  soort       TEXT NOT NULL DEFAULT 'aanbieder'  -- 'aanbieder', 'gi' (gecertificeerde instelling), 'wijkteam'
);

-- Product catalogue: productcategorie (JZ020) + productcode, tariff per eenheid per period.
CREATE TABLE product (
  categorie   TEXT NOT NULL,
  code        TEXT NOT NULL,
  omschrijving TEXT NOT NULL DEFAULT '',
  eenheid     TEXT NOT NULL,               -- WJ756
  tarief_cent INTEGER NOT NULL,
  hulpvorm    TEXT,                        -- CBS hulpvorm 01-04, 11-14; NULL = from categorie
  geldig_van  TEXT NOT NULL DEFAULT '2015-01-01',
  geldig_tot  TEXT,
  PRIMARY KEY (categorie, code, geldig_van)
);

-- One row per child. The BSN never appears in clear: `pseudoniem` is a keyed hash
-- (BLAKE2b with the key file's pseudonym key) of BSN and geboortedatum together (see
-- docs/glossary.md "jeugdige": the pair identifies a child, which lets synthetic regions
-- of any size stay inside the 9999 test range of BSNs); `bsn_pseudoniem` is the keyed hash of
-- the BSN alone, for look-ups by BSN (privacy officer); `identiteit` is the encrypted record
-- (BSN, naam) sealed with the key file's encryption key.
CREATE TABLE jeugdige (
  id            INTEGER PRIMARY KEY,
  pseudoniem    TEXT NOT NULL UNIQUE,      -- hex
  bsn_pseudoniem TEXT NOT NULL,            -- hex
  identiteit    BLOB NOT NULL,             -- nonce || ciphertext
  geboortedatum TEXT NOT NULL,             -- needed for ages in the statistics
  geslacht      TEXT NOT NULL DEFAULT '0'
);
CREATE INDEX jeugdige_bsn ON jeugdige (bsn_pseudoniem);

-- Every message received or sent, with its raw XML, outcome and retourcodes.
CREATE TABLE bericht (
  id             INTEGER PRIMARY KEY,
  richting       TEXT NOT NULL CHECK (richting IN ('in', 'uit')),
  berichttype    TEXT NOT NULL,            -- 'JW305'
  afzender       TEXT,
  ontvanger      TEXT,
  identificatie  TEXT,
  dagtekening    TEXT,
  inhoud_sha256  TEXT NOT NULL,
  xml            BLOB NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('geaccepteerd', 'deels', 'afgekeurd', 'verzonden')),
  retourcodes    TEXT NOT NULL DEFAULT '[]',   -- JSON array of {regelcode, retourcode, xpath, melding}
  retour_xml     BLOB,
  ontvangen_op   TEXT NOT NULL,
  import_id      INTEGER REFERENCES import_run(id)
);
CREATE UNIQUE INDEX bericht_inhoud ON bericht (richting, inhoud_sha256);
-- TR056: Identificatie unique per berichtsoort per afzender (among accepted messages).
CREATE UNIQUE INDEX bericht_identificatie ON bericht (berichttype, afzender, identificatie)
  WHERE status <> 'afgekeurd';

CREATE TABLE import_run (
  id          INTEGER PRIMARY KEY,
  gestart_op  TEXT NOT NULL,
  klaar_op    TEXT,
  bron        TEXT NOT NULL,
  ontvangen   INTEGER NOT NULL DEFAULT 0,
  geaccepteerd INTEGER NOT NULL DEFAULT 0,
  afgekeurd   INTEGER NOT NULL DEFAULT 0,
  overgeslagen INTEGER NOT NULL DEFAULT 0
);

-- JW315 AangevraagdProduct.
CREATE TABLE verzoek (
  id                   INTEGER PRIMARY KEY,
  bericht_id           INTEGER NOT NULL REFERENCES bericht(id),
  aanbieder            TEXT NOT NULL,
  gemeente             TEXT NOT NULL,
  jeugdige_id          INTEGER NOT NULL REFERENCES jeugdige(id),
  referentie_aanbieder TEXT NOT NULL,
  dagtekening          TEXT NOT NULL,
  categorie            TEXT,
  productcode          TEXT,
  beschikking_nummer   INTEGER,
  beschikking_ingangsdatum TEXT,
  toewijzing_ingangsdatum TEXT NOT NULL,
  toewijzing_einddatum TEXT,
  volume               INTEGER,
  eenheid              TEXT,
  frequentie           TEXT,
  budget_cent          INTEGER,
  verwijzer_type       TEXT NOT NULL,
  verwijzer_naam       TEXT,
  verwijzer_zorgverlener TEXT,
  status               TEXT NOT NULL DEFAULT 'ontvangen' CHECK (status IN ('ontvangen', 'toegewezen', 'afgewezen')),
  UNIQUE (aanbieder, referentie_aanbieder)     -- TR347
);
CREATE INDEX verzoek_jeugdige ON verzoek (jeugdige_id);

-- JW301 ToegewezenProduct, as made by the gemeente (or imported from its sent JW301s).
CREATE TABLE toewijzing (
  id                   INTEGER PRIMARY KEY,
  gemeente             TEXT NOT NULL,
  toewijzing_nummer    INTEGER NOT NULL,
  aanbieder            TEXT NOT NULL,
  jeugdige_id          INTEGER NOT NULL REFERENCES jeugdige(id),
  referentie_aanbieder TEXT,
  verzoek_id           INTEGER REFERENCES verzoek(id),
  categorie            TEXT,
  productcode          TEXT,
  toewijzingsdatum     TEXT NOT NULL,
  toewijzingstijd      TEXT NOT NULL DEFAULT '00:00:00',
  ingangsdatum         TEXT NOT NULL,
  einddatum            TEXT,
  reden_wijziging      TEXT,
  volume               INTEGER,
  eenheid              TEXT,
  frequentie           TEXT,
  budget_cent          INTEGER,
  commentaar           TEXT,
  bericht_id           INTEGER REFERENCES bericht(id),
  UNIQUE (gemeente, toewijzing_nummer)         -- TR332
);
CREATE INDEX toewijzing_jeugdige ON toewijzing (jeugdige_id);
CREATE INDEX toewijzing_aanbieder ON toewijzing (aanbieder);

-- JW305 StartProduct (logical key: jeugdige, toewijzing, begindatum).
CREATE TABLE levering_start (
  id                INTEGER PRIMARY KEY,
  bericht_id        INTEGER NOT NULL REFERENCES bericht(id),
  aanbieder         TEXT NOT NULL,
  gemeente          TEXT NOT NULL,
  jeugdige_id       INTEGER NOT NULL REFERENCES jeugdige(id),
  toewijzing_id     INTEGER REFERENCES toewijzing(id),
  toewijzing_nummer INTEGER,
  categorie         TEXT,
  productcode       TEXT,
  begindatum        TEXT NOT NULL,
  actueel           INTEGER NOT NULL DEFAULT 1   -- 0 once removed (StatusAanlevering 3)
);
CREATE INDEX levering_start_key ON levering_start (jeugdige_id, toewijzing_nummer, begindatum);

-- JW307 StopProduct.
CREATE TABLE levering_stop (
  id                INTEGER PRIMARY KEY,
  bericht_id        INTEGER NOT NULL REFERENCES bericht(id),
  aanbieder         TEXT NOT NULL,
  gemeente          TEXT NOT NULL,
  jeugdige_id       INTEGER NOT NULL REFERENCES jeugdige(id),
  toewijzing_id     INTEGER REFERENCES toewijzing(id),
  toewijzing_nummer INTEGER,
  categorie         TEXT,
  productcode       TEXT,
  begindatum        TEXT NOT NULL,
  einddatum         TEXT NOT NULL,
  reden_beeindiging TEXT NOT NULL,             -- JZ588
  actueel           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX levering_stop_key ON levering_stop (jeugdige_id, toewijzing_nummer, begindatum);

-- JW323 Declaratie and its Prestaties.
CREATE TABLE declaratie (
  id                INTEGER PRIMARY KEY,
  bericht_id        INTEGER NOT NULL REFERENCES bericht(id),
  aanbieder         TEXT NOT NULL,
  gemeente          TEXT NOT NULL,
  declaratie_nummer TEXT NOT NULL,
  periode_begin     TEXT NOT NULL,
  periode_eind      TEXT NOT NULL,
  dagtekening       TEXT NOT NULL,
  totaal_cent       INTEGER NOT NULL,            -- signed
  toegekend_cent    INTEGER NOT NULL DEFAULT 0,  -- signed
  UNIQUE (aanbieder, declaratie_nummer)          -- TR333
);

CREATE TABLE prestatie (
  id                    INTEGER PRIMARY KEY,
  declaratie_id         INTEGER NOT NULL REFERENCES declaratie(id),
  aanbieder             TEXT NOT NULL,
  jeugdige_id           INTEGER NOT NULL REFERENCES jeugdige(id),
  toewijzing_id         INTEGER REFERENCES toewijzing(id),
  toewijzing_nummer     INTEGER NOT NULL,
  referentie_nummer     TEXT NOT NULL,
  vorig_referentie_nummer TEXT,
  categorie             TEXT NOT NULL,
  productcode           TEXT NOT NULL,
  begindatum            TEXT NOT NULL,
  einddatum             TEXT NOT NULL,
  volume                INTEGER NOT NULL,
  eenheid               TEXT NOT NULL,
  tarief_cent           INTEGER,
  bedrag_cent           INTEGER NOT NULL,        -- signed: credit lines negative
  debet_credit          TEXT NOT NULL,
  toegekend             INTEGER NOT NULL,        -- 1 accepted, 0 rejected
  retourcodes           TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX prestatie_referentie ON prestatie (aanbieder, referentie_nummer) WHERE toegekend = 1; -- TR314
CREATE INDEX prestatie_toewijzing ON prestatie (toewijzing_id);

-- Append-only, hash-chained audit log (Logboek Dataverwerkingen concepts).
CREATE TABLE audit_event (
  id               INTEGER PRIMARY KEY,
  tijdstip         TEXT NOT NULL,
  actor            TEXT NOT NULL,                -- user name, token id or 'systeem'
  handeling        TEXT NOT NULL,                -- 'lezen', 'wijzigen', 'importeren', 'exporteren', 'inloggen'
  verwerkingsactiviteit TEXT NOT NULL,
  doel             TEXT NOT NULL,
  grondslag        TEXT NOT NULL,
  object_type      TEXT,
  pseudoniem       TEXT,                         -- jeugdige pseudonym, never the BSN
  detail           TEXT,
  vorige_hash      TEXT NOT NULL,
  hash             TEXT NOT NULL
);
CREATE INDEX audit_pseudoniem ON audit_event (pseudoniem);
CREATE TRIGGER audit_event_geen_update BEFORE UPDATE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_geen_delete BEFORE DELETE ON audit_event
  BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
