-- 0009: the verzoek om wijziging (JW317) beside the verzoek om toewijzing (JW315).
--
-- A verzoek is what the gemeente answers as a whole, by a toewijzing with its
-- ReferentieAanbieder or by an antwoordbericht (JW319): one JW315 AangevraagdProduct
-- (soort 'aanvraag'), or one whole JW317 (soort 'wijziging': one ReferentieAanbieder for the
-- complete wished situation, OP344). A wijziging has no product, dates or verwijzer of its
-- own; its products are rows of verzoek_product, each unchanged or to-be-changed product
-- linked to the toewijzing it names. The columns only a JW315 fills become nullable, which
-- SQLite can only do by rebuilding the table (foreign keys are off while migrations run).

CREATE TABLE verzoek_nieuw (
  id                   INTEGER PRIMARY KEY,
  bericht_id           INTEGER NOT NULL REFERENCES bericht(id),
  soort                TEXT NOT NULL DEFAULT 'aanvraag' CHECK (soort IN ('aanvraag', 'wijziging')),
  aanbieder            TEXT NOT NULL,
  gemeente             TEXT NOT NULL,
  jeugdige_id          INTEGER NOT NULL REFERENCES jeugdige(id),
  referentie_aanbieder TEXT NOT NULL,
  dagtekening          TEXT NOT NULL,
  reden_verzoek        TEXT,                 -- WJ758, wijziging only
  categorie            TEXT,
  productcode          TEXT,
  beschikking_nummer   INTEGER,
  beschikking_ingangsdatum TEXT,
  toewijzing_ingangsdatum TEXT,
  toewijzing_einddatum TEXT,
  volume               INTEGER,
  eenheid              TEXT,
  frequentie           TEXT,
  budget_cent          INTEGER,
  verwijzer_type       TEXT,
  verwijzer_naam       TEXT,
  verwijzer_zorgverlener TEXT,
  status               TEXT NOT NULL DEFAULT 'ontvangen' CHECK (status IN ('ontvangen', 'toegewezen', 'afgewezen')),
  CHECK (soort = 'wijziging' OR (toewijzing_ingangsdatum IS NOT NULL AND verwijzer_type IS NOT NULL)),
  CHECK (soort = 'aanvraag' OR (reden_verzoek IS NOT NULL AND categorie IS NULL AND
                                toewijzing_ingangsdatum IS NULL AND verwijzer_type IS NULL)),
  UNIQUE (aanbieder, referentie_aanbieder)     -- TR347, over both kinds
);
INSERT INTO verzoek_nieuw (id, bericht_id, soort, aanbieder, gemeente, jeugdige_id,
                           referentie_aanbieder, dagtekening, categorie, productcode,
                           beschikking_nummer, beschikking_ingangsdatum, toewijzing_ingangsdatum,
                           toewijzing_einddatum, volume, eenheid, frequentie, budget_cent,
                           verwijzer_type, verwijzer_naam, verwijzer_zorgverlener, status)
  SELECT id, bericht_id, 'aanvraag', aanbieder, gemeente, jeugdige_id, referentie_aanbieder,
         dagtekening, categorie, productcode, beschikking_nummer, beschikking_ingangsdatum,
         toewijzing_ingangsdatum, toewijzing_einddatum, volume, eenheid, frequentie, budget_cent,
         verwijzer_type, verwijzer_naam, verwijzer_zorgverlener, status
  FROM verzoek;
DROP TABLE verzoek;
ALTER TABLE verzoek_nieuw RENAME TO verzoek;
CREATE INDEX verzoek_jeugdige ON verzoek (jeugdige_id);
CREATE INDEX verzoek_open ON verzoek (aanbieder, jeugdige_id, status);

-- The products of a verzoek om wijziging, in message order: OngewijzigdProduct and
-- TeWijzigenProduct name a current toewijzing (toewijzing_id), NieuwProduct a product.
CREATE TABLE verzoek_product (
  id                   INTEGER PRIMARY KEY,
  verzoek_id           INTEGER NOT NULL REFERENCES verzoek(id),
  volgnummer           INTEGER NOT NULL,
  soort                TEXT NOT NULL CHECK (soort IN ('ongewijzigd', 'te_wijzigen', 'nieuw')),
  toewijzing_id        INTEGER REFERENCES toewijzing(id),
  toewijzing_nummer    INTEGER,
  categorie            TEXT,
  productcode          TEXT,
  gewenste_ingangsdatum TEXT,
  einddatum            TEXT,
  volume               INTEGER,
  eenheid              TEXT,
  frequentie           TEXT,
  budget_cent          INTEGER,
  CHECK ((soort = 'nieuw') = (toewijzing_id IS NULL)),
  CHECK (soort = 'ongewijzigd' OR gewenste_ingangsdatum IS NOT NULL),
  UNIQUE (verzoek_id, volgnummer)
);
CREATE INDEX verzoek_product_toewijzing ON verzoek_product (toewijzing_id);
