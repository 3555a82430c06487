// The paths of this checkout and build, for the tests (see test_helpers.h).
#include "test_helpers.h"

namespace jr::testing {

std::filesystem::path source_dir() { return JR_SOURCE_DIR; }
std::string binary() { return JR_BINARY; }

}  // namespace jr::testing
