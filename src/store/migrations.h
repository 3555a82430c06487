// Numbered schema migrations, embedded in the binary at build time from migrations/.
#pragma once

#include <string>
#include <vector>

namespace jr::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

}  // namespace jr::store
