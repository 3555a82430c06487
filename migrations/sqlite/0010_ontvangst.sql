-- 0010: the retour an aanbieder sends on a message of the gemeente (JW302 on a JW301, JW320 on
-- a JW319): on the sent message, whether it arrived ('ontvangen': every RetourCode 0200) or
-- was refused ('afgekeurd'), and which received message said so; NULL while no retour came.
ALTER TABLE bericht ADD COLUMN ontvangst TEXT CHECK (ontvangst IN ('ontvangen', 'afgekeurd'));
ALTER TABLE bericht ADD COLUMN ontvangst_bericht_id INTEGER REFERENCES bericht(id);
