// The login page: POST /api/v1/sessie, then back to the page that sent the user here (only a
// path on this server, never another site).
import { toonMelding } from './api.js';

function terug() {
  const t = new URLSearchParams(location.search).get('terug') || '/overzicht';
  return t.startsWith('/') && !t.startsWith('//') && !t.includes('\\') ? t : '/overzicht';
}

const formulier = document.getElementById('inlogformulier');
const melding = document.getElementById('melding');

formulier.addEventListener('submit', async (e) => {
  e.preventDefault();
  toonMelding(melding, '');
  const gebruikersnaam = formulier.gebruikersnaam.value.trim();
  const wachtwoord = formulier.wachtwoord.value;
  if (!gebruikersnaam || !wachtwoord) {
    toonMelding(melding, 'Vul uw gebruikersnaam en wachtwoord in.');
    return;
  }
  const knop = document.getElementById('inloggen');
  knop.disabled = true;
  try {
    const r = await fetch('/api/v1/sessie', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ gebruikersnaam, wachtwoord }),
    });
    if (r.status === 201) {
      location.assign(terug());
      return;
    }
    const p = await r.json().catch(() => ({}));
    const teksten = {
      'invalid-credentials': 'Gebruikersnaam of wachtwoord klopt niet.',
      'account-locked': 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw.',
      'too-many-requests': 'Te veel mislukte pogingen. Probeer het later opnieuw.',
    };
    toonMelding(melding, teksten[p.code] || p.detail || 'Inloggen is niet gelukt.');
    formulier.wachtwoord.value = '';
    formulier.wachtwoord.focus();
  } catch {
    toonMelding(melding, 'De server is niet bereikbaar.');
  } finally {
    knop.disabled = false;
  }
});

document.getElementById('inhoud').dataset.klaar = 'ja';
