// Termijnen: the deadlines of the toegang's work, pure date arithmetic. A werkdag is a day
// from Monday to Friday that is not a holiday of the Algemene termijnenwet (art. 3:
// Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, Koningsdag, Bevrijdingsdag,
// eerste en tweede Kerstdag); a deadline in weeks that ends on a day that is no werkdag moves
// to the next werkdag (art. 1).
#pragma once

#include "domain/date.h"
#include "store/casusregister.h"

namespace jr::casework {

// Easter Sunday of `jaar` (Gregorian calendar).
Date paaszondag(int jaar);
// Whether `d` is a holiday of the Algemene termijnenwet.
bool feestdag(Date d);
// Whether `d` is a werkdag.
bool werkdag(Date d);
// The `n`-th werkdag after `d` (n >= 1).
Date werkdagen_na(Date d, int n);
// The last day of a term of `weken` weeks that begins the day after `d`, moved to the next
// werkdag when it is none (Algemene termijnenwet art. 1).
Date weken_na(Date d, int weken);

// Awb 4:13 with the gemeente's term: a besluit within `awb_weken` of the aanmelding.
Date besluittermijn(Date aangemeld, const store::CaseworkInstellingen& i);
// First contact within the gemeente's werkdagen of the aanmelding.
Date contacttermijn(Date aangemeld, const store::CaseworkInstellingen& i);
// OP274: a verzoek om toewijzing is answered (toewijzing or JW319) within 5 werkdagen of its
// dagtekening; once 'in onderzoek', decided within 8 weeks of that dagtekening.
Date verzoektermijn(Date dagtekening, bool in_onderzoek);
// Awb 6:7, 6:8: bezwaar within six weeks from the day after the beschikking was sent.
Date bezwaartermijn(Date verzonden);

}  // namespace jr::casework
