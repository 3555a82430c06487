// docs/openapi.yaml describes the routes the server really has: the same paths and methods,
// the same query keys, the same declared roles (x-rollen) and gemeente scope (x-scope), and
// `security: []` exactly where the route is open (logging in).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "server/api.h"
#include "server/databron.h"
#include "store/store.h"
#include "test_helpers.h"

namespace jr::server {
namespace {

// The route table of a server on an empty store.
std::vector<Route> echte_routes() {
  static jr::testing::TempDir dir;
  static FixedClock clock(Date(2024, 1, 1));
  static auto store = [] {
    store::StoreOptions o;
    o.path = dir / "leeg.db";
    o.durable = false;
    return std::move(store::open_sqlite_store(o, clock)).value();
  }();
  static Databron bron(*store, clock);
  static Api api(bron);
  return api.routes();
}

struct Operatie {
  std::set<std::string> query;
  std::set<std::string> rollen;
  std::string scope;
  bool openbaar = false;  // `security: []`: no caller needed
};

size_t inspringing(const std::string& r) { return r.find_first_not_of(' '); }

std::string na(const std::string& r, const std::string& sleutel) {
  auto p = r.find(sleutel);
  std::string v = r.substr(p + sleutel.size());
  while (!v.empty() && (v.front() == ' ' || v.front() == '\'')) v.erase(v.begin());
  while (!v.empty() && (v.back() == ' ' || v.back() == '\'')) v.pop_back();
  return v;
}

std::set<std::string> lijst(const std::string& v) {  // "[a, b]"
  std::set<std::string> uit;
  std::stringstream ss(v.substr(1, v.size() - 2));
  std::string e;
  while (std::getline(ss, e, ',')) {
    e.erase(0, e.find_first_not_of(' '));
    e.erase(e.find_last_not_of(' ') + 1);
    uit.insert(e);
  }
  return uit;
}

// A reader for the subset of YAML that docs/openapi.yaml uses under `paths:` (two-space
// indentation: path at 2, method at 4, its keys at 6).
std::map<std::string, Operatie> lees_openapi(const std::string& tekst) {
  std::map<std::string, std::string> param_namen;  // component name -> query key
  std::map<std::string, std::string> param_in;
  std::vector<std::string> regels;
  std::stringstream ss(tekst);
  for (std::string r; std::getline(ss, r);) regels.push_back(r);
  // components/parameters
  bool in_params = false;
  std::string huidig;
  for (const auto& r : regels) {
    if (r == "  parameters:")
      in_params = true;
    else if (in_params && !r.empty() && inspringing(r) <= 2)
      in_params = false;
    if (!in_params || r.empty()) continue;
    if (inspringing(r) == 4 && r.back() == ':') huidig = r.substr(4, r.size() - 5);
    if (r.find("      name: ") == 0) param_namen[huidig] = na(r, "name:");
    if (r.find("      in: ") == 0) param_in[huidig] = na(r, "in:");
  }
  std::map<std::string, Operatie> ops;
  bool in_paths = false;
  std::string pad, methode, naam_param;
  for (const auto& r : regels) {
    if (r == "paths:") {
      in_paths = true;
      continue;
    }
    if (!in_paths || r.empty()) continue;
    if (inspringing(r) == 0) break;
    if (inspringing(r) == 2 && r[2] == '/') {
      pad = "/api/v1" + r.substr(2, r.size() - 3);
      methode.clear();
      continue;
    }
    if (inspringing(r) == 4) {
      std::string k = r.substr(4, r.size() - 5);
      methode = (k == "get" || k == "post" || k == "put" || k == "delete") ? k : "";
      for (auto& c : methode) c = static_cast<char>(std::toupper(c));
      if (!methode.empty()) ops[methode + " " + pad];
      continue;
    }
    if (methode.empty()) continue;
    Operatie& op = ops[methode + " " + pad];
    if (r.find("      x-rollen:") == 0) op.rollen = lijst(na(r, "x-rollen:"));
    if (r.find("      x-scope:") == 0) op.scope = na(r, "x-scope:");
    if (r == "      security: []") op.openbaar = true;
    if (r.find("$ref: '#/components/parameters/") != std::string::npos) {
      std::string c = na(r, "#/components/parameters/");
      if (param_in[c] == "query") op.query.insert(param_namen[c]);
    }
    if (r.find("- name: ") != std::string::npos) naam_param = na(r, "- name:");
    if (r.find(" in: query") != std::string::npos && !naam_param.empty())
      op.query.insert(naam_param);
  }
  return ops;
}

TEST(ServerOpenapi, DocumentDescribesExactlyTheRoutesOfTheServer) {
  auto ops = lees_openapi(jr::testing::read_all(jr::testing::source_dir() / "docs/openapi.yaml"));
  ASSERT_FALSE(ops.empty());
  auto routes = echte_routes();
  std::set<std::string> echt;
  for (const auto& route : routes) {
    const std::string sleutel = route.methode + " " + route.pad;
    echt.insert(sleutel);
    auto it = ops.find(sleutel);
    ASSERT_NE(it, ops.end()) << sleutel << " ontbreekt in docs/openapi.yaml";
    EXPECT_EQ(it->second.query, std::set<std::string>(route.query.begin(), route.query.end()))
        << sleutel;
    std::set<std::string> rollen;
    for (Rol r : route.rollen) rollen.insert(std::string(rol_naam(r)));
    EXPECT_EQ(it->second.rollen, rollen) << sleutel;
    EXPECT_EQ(it->second.scope, scope_naam(route.scope)) << sleutel;
    EXPECT_EQ(it->second.openbaar, route.openbaar) << sleutel;
  }
  for (const auto& [sleutel, op] : ops)
    EXPECT_TRUE(echt.count(sleutel))
        << sleutel << " staat in docs/openapi.yaml maar de server heeft het niet";
}

TEST(ServerRoutes, EveryRouteDeclaresRolesAndIsKebabCaseUnderV1) {
  for (const auto& r : echte_routes()) {
    // Only logging in is open (and admits no role: nobody is logged in yet).
    EXPECT_TRUE(r.openbaar ? r.rollen.empty() : !r.rollen.empty()) << r.pad;
    EXPECT_EQ(r.pad.rfind("/api/v1/", 0), 0u) << r.pad;
    for (char c : r.pad)
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '-' ||
                  c == '{' || c == '}')
          << r.pad;
  }
}

}  // namespace
}  // namespace jr::server
