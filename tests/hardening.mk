# Hardening suites, included by the Makefile (-include tests/hardening.mk):
#
#   make test-sanitize     the whole test suite built with clang under AddressSanitizer,
#                          LeakSanitizer and UndefinedBehaviorSanitizer (build/asan/)
#   make test-valgrind     valgrind memcheck over every golden, bad-input and fault
#                          input with the normal build: zero errors, zero leaks
#   make test-faults       unreadable files, folders, /dev/full, deep nesting, overflow,
#                          huge lines, bad bytes (also part of make test)
#   make test-determinism  the same input gives byte-identical output (also in make test)
#   make coverage          line and branch coverage of src/ with gcc --coverage and gcov
#                          (build/coverage/); uncovered lines in build/coverage/uncovered.txt
#   make hardening-deps    install clang, its sanitizer runtime and valgrind where missing
#   make coverage-deps     install gcov (it comes with gcc) where missing
#
# Each build has a folder of its own under build/, so that they never mix objects with
# the normal build. The generated parser.h and lexer.h live in each build folder; the
# Makefile adds -Ibuild after CFLAGS, so -I$(B) is put in CFLAGS to come first.

ASAN_B := build/asan
COV_B  := build/coverage
SAN_CFLAGS  := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all
SAN_LDFLAGS := -fsanitize=address,undefined
COV_CFLAGS  := -O0 -g --coverage
UNIT_NAMES  := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

.PHONY: hardening-deps coverage-deps test-sanitize test-valgrind test-faults \
        test-determinism coverage

# apt-get only for what is missing, so that it is quick on a machine that has it all.
# The sanitizer runtime is tested by linking a small program with it.
hardening-deps:
	@SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	install_pkgs() { \
	  echo "installing: $$*"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq "$$@" >/dev/null; \
	}; \
	missing=""; \
	command -v clang    >/dev/null 2>&1 || missing="$$missing clang"; \
	command -v valgrind >/dev/null 2>&1 || missing="$$missing valgrind"; \
	if [ -n "$$missing" ]; then install_pkgs $$missing || exit 1; fi; \
	probe=$$(mktemp -d "$${TMPDIR:-/tmp}/finsam-san.XXXXXX") || exit 1; \
	printf 'int main(void) { return 0; }\n' >"$$probe/p.c"; \
	if ! clang -fsanitize=address,undefined -o "$$probe/p" "$$probe/p.c" >/dev/null 2>&1; then \
	  v=$$(clang -dumpversion | cut -d. -f1); \
	  install_pkgs "libclang-rt-$$v-dev" || install_pkgs libclang-rt-dev || { rm -rf "$$probe"; exit 1; }; \
	fi; \
	rm -rf "$$probe"

coverage-deps:
	@command -v gcov >/dev/null 2>&1 || { \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "installing: gcc (gcov)"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gcc >/dev/null; }

# The whole suite (unit, golden, bad input, cli, faults, determinism) with the
# sanitizers' reports collected in build/asan/logs/: any report fails the run.
test-sanitize: deps hardening-deps
	@$(MAKE) --no-print-directory B=$(ASAN_B) CC=clang \
	    CFLAGS="$(SAN_CFLAGS) -I$(ASAN_B)" LDFLAGS="$(SAN_LDFLAGS)" \
	    $(ASAN_B)/finsam $(addprefix $(ASAN_B)/tests/,$(UNIT_NAMES))
	@sh tests/run_sanitize.sh $(ASAN_B) $(ASAN_B)/finsam $(addprefix $(ASAN_B)/tests/,$(UNIT_NAMES))

test-valgrind: deps hardening-deps
	@$(MAKE) --no-print-directory all
	@sh tests/run_valgrind.sh $(B)/finsam

test-faults: $(B)/finsam
	@sh tests/run_faults.sh $(B)/finsam

test-determinism: $(B)/finsam
	@sh tests/run_determinism.sh $(B)/finsam

# gcc --coverage build; every suite runs (failures do not stop the report), then gcov
# reports src/ only: the generated parser and scanner in build/ are left out.
coverage: deps coverage-deps
	@rm -f $(COV_B)/*.gcda
	@$(MAKE) --no-print-directory B=$(COV_B) CC=gcc \
	    CFLAGS="$(COV_CFLAGS) -I$(COV_B)" LDFLAGS="--coverage" \
	    $(COV_B)/finsam $(addprefix $(COV_B)/tests/,$(UNIT_NAMES))
	@sh tests/run_all.sh $(COV_B)/finsam $(addprefix $(COV_B)/tests/,$(UNIT_NAMES)) \
	    >$(COV_B)/tests.log 2>&1; \
	  echo "coverage: the test suite: $$(tail -n 1 $(COV_B)/tests.log) (log: $(COV_B)/tests.log)"
	@sh tests/run_coverage.sh $(COV_B)
