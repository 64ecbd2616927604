# Fuzzing (issue 5): libFuzzer harnesses built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer. Included by the Makefile; see fuzz/README.md.
#
#   make fuzz-deps                  clang and libFuzzer, with apt-get, where missing
#   make fuzz-build                 build/fuzz/fuzz_check, fuzz_figure, fuzz_sie, fuzz_draft, fuzz_json
#   make fuzz [FUZZ_SECONDS=60]     fuzz each harness that long on build/fuzz/corpus-NAME
#   make fuzz-ci                    replay seeds and regressions, then fuzz 30 s each;
#                                   fails on any crash, hang, leak or sanitizer report
#
# One core only: each harness runs one worker (-fork=1 in make fuzz, no -jobs).

FUZZ_CC        ?= clang
FUZZ_SECONDS   ?= 60
FUZZ_CI_SECONDS ?= 30
FUZZ_MAX_LEN   ?= 65536
FUZZ_HARNESSES := check figure sie draft json

FB := $(B)/fuzz
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_XOPEN_SOURCE=700 -g -O1 $(FUZZ_SAN) -Isrc -I$(B) \
               -DFINSAM_VERSION='"$(VERSION)"' -DFINSAM_RULES_DIR='"$(CURDIR)/rules"'
FUZZ_SRC := $(filter-out src/main.c src/language.c src/lsp.c src/lsp_doc.c,$(wildcard src/*.c))
FUZZ_OBJ := $(FUZZ_SRC:src/%.c=$(FB)/%.o) $(FB)/parser.o $(FB)/parser_fast.o $(FB)/lexer.o
FUZZ_BIN := $(FUZZ_HARNESSES:%=$(FB)/fuzz_%)

.PHONY: fuzz-deps fuzz-build fuzz fuzz-ci fuzz-help fuzz-compile

# make test compiles the harnesses with the project's compiler and warnings (no
# libFuzzer needed): a change to an API they call fails there, not first in fuzz-ci.
fuzz-compile: $(B)/parser.h $(B)/lexer.h
	@for h in $(FUZZ_HARNESSES); do \
	  $(CC) $(ALL_CFLAGS) $(WARN) -fsyntax-only fuzz/fuzz_$$h.c || exit 1; done

test: fuzz-compile

fuzz-help:
	@echo "make fuzz-deps    install clang and libFuzzer (libclang-rt-14-dev) where missing"
	@echo "make fuzz-build   build the harnesses into $(FB)/"
	@echo "make fuzz         fuzz each harness for FUZZ_SECONDS (now $(FUZZ_SECONDS)) seconds"
	@echo "make fuzz-ci      replay fuzz/seeds and fuzz/regressions, then fuzz $(FUZZ_CI_SECONDS) s each"

# Debian 12: clang is clang-14; libFuzzer (libclang_rt.fuzzer-x86_64.a) comes with
# libclang-rt-14-dev.
fuzz-deps:
	@missing=""; \
	command -v $(FUZZ_CC) >/dev/null 2>&1 || missing="$$missing clang"; \
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 || \
	  missing="$$missing libclang-rt-14-dev"; \
	command -v flex  >/dev/null 2>&1 || missing="$$missing flex"; \
	command -v bison >/dev/null 2>&1 || missing="$$missing bison"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FB) $(FB)/artifacts:
	@mkdir -p $@

$(FB)/%.o: src/%.c $(wildcard src/*.h) $(B)/parser.h $(B)/lexer.h | $(FB)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FB)/parser.o: $(B)/parser.c $(B)/lexer.h $(wildcard src/*.h) | $(FB)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Wno-unused-function -c -o $@ $<

$(FB)/parser_fast.o: $(B)/parser_fast.c $(B)/lexer.h $(wildcard src/*.h) | $(FB)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) $(PARSE_FAST) -fsanitize=fuzzer-no-link -Wno-unused-function -c -o $@ $<

$(FB)/lexer.o: $(B)/lexer.c $(B)/parser.h $(wildcard src/*.h) | $(FB)
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -Wno-unused-function -c -o $@ $<

$(FB)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ) | $(FB)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -Wall -Wextra -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(LIBS)

# Each harness for FUZZ_SECONDS on its corpus; a crash, hang, leak or out-of-memory
# does not stop the run: each is saved under build/fuzz/artifacts/ and listed at the end,
# and then the status is 1.
fuzz: fuzz-build
	@status=0; \
	for h in $(FUZZ_HARNESSES); do \
	  FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) sh fuzz/run.sh fuzz $$h $(FUZZ_SECONDS) || status=1; \
	done; exit $$status

# Replays every seed and every regression input once, then fuzzes each harness for
# FUZZ_CI_SECONDS on a copy of its seeds; stops at the first finding.
fuzz-ci: fuzz-build
	@for h in $(FUZZ_HARNESSES); do \
	  FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) sh fuzz/run.sh replay $$h || exit 1; \
	done; \
	for h in $(FUZZ_HARNESSES); do \
	  FUZZ_MAX_LEN=$(FUZZ_MAX_LEN) sh fuzz/run.sh ci $$h $(FUZZ_CI_SECONDS) || exit 1; \
	done; \
	echo "fuzz-ci: passed"

# The objects are kept between builds (they are not intermediate files to remove).
.SECONDARY: $(FUZZ_OBJ)
