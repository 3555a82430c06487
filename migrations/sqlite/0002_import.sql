-- 0002: what the import of iJw messages needs beyond 0001: number series for the
-- messages the gemeente sends (retours, JW301, JW325) and indexes for the
-- berichtoverstijgende rules.

-- Number series ('retour', 'jw301', 'jw325' ...): the last number handed out.
CREATE TABLE nummering (
  reeks       TEXT PRIMARY KEY,
  laatste     INTEGER NOT NULL
);

-- TR056 over every received message, also the rejected ones.
CREATE INDEX bericht_afzender_identificatie ON bericht (berichttype, afzender, identificatie);

-- TR389: an earlier debet prestatie for the same toewijzing, product and period.
CREATE INDEX prestatie_sleutel ON prestatie (aanbieder, toewijzing_nummer, begindatum, categorie, productcode)
  WHERE toegekend = 1;
-- TR323 / TR390: credit prestaties by the debet they reverse.
CREATE INDEX prestatie_vorig ON prestatie (aanbieder, vorig_referentie_nummer)
  WHERE vorig_referentie_nummer IS NOT NULL;

-- TR374: an open verzoek of the same aanbieder for the same jeugdige.
CREATE INDEX verzoek_open ON verzoek (aanbieder, jeugdige_id, status);

-- TR318: the latest declaratieperiode of an aanbieder at a gemeente.
CREATE INDEX declaratie_periode ON declaratie (aanbieder, gemeente, periode_begin);

-- Building a JW301: all toewijzingen of a jeugdige at one aanbieder.
CREATE INDEX toewijzing_jeugdige_aanbieder ON toewijzing (gemeente, aanbieder, jeugdige_id);
