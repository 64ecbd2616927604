# finsam: build, test and benchmark. `make help` lists the targets.

CC      ?= cc
PREFIX  ?= /usr/local
RULESDIR ?= $(CURDIR)/rules
# The gettext catalogues finsam reads its messages from: build/locale in the build
# folder; make install (packaging/install.mk) builds a binary of its own that looks
# where it installs them, under $(PREFIX)/share/locale.
LOCALEDIR ?= $(CURDIR)/build/locale
VERSION := 0.1.0

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
# Libraries, not in LDFLAGS, which the hardening builds set on the command line: none,
# since every shared library is loaded at every start (issue 16). finsam lsp reads and
# writes JSON-RPC with json_value.c, not json-c, which cost every run 0.3-0.5 ms and 9
# page faults. SIE's #KSUMMA is a CRC-32 of finsam's own (sie_read.c): the unit tests
# check it against zlib's, and tools/gen_ledger writes it with zlib.
LIBS    :=
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 $(CFLAGS) -Isrc -I$(B) \
             -DFINSAM_VERSION='"$(VERSION)"' -DFINSAM_RULES_DIR='"$(RULESDIR)"' \
             -DFINSAM_LOCALE_DIR='"$(LOCALEDIR)"'
# Generated scanner and parser: flex and bison output is not ours to warn about.
GEN_CFLAGS = $(ALL_CFLAGS) -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter

B := build
# build/parser_fast.c's names, beside build/parser.c's
PARSE_FAST := -DFINSAM_PARSE_FAST -Dyyparse=parse_fast -Dyyerror=parse_fast_yyerror
SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
OBJ  := $(SRC:src/%.c=$(B)/%.o) $(B)/parser.o $(B)/parser_fast.o $(B)/lexer.o
UNIT := $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))

