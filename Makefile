# riposte — the two commands a new user needs:
#   make run    code the bundled examples and print the events as a table
#   make test   build (release with -Werror, and ASan+UBSan) and run every test
# Both first install the Debian packages they need when they are missing
# (as root; otherwise they print the one apt-get line to run).

BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

BUILD_PKGS = gcc make cmake ninja-build pkg-config libutf8proc-dev libstemmer-dev \
             libjansson-dev zlib1g-dev
TEST_PKGS  = $(BUILD_PKGS) libcmocka-dev clang libclang-rt-14-dev

.PHONY: all run test deps deps-test configure asan clean bench fuzz help

all: $(BUILD)/riposte

help:
	@echo "make          build build/riposte (release) and its dictionary"
	@echo "make run      code the examples/ articles and print the events"
	@echo "make test     every test, in a release and an ASan+UBSan build"
	@echo "make bench    benchmarks (needs ../shared/data), see bench/README.md"
	@echo "make fuzz     run every fuzz target for FUZZ_SECONDS (default 60) each"
	@echo "make clean    remove build directories"

# Install missing Debian packages (root) or say how.
define ensure_packages
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null || \
	      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; } || \
	      { echo "could not install:$$missing"; exit 1; }; \
	  else \
	    echo "missing packages; run:  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call ensure_packages,$(BUILD_PKGS))

deps-test:
	$(call ensure_packages,$(TEST_PKGS))

$(BUILD)/build.ninja: CMakeLists.txt
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release -DRP_WERROR=ON >/dev/null

$(BUILD)/riposte: deps $(BUILD)/build.ninja FORCE
	@cmake --build $(BUILD) -j $(JOBS)

FORCE:

run: $(BUILD)/riposte
	@./$(BUILD)/riposte code --format table examples/

$(ASAN_BUILD)/build.ninja: CMakeLists.txt
	@CC=$${CC:-gcc} cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRP_SANITIZE=ON >/dev/null

test: deps-test $(BUILD)/build.ninja $(ASAN_BUILD)/build.ninja
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

bench: $(BUILD)/riposte
	@bench/run.sh

FUZZ_SECONDS ?= 60
fuzz: deps-test
	@cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRP_FUZZ=ON >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
