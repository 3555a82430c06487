-- 0009: the toegang's work (src/casework). Teams of medewerkers per gemeente; gezinnen with
-- their members (jeugdigen by their pseudonymised row, ouders/verzorgers with a sealed
-- identity) and the moves of a jeugdige between gezinnen; aanmeldingen and the werkvoorraad
-- (an aanmelding or a received verzoek om toewijzing, owned by a team); vraagverheldering per
-- leefgebied; the versioned gezinsplan; besluiten with their beschikking; the answers to
-- verzoeken (JW319); and the outbox of built messages waiting for their aanbieder.
-- Free text about a family (the question, strengths, goals, agreements, motivering) is sealed
-- like an identity (`inhoud`: nonce || ciphertext of a JSON object); the columns in clear are
-- the dates, codes and numbers that deadlines and figures need.

CREATE TABLE team (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  gemeente  TEXT NOT NULL,                 -- CBS code
  naam      TEXT NOT NULL,
  soort     TEXT NOT NULL DEFAULT 'wijkteam' CHECK (soort IN ('wijkteam', 'jeugdteam')),
  UNIQUE (gemeente, naam)
);

-- The medewerkers of a team are the server's users.
CREATE TABLE team_lid (
  team_id         INTEGER NOT NULL REFERENCES team(id),
  gebruikersnaam  TEXT NOT NULL REFERENCES gebruiker(gebruikersnaam),
  PRIMARY KEY (team_id, gebruikersnaam)
);
CREATE INDEX team_lid_gebruiker ON team_lid (gebruikersnaam);

-- Deadlines per gemeente; a gemeente without a row has the defaults.
CREATE TABLE casework_instelling (
  gemeente                  TEXT PRIMARY KEY,
  awb_weken                 INTEGER NOT NULL DEFAULT 8 CHECK (awb_weken BETWEEN 1 AND 26),
  eerste_contact_werkdagen  INTEGER NOT NULL DEFAULT 5 CHECK (eerste_contact_werkdagen BETWEEN 1 AND 60)
);

-- The leefgebieden of the vraagverheldering. Rows without a gemeente are the list of every
-- gemeente that has none of its own: the six of the brede vraagverheldering and, for jongeren
-- from 16, the Big 5.
CREATE TABLE leefgebied (
  id              INTEGER PRIMARY KEY,
  gemeente        TEXT,                    -- NULL: the default list
  code            TEXT NOT NULL,
  naam            TEXT NOT NULL,
  vanaf_leeftijd  INTEGER,                 -- NULL: the whole gezin; else one jeugdige of this age
  volgorde        INTEGER NOT NULL
);
CREATE UNIQUE INDEX leefgebied_code ON leefgebied (COALESCE(gemeente, ''), code);
INSERT INTO leefgebied (gemeente, code, naam, vanaf_leeftijd, volgorde) VALUES
  (NULL, 'gezondheid', 'Gezondheid', NULL, 1),
  (NULL, 'zelfredzaamheid', 'Zelfredzaamheid', NULL, 2),
  (NULL, 'participatie', 'Participatie', NULL, 3),
  (NULL, 'opvoeden-en-opgroeien', 'Opvoeden en opgroeien', NULL, 4),
  (NULL, 'wonen', 'Wonen', NULL, 5),
  (NULL, 'inkomen', 'Inkomen', NULL, 6),
  (NULL, 'big5-support', 'Support (Big 5)', 16, 7),
  (NULL, 'big5-wonen', 'Wonen (Big 5)', 16, 8),
  (NULL, 'big5-school-en-werk', 'School en werk (Big 5)', 16, 9),
  (NULL, 'big5-inkomen', 'Inkomen (Big 5)', 16, 10),
  (NULL, 'big5-welzijn', 'Welzijn (Big 5)', 16, 11);

CREATE TABLE gezin (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  gemeente       TEXT NOT NULL,
  team_id        INTEGER REFERENCES team(id),
  regisseur      TEXT REFERENCES gebruiker(gebruikersnaam),
  aangemaakt_op  TEXT NOT NULL,            -- date
  versie         INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1)
);
CREATE INDEX gezin_regisseur ON gezin (regisseur);

