// BSN: the citizen service number. Checks the elfproef and the test range 9999xxxxx.
#pragma once

#include <string_view>

namespace jr {

// True when `bsn` is nine digits and (9*d1 + 8*d2 + ... + 2*d8 - 1*d9) mod 11 == 0.
bool bsn_elfproef(std::string_view bsn);
// True when `bsn` passes the elfproef and lies in the test range 999900006..999999990.
bool bsn_is_test(std::string_view bsn);

}  // namespace jr
