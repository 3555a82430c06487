// Key-figure cards: a label, the value (its raw number in data-waarde) and a line of context.
import { formatteer } from './opmaak.js';

// kaarten: [{sleutel, label, waarde, eenheid, toelichting}]
export function toonKaarten(houder, kaarten) {
  houder.innerHTML = '';
  for (const k of kaarten) {
    const kaart = document.createElement('div');
    kaart.className = 'jr-kaart';
    kaart.dataset.sleutel = k.sleutel;
    kaart.innerHTML = '<div class="jr-kaart__label"></div><div class="jr-kaart__waarde"></div><div class="jr-kaart__vergelijk"></div>';
    kaart.querySelector('.jr-kaart__label').textContent = k.label;
    const w = kaart.querySelector('.jr-kaart__waarde');
    w.textContent = formatteer(k.waarde, k.eenheid);
    w.dataset.waarde = k.waarde ?? '';
    kaart.querySelector('.jr-kaart__vergelijk').textContent = k.toelichting ?? '';
    houder.append(kaart);
  }
}