-- A member of a gezin from `van` until `tot` (NULL: now). A jeugdige is a member of one gezin
-- at a time; a move ends one row and starts another, so moves are kept. `volgnummer` numbers
-- the members within their gezin (1, 2, ...): the API's `lid`.
CREATE TABLE gezinslid (
  id           INTEGER PRIMARY KEY,
  gezin_id     INTEGER NOT NULL REFERENCES gezin(id),
  volgnummer   INTEGER NOT NULL,
  soort        TEXT NOT NULL CHECK (soort IN ('jeugdige', 'ouder')),
  jeugdige_id  INTEGER REFERENCES jeugdige(id),
  identiteit   BLOB,                       -- ouder/verzorger: sealed naam and contact
  relatie      TEXT,                       -- COD472, of an ouder/verzorger to the jeugdigen
  gezag        INTEGER NOT NULL DEFAULT 0 CHECK (gezag IN (0, 1)),
  van          TEXT NOT NULL,
  tot          TEXT,
  UNIQUE (gezin_id, volgnummer),
  CHECK ((soort = 'jeugdige') = (jeugdige_id IS NOT NULL)),
  CHECK (soort = 'jeugdige' OR identiteit IS NOT NULL)
);
CREATE UNIQUE INDEX gezinslid_een_gezin ON gezinslid (jeugdige_id)
  WHERE jeugdige_id IS NOT NULL AND tot IS NULL;

CREATE TABLE aanmelding (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  gezin_id           INTEGER NOT NULL REFERENCES gezin(id),
  jeugdige_id        INTEGER NOT NULL REFERENCES jeugdige(id),
  gemeente           TEXT NOT NULL,
  vindplaats         TEXT NOT NULL CHECK (vindplaats IN ('school', 'huisarts', 'jgz',
                       'veilig-thuis', 'leerplicht', 'politie', 'zelfmelder', 'anders')),
  aangemeld_op       TEXT NOT NULL,
  urgentie           TEXT NOT NULL CHECK (urgentie IN ('normaal', 'hoog', 'crisis')),
  toestemming_delen  INTEGER NOT NULL CHECK (toestemming_delen IN (0, 1)),
  medewerker         TEXT NOT NULL,        -- who registered it
  inhoud             BLOB NOT NULL         -- sealed: the question
);
CREATE INDEX aanmelding_gezin ON aanmelding (gezin_id);

-- The werkvoorraad: an aanmelding, or a received verzoek om toewijzing, owned by a team and,
-- once picked up, by a medewerker. A verzoek's item is open while the verzoek is unanswered
-- (verzoek.status 'ontvangen'); an aanmelding's until `afgehandeld_op` (a besluit).
CREATE TABLE werkitem (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  soort              TEXT NOT NULL CHECK (soort IN ('aanmelding', 'verzoek')),
  aanmelding_id      INTEGER UNIQUE REFERENCES aanmelding(id),
  verzoek_id         INTEGER UNIQUE REFERENCES verzoek(id),
  gezin_id           INTEGER NOT NULL REFERENCES gezin(id),
  gemeente           TEXT NOT NULL,
  team_id            INTEGER REFERENCES team(id),
  medewerker         TEXT REFERENCES gebruiker(gebruikersnaam),
  ontvangen_op       TEXT NOT NULL,        -- the aanmelding's date or the verzoek's dagtekening
  eerste_contact_op  TEXT,
  afgehandeld_op     TEXT,
  CHECK ((soort = 'aanmelding') = (aanmelding_id IS NOT NULL)),
  CHECK ((soort = 'verzoek') = (verzoek_id IS NOT NULL))
);
CREATE INDEX werkitem_open ON werkitem (gemeente, afgehandeld_op);
CREATE INDEX werkitem_gezin ON werkitem (gezin_id);

CREATE TABLE vraagverheldering (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  gezin_id    INTEGER NOT NULL REFERENCES gezin(id),
  datum       TEXT NOT NULL,
  medewerker  TEXT NOT NULL,
  inhoud      BLOB NOT NULL               -- sealed: sterke punten, netwerk, eigen kracht
);
CREATE INDEX vraagverheldering_gezin ON vraagverheldering (gezin_id);

-- A score 1-5 per leefgebied, for the gezin or (Big 5) one jeugdige.
CREATE TABLE leefgebied_score (
  vraagverheldering_id  INTEGER NOT NULL REFERENCES vraagverheldering(id),
  leefgebied            TEXT NOT NULL,
  jeugdige_id           INTEGER REFERENCES jeugdige(id),
  score                 INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  inhoud                BLOB NOT NULL     -- sealed: toelichting
);
CREATE UNIQUE INDEX leefgebied_score_sleutel
  ON leefgebied_score (vraagverheldering_id, leefgebied, COALESCE(jeugdige_id, 0));

-- Every version of a gezinsplan is kept whole; (gezin, versie) is unique, so two people who
-- both start from version n cannot both write version n + 1.
CREATE TABLE gezinsplan (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  gezin_id    INTEGER NOT NULL REFERENCES gezin(id),
  versie      INTEGER NOT NULL CHECK (versie >= 1),
  datum       TEXT NOT NULL,
  medewerker  TEXT NOT NULL,
  UNIQUE (gezin_id, versie)
);

