#include "domain/bsn.h"

namespace jr {

bool bsn_elfproef(std::string_view bsn) {
  if (bsn.size() != 9) return false;
  int sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    char c = bsn[i];
    if (c < '0' || c > '9') return false;
    int weight = i < 8 ? 9 - static_cast<int>(i) : -1;
    sum += weight * (c - '0');
  }
  return sum % 11 == 0;
}

bool bsn_is_test(std::string_view bsn) {
  return bsn_elfproef(bsn) && bsn.substr(0, 4) == "9999" && bsn >= "999900006" &&
         bsn <= "999999990";
}

}  // namespace jr
