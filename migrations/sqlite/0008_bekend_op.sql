-- 0008: when a withdrawn start or stop stopped counting, so that a view of the data as
-- known on a past date (the prognose's --peildatum, its backtest) can still count it: the
-- message that withdrew it (StatusAanlevering 3, or a later stop that replaced it). NULL on
-- rows withdrawn before this migration: their withdrawal date is unknown and they count on
-- no date.
ALTER TABLE levering_start ADD COLUMN ingetrokken_door INTEGER REFERENCES bericht(id);
ALTER TABLE levering_stop ADD COLUMN ingetrokken_door INTEGER REFERENCES bericht(id);
-- The as-of scan reads messages by dagtekening.
CREATE INDEX bericht_dagtekening ON bericht (dagtekening);