# Messages: po/LANG.po, compiled to build/locale/LANG/LC_MESSAGES/finsam.mo. Always in
# build/locale, whatever B is, since that is where a binary built here looks.
LANGS := sv en
MO    := $(LANGS:%=build/locale/%/LC_MESSAGES/finsam.mo)
POT_SRC := $(wildcard src/*.c) grammar/parser.y grammar/lexer.l

.PHONY: all deps example test unit golden bad bench bench-sie bench-deps clean help install pot
.PHONY: fmt-check
.PHONY: static test-static

all: $(B)/finsam $(MO)

help:
	@echo "make deps     install flex, bison, gettext and cmocka with apt-get where missing"
	@echo "make          build build/finsam"
	@echo "make example  build and check the bundled 2025 annual report"
	@echo "make test     run every test (unit, golden, bad input) and print a summary"
	@echo "make bench    time finsam beside reference commands (one table; history in bench/history.tsv)"
	@echo "make static   build build/finsam-static, linked statically: it starts faster"
	@echo "              (make test-static runs the golden tests on it)"
	@echo "make bench-sie  finsam sie on 1 million transactions beside ledger, hledger,"
	@echo "               bean-check (also at the end of make bench); make bench-deps installs them"
	@echo "make ledgers  regenerate the examples' fictional SIE ledgers (tools/gen_ledger.c)"
	@echo "make pot      collect the messages into po/finsam.pot and merge it into po/*.po"
	@echo "make install  install finsam, its rules, messages, man pages and completion under"
	@echo "              PREFIX ($(PREFIX)); DESTDIR=DIR to stage; make uninstall removes them"
	@echo "make deb      build a Debian package (dpkg-deb) in build/"
	@echo "make fmt-check  check that examples/ and rules/ are as finsam fmt lays them out"

# Installs only what is missing, so that it is quick on a machine that has it all:
# flex, bison and cmocka to build and test; gettext (msgfmt) for the message
# catalogues; Python's jsonschema and Perl's TAP::Parser to read finsam's JSON and
# TAP back in the tests; man-db, groff, mandoc, dpkg-dev and file for the man pages and
# the package (tests/run_install.sh).
deps:
	@missing=""; \
	command -v flex  >/dev/null 2>&1 || missing="$$missing flex"; \
	command -v bison >/dev/null 2>&1 || missing="$$missing bison"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	[ -f /usr/include/cmocka.h ]      || missing="$$missing libcmocka-dev"; \
	[ -f /usr/include/zlib.h ]        || missing="$$missing zlib1g-dev"; \
	command -v $(CC) >/dev/null 2>&1  || missing="$$missing gcc"; \
	[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jsonschema' 2>/dev/null \
	                                  || missing="$$missing python3 python3-jsonschema"; \
	perl -MTAP::Parser -e 1 2>/dev/null || missing="$$missing perl"; \
	command -v man >/dev/null 2>&1 && command -v lexgrog >/dev/null 2>&1 || missing="$$missing man-db"; \
	command -v groff >/dev/null 2>&1  || missing="$$missing groff-base"; \
	command -v mandoc >/dev/null 2>&1 || missing="$$missing mandoc"; \
	command -v dpkg-shlibdeps >/dev/null 2>&1 || missing="$$missing dpkg-dev"; \
	command -v file >/dev/null 2>&1   || missing="$$missing file"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

example: deps
	@$(MAKE) --no-print-directory all
	@./$(B)/finsam check examples/vvnd/2025.fin; status=$$?; \
	echo "finsam check exited with status $$status (0 all passed, 1 a check failed, 2 bad input)"; \
	[ $$status -le 1 ]

$(B)/parser.c $(B)/parser.h: grammar/parser.y | $(B)
	@echo "  BISON   $<"
	@bison -Wall -Werror --defines=$(B)/parser.h -o $(B)/parser.c $<

# The same grammar without LAC, as parse_fast(), which reads a file first: LAC is needed
# only to say what a syntax error expected (src/parse.c).
$(B)/parser_fast.c: grammar/parser.y | $(B)
	@echo "  BISON   $< (without LAC)"
	@bison -Wall -Werror -F parse.lac=none -o $@ $<

$(B)/lexer.c $(B)/lexer.h: grammar/lexer.l | $(B)
	@echo "  FLEX    $<"
	@flex --header-file=$(B)/lexer.h -o $(B)/lexer.c $<

$(B)/parser.o: $(B)/parser.c $(B)/lexer.h $(wildcard src/*.h)
	@echo "  CC      $<"
	@$(CC) $(GEN_CFLAGS) -c -o $@ $<

$(B)/parser_fast.o: $(B)/parser_fast.c $(B)/lexer.h $(wildcard src/*.h)
	@echo "  CC      $<"
	@$(CC) $(GEN_CFLAGS) $(PARSE_FAST) -c -o $@ $<

$(B)/lexer.o: $(B)/lexer.c $(B)/parser.h $(wildcard src/*.h)
	@echo "  CC      $<"
	@$(CC) $(GEN_CFLAGS) -c -o $@ $<

$(B)/%.o: src/%.c $(wildcard src/*.h) $(B)/parser.h $(B)/lexer.h | $(B)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(WARN) -c -o $@ $<

# The catalogues come with every binary (order-only), so that a binary built into
# another folder (the sanitizer build) finds them too.
$(B)/finsam: $(B)/main.o $(OBJ) | $(MO)
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDFLAGS) $(LIBS)

build/locale/%/LC_MESSAGES/finsam.mo: po/%.po
	@echo "  MSGFMT  $<"
	@mkdir -p $(@D)
	@msgfmt --check -o $@ $<

# xgettext collects every _() and N_() (and ngettext) of src/ and grammar/, with the
# comments that start with TRANSLATORS:; msgmerge brings each po/LANG.po up to date,
# and en.po's English msgstr are the msgid again (msgen). New or changed Swedish
# messages come out untranslated or fuzzy: translate them, then make.
pot:
	xgettext --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 \
	    --add-comments=TRANSLATORS: --package-name=finsam --package-version=$(VERSION) \
	    --msgid-bugs-address= --sort-by-file -o po/finsam.pot $(POT_SRC)
	msgmerge --quiet --update --backup=none po/sv.po po/finsam.pot
	msgmerge --quiet --update --backup=none po/en.po po/finsam.pot
	msgattrib --no-obsolete -o po/sv.po po/sv.po
	msgattrib --no-obsolete --clear-fuzzy --empty -o po/en.po po/en.po
	msgen -o po/en.po po/en.po
	@msgfmt --check --statistics -o /dev/null po/sv.po
	@msgfmt --check --statistics -o /dev/null po/en.po

$(B)/tests/%: tests/unit/%.c $(OBJ) $(wildcard tests/unit/*.h) | $(B)/tests
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) $(WARN) -Itests/unit -o $@ $< $(OBJ) $(LDFLAGS) $(LIBS) -lcmocka -lz

$(B) $(B)/tests:
	mkdir -p $@

unit: $(UNIT)
	@sh tests/run_unit.sh $(UNIT)

golden: $(B)/finsam
	@sh tests/run_golden.sh $(B)/finsam

bad: $(B)/finsam
	@sh tests/run_bad.sh $(B)/finsam

# Every suite runs even when one fails; the last line sums them up.
test: deps
	@$(MAKE) --no-print-directory html-deps all $(UNIT) $(B)/tools/gen_ledger
	@sh tests/run_all.sh $(B)/finsam $(UNIT)

# The project's own rule files stay as finsam fmt lays them out (run by make test too,
# through tests/run_fmt.sh).
fmt-check: $(B)/finsam
	@./$(B)/finsam fmt --check examples/*/*.fin rules/*.fin

bench: $(B)/finsam
	@$(MAKE) --no-print-directory static >/dev/null 2>&1 || echo "bench: no static build (make static failed)"
	@BENCH_STATIC=$(B)/finsam-static sh bench/run.sh $(B)/finsam
	@echo
	@sh bench/run_sie.sh $(B)/finsam

# make static: finsam linked statically (glibc): it starts faster, with no
# shared libraries to find, map and relocate (issue 16; make bench measures it beside).
# test-static runs the golden tests on it.
static: $(B)/finsam-static

$(B)/finsam-static: $(B)/main.o $(OBJ) | $(MO)
	@echo "  LD      $@"
	@$(CC) $(ALL_CFLAGS) -static -o $@ $^ $(LDFLAGS) $(LIBS)

test-static: $(B)/finsam-static
	@sh tests/run_golden.sh $(B)/finsam-static

# finsam sie beside ledger, hledger and bean-check on one generated year (bench/run_sie.sh);
# bench-deps installs the three with apt-get where missing.
bench-sie: $(B)/finsam
	@sh bench/run_sie.sh $(B)/finsam

bench-deps:
	@missing=""; \
	command -v ledger >/dev/null 2>&1     || missing="$$missing ledger"; \
	command -v hledger >/dev/null 2>&1    || missing="$$missing hledger"; \
	command -v bean-check >/dev/null 2>&1 || missing="$$missing beancount"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# The examples' fictional ledgers (docs/ledgers.md): tools/gen_ledger writes each
# examples/NAME/bokforing-2025.se from its ledger-2025.spec, and the vvnd ledger with one
# altered row for the tests; tests/run_ledgers.sh checks that they are up to date.
.PHONY: ledgers
LEDGER_EXAMPLES := vvnd norrdal
$(B)/tools/gen_ledger: tools/gen_ledger.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) -std=c11 -D_XOPEN_SOURCE=700 $(CFLAGS) $(WARN) -o $@ $< $(LDFLAGS) -lz

ledgers: $(B)/tools/gen_ledger
	@for e in $(LEDGER_EXAMPLES); do \
	  ./$(B)/tools/gen_ledger examples/$$e/ledger-2025.spec examples/$$e/bokforing-2025.se || exit 1; \
	done
	@./$(B)/tools/gen_ledger $$(cat tests/sie/ledgers/vvnd-2025-altered.args) \
	    examples/vvnd/ledger-2025.spec tests/sie/ledgers/vvnd-2025-altered.se

clean:
	rm -rf $(B)

# Fuzzing (fuzz/fuzz.mk) and the hardening suites (tests/hardening.mk) keep their
# targets in files of their own.
-include fuzz/fuzz.mk
-include tests/hardening.mk
-include tests/html.mk
# make install, uninstall (GNU PREFIX and DESTDIR) and make deb.
-include packaging/install.mk
-include packaging/deb.mk
# make editor-deps, and the editor files' install.
-include editors/editors.mk
