-- 0003: what the indicators need beside the message traffic: the population on 1 January
-- per gemeente and age (the denominator of the percentage jongeren met jeugdhulp), and the
-- care given by a gemeente's own wijkteam (CBS hulpvorm 01, verwijzer 06), which arrives
-- from the wijkteam's registration rather than as iJw messages.

CREATE TABLE bevolking (
  gemeente    TEXT NOT NULL,               -- CBS code, 4 digits
  jaar        INTEGER NOT NULL,            -- population on 1 January of this year
  leeftijd    INTEGER NOT NULL CHECK (leeftijd BETWEEN 0 AND 120),
  aantal      INTEGER NOT NULL CHECK (aantal >= 0),
  PRIMARY KEY (gemeente, jaar, leeftijd)
);

-- One row per period of wijkteam care. Re-importing the same registration replaces the row
-- with the same (gemeente, jeugdige, begindatum).
CREATE TABLE wijkteam_traject (
  id                INTEGER PRIMARY KEY,
  gemeente          TEXT NOT NULL,
  jeugdige_id       INTEGER NOT NULL REFERENCES jeugdige(id),
  begindatum        TEXT NOT NULL,
  einddatum         TEXT,
  reden_beeindiging TEXT,                  -- JZ588, NULL while open or unknown
  UNIQUE (gemeente, jeugdige_id, begindatum)
);
CREATE INDEX wijkteam_traject_jeugdige ON wijkteam_traject (jeugdige_id);
