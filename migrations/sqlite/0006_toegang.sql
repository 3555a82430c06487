-- 0006: access control. Users (argon2id password hashes, one role, a gemeente scope or the
-- whole regio), the failed-login counter and temporary lockout, and API tokens for machine
-- clients (an aanbieder), each scoped to one AGB code. Sessions live in the server's memory
-- only: a restart logs everyone out. Secrets are never stored in clear: a token is kept as
-- its SHA-256, a password as its argon2id string.

CREATE TABLE gebruiker (
  id                 INTEGER PRIMARY KEY,
  gebruikersnaam     TEXT NOT NULL UNIQUE,
  wachtwoord_hash    TEXT NOT NULL,              -- libsodium crypto_pwhash_str (argon2id)
  rol                TEXT NOT NULL,              -- 'beleidsmedewerker', 'privacyOfficer', ...
  gemeente           TEXT,                       -- CBS code; NULL: the whole regio
  actief             INTEGER NOT NULL DEFAULT 1,
  mislukte_pogingen  INTEGER NOT NULL DEFAULT 0, -- consecutive failed logins
  geblokkeerd_tot    INTEGER,                    -- Unix seconds; NULL: not locked
  aangemaakt_op      TEXT NOT NULL
);

CREATE TABLE api_token (
  id                 INTEGER PRIMARY KEY,
  naam               TEXT NOT NULL,
  token_sha256       TEXT NOT NULL UNIQUE,       -- hex of SHA-256 of the token
  aanbieder          TEXT NOT NULL,              -- AGB code the token may act for
  ingetrokken        INTEGER NOT NULL DEFAULT 0,
  aangemaakt_op      TEXT NOT NULL
);
