# jeugdregie: the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
BUILD_RELEASE ?= build-release
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 30
DEMO_DIR ?= demo

.PHONY: run test setup setup-test build build-asan build-fuzz release unit asan fuzz bench format check-format clean lint-openapi test-browser

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# The developers' and CI's builds hold warnings as errors (JR_WERROR; off in a packager's plain
# cmake). configure DIR FLAGS: configures DIR unless it already is, with JR_WERROR on (also in a
# build directory made before the option existed).
configure = grep -qs '^JR_WERROR:BOOL=ON$$' $(1)/CMakeCache.txt || cmake -S . -B $(1) -G Ninja $(2) -DJR_WERROR=ON

build: setup
	@$(call configure,$(BUILD),-DCMAKE_BUILD_TYPE=RelWithDebInfo)
	cmake --build $(BUILD) -j $(JOBS)

# The main job: builds, then runs the demo (see scripts/run-demo.sh).
run: build
	@scripts/run-demo.sh $(BUILD)/jeugdregie $(DEMO_DIR)

# Everything: unit and CLI tests (and the layers check), a Release build with a short run, the
# tests under ASan/UBSan, a short fuzz run, formatting, the OpenAPI lint and the browser tests.
test: setup-test
	$(MAKE) build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) release
	$(MAKE) asan
	$(MAKE) fuzz
	$(MAKE) check-format
	$(MAKE) lint-openapi
	$(MAKE) test-browser

# docs/openapi.yaml against the NLGov API Design Rules ruleset (Spectral, through docs/spectral.yaml);
# fails on any error.
lint-openapi:
	cd web && npx --no-install spectral lint --fail-severity error -r ../docs/spectral.yaml ../docs/openapi.yaml

# The dashboard in headless chromium against a served demo region (screenshots in test-artifacts/).
test-browser: build
	tests/browser/run.sh $(BUILD)/jeugdregie

# The build type a packager makes (-O3, no debug info): the binary only and a short run of it
# (1.5 s). Measured on this machine: 17.5 min from cold (2 cores, load 8), 12 s from ccache.
release:
	@$(call configure,$(BUILD_RELEASE),-DCMAKE_BUILD_TYPE=Release -DJR_TESTS=OFF)
	cmake --build $(BUILD_RELEASE) -j $(JOBS) --target jeugdregie
	scripts/smoke-release.sh $(BUILD_RELEASE)/jeugdregie

asan:
	@$(call configure,$(BUILD_ASAN),-DCMAKE_BUILD_TYPE=Debug -DJR_SANITIZE=ON)
	cmake --build $(BUILD_ASAN) -j $(JOBS) --target jr_tests jeugdregie
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

$(BUILD_FUZZ)/build.ninja:
	CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DJR_FUZZ=ON -DJR_TESTS=OFF

fuzz: $(BUILD_FUZZ)/build.ninja
	cmake --build $(BUILD_FUZZ) -j $(JOBS)
	@scripts/run-fuzz.sh $(BUILD_FUZZ) $(FUZZ_SECONDS)

bench: build
	@bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')

check-format:
	clang-format --dry-run --Werror $$(git ls-files 'src/*.h' 'src/*.cpp' 'tests/*.h' 'tests/*.cpp' 'bench/*.cpp' 'fuzz/*.cpp')

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ) $(BUILD_RELEASE)