CREATE TABLE plan_doel (
  plan_id         INTEGER NOT NULL REFERENCES gezinsplan(id),
  volgnummer      INTEGER NOT NULL,
  leefgebied      TEXT NOT NULL,
  jeugdige_id     INTEGER REFERENCES jeugdige(id),
  evaluatiedatum  TEXT NOT NULL,
  evaluatie       TEXT CHECK (evaluatie IN ('behaald', 'deels', 'niet-behaald')),
  inhoud          BLOB NOT NULL,          -- sealed: doel, beoogd resultaat
  PRIMARY KEY (plan_id, volgnummer)
);

CREATE TABLE plan_afspraak (
  plan_id     INTEGER NOT NULL REFERENCES gezinsplan(id),
  volgnummer  INTEGER NOT NULL,
  wie         TEXT NOT NULL CHECK (wie IN ('gezin', 'netwerk', 'wijkteam', 'aanbieder')),
  aanbieder   TEXT,
  inhoud      BLOB NOT NULL,              -- sealed: wat
  PRIMARY KEY (plan_id, volgnummer)
);

-- Consent of one member (gezinslid) to a plan version (Jeugdwet 7.3.4).
CREATE TABLE plan_instemming (
  plan_id     INTEGER NOT NULL REFERENCES gezinsplan(id),
  lid_id      INTEGER NOT NULL REFERENCES gezinslid(id),
  instemming  INTEGER NOT NULL CHECK (instemming IN (0, 1)),
  datum       TEXT NOT NULL,
  PRIMARY KEY (plan_id, lid_id)
);

-- A besluit for one jeugdige: an algemene voorziening, wijkteam care (a wijkteam_traject), or
-- maatwerk with its beschikking, which made a toewijzing.
CREATE TABLE besluit (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  gezin_id             INTEGER NOT NULL REFERENCES gezin(id),
  jeugdige_id          INTEGER NOT NULL REFERENCES jeugdige(id),
  gemeente             TEXT NOT NULL,
  soort                TEXT NOT NULL CHECK (soort IN ('algemene-voorziening', 'wijkteam', 'maatwerk')),
  besluitdatum         TEXT NOT NULL,
  medewerker           TEXT NOT NULL,
  ingangsdatum         TEXT,
  einddatum            TEXT,
  aanbieder            TEXT REFERENCES aanbieder(agb),
  categorie            TEXT,
  productcode          TEXT,
  volume               INTEGER,
  eenheid              TEXT,
  frequentie           TEXT,
  verzonden_op         TEXT,               -- the beschikking
  bezwaar_tot          TEXT,               -- last day of the bezwaartermijn
  toewijzing_id        INTEGER REFERENCES toewijzing(id),
  wijkteam_traject_id  INTEGER REFERENCES wijkteam_traject(id),
  inhoud               BLOB NOT NULL,      -- sealed: motivering, voorziening
  CHECK (einddatum IS NULL OR ingangsdatum IS NULL OR einddatum >= ingangsdatum),
  CHECK (soort <> 'maatwerk' OR (toewijzing_id IS NOT NULL AND verzonden_op IS NOT NULL))
);
CREATE INDEX besluit_gezin ON besluit (gezin_id);

-- The gemeente's answers to a verzoek om toewijzing other than a toewijzing: 'onderzoek'
-- (JW319 VerzoekAntwoord 2) and 'afgewezen' (JW319 VerzoekAntwoord 1 with its WJ759 reden).
CREATE TABLE verzoek_antwoord (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  verzoek_id            INTEGER NOT NULL REFERENCES verzoek(id),
  antwoord              TEXT NOT NULL CHECK (antwoord IN ('onderzoek', 'afgewezen')),
  reden                 TEXT,              -- WJ759
  woonplaats_gemeente   TEXT,
  datum                 TEXT NOT NULL,
  medewerker            TEXT NOT NULL,
  bericht_id            INTEGER NOT NULL REFERENCES bericht(id),
  CHECK ((antwoord = 'afgewezen') = (reden IS NOT NULL))
);
CREATE INDEX verzoek_antwoord_verzoek ON verzoek_antwoord (verzoek_id);

-- Built messages waiting for their aanbieder: 'klaar' until the aanbieder's token fetches
-- it ('opgehaald'); the JW302/JW320 retour marks it 'ontvangen' or 'afgekeurd'.
CREATE TABLE uitgaand (
  bericht_id    INTEGER PRIMARY KEY REFERENCES bericht(id),
  aanbieder     TEXT NOT NULL,
  jeugdige_id   INTEGER REFERENCES jeugdige(id),
  status        TEXT NOT NULL DEFAULT 'klaar'
                CHECK (status IN ('klaar', 'opgehaald', 'ontvangen', 'afgekeurd')),
  klaar_op      TEXT NOT NULL,
  opgehaald_op  TEXT,
  retour_op     TEXT
);
CREATE INDEX uitgaand_aanbieder ON uitgaand (aanbieder, status);
