# make install and make uninstall, as the GNU coding standards say: PREFIX (or prefix)
# and the directory variables under it, each overridable, and DESTDIR put before every
# installed path (for staging and packages) but never compiled into the binary.
#
#   make install                          # under /usr/local
#   make install PREFIX=$HOME/.local      # no root needed
#   make install PREFIX=/usr DESTDIR=/tmp/stage
#
# The installed binary is built in $(B)/inst with the folders it is installed to
# compiled in (where it looks for rule sets and message catalogues); build/finsam keeps
# looking in this checkout. RULESDIR or LOCALEDIR given on the command line are used
# as they are.

prefix      ?= $(PREFIX)
exec_prefix ?= $(prefix)
bindir      ?= $(exec_prefix)/bin
datarootdir ?= $(prefix)/share
datadir     ?= $(datarootdir)
mandir      ?= $(datarootdir)/man
localedir   ?= $(datarootdir)/locale
rulesdir    ?= $(datadir)/finsam/rules
bashcompdir ?= $(datarootdir)/bash-completion/completions
INSTALL     ?= install

INST_RULESDIR  = $(if $(filter command line,$(origin RULESDIR)),$(RULESDIR),$(rulesdir))
INST_LOCALEDIR = $(if $(filter command line,$(origin LOCALEDIR)),$(LOCALEDIR),$(localedir))
IB := $(B)/inst

# Objects are compiled again when what is compiled into them changes: the folders, the
# version, the compiler and its flags (make alone only sees the sources' times).
$(B)/config: finsam-config-always | $(B)
	@printf '%s\n' '$(VERSION) $(RULESDIR) $(LOCALEDIR) $(CC) $(CFLAGS) $(LDFLAGS)' >$@.new; \
	if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi
$(B)/main.o $(OBJ): $(B)/config
.PHONY: finsam-config-always install-binary uninstall
finsam-config-always:

install-binary:
	@$(MAKE) --no-print-directory B=$(IB) RULESDIR='$(INST_RULESDIR)' \
	    LOCALEDIR='$(INST_LOCALEDIR)' $(IB)/finsam

# The rule files keep their folders under rules/; the man pages say where the rules are.
install: install-binary $(MO)
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(INST_RULESDIR) \
	    $(DESTDIR)$(mandir)/man1 $(DESTDIR)$(mandir)/man5 $(DESTDIR)$(bashcompdir)
	$(INSTALL) -m 755 $(IB)/finsam $(DESTDIR)$(bindir)/finsam
	cd rules && find . -name '*.fin' -type f | sort | while read -r f; do \
	  $(INSTALL) -d "$(DESTDIR)$(INST_RULESDIR)/$${f%/*}" && \
	  $(INSTALL) -m 644 "$$f" "$(DESTDIR)$(INST_RULESDIR)/$$f" || exit 1; \
	done
	for l in $(LANGS); do \
	  $(INSTALL) -d $(DESTDIR)$(INST_LOCALEDIR)/$$l/LC_MESSAGES && \
	  $(INSTALL) -m 644 build/locale/$$l/LC_MESSAGES/finsam.mo \
	    $(DESTDIR)$(INST_LOCALEDIR)/$$l/LC_MESSAGES/finsam.mo || exit 1; \
	done
	for m in man/*.[0-9] man/*/*.[0-9]; do \
	  [ -f "$$m" ] || continue; \
	  sec=$${m##*.}; lang=$${m#man/}; lang=$${lang%/*}; \
	  case $$lang in *.*) dir=$(mandir)/man$$sec ;; *) dir=$(mandir)/$$lang/man$$sec ;; esac; \
	  $(INSTALL) -d "$(DESTDIR)$$dir" && \
	  sed 's|/usr/share/finsam/rules|$(INST_RULESDIR)|g' "$$m" >"$(DESTDIR)$$dir/$${m##*/}" && \
	  chmod 644 "$(DESTDIR)$$dir/$${m##*/}" || exit 1; \
	done
	$(INSTALL) -m 644 completion/finsam.bash $(DESTDIR)$(bashcompdir)/finsam

# Removes what install installed, and the folders that were finsam's alone.
uninstall:
	rm -f $(DESTDIR)$(bindir)/finsam $(DESTDIR)$(bashcompdir)/finsam
	cd rules && find . -name '*.fin' -type f | while read -r f; do \
	  rm -f "$(DESTDIR)$(INST_RULESDIR)/$$f"; done
	-cd rules && find . -depth -type d ! -name . | while read -r d; do \
	  rmdir "$(DESTDIR)$(INST_RULESDIR)/$$d" 2>/dev/null; done; true
	-rmdir $(DESTDIR)$(INST_RULESDIR) $(DESTDIR)$(datadir)/finsam 2>/dev/null; true
	for l in $(LANGS); do rm -f $(DESTDIR)$(INST_LOCALEDIR)/$$l/LC_MESSAGES/finsam.mo; done
	for m in man/*.[0-9] man/*/*.[0-9]; do \
	  [ -f "$$m" ] || continue; \
	  sec=$${m##*.}; lang=$${m#man/}; lang=$${lang%/*}; \
	  case $$lang in *.*) dir=$(mandir)/man$$sec ;; *) dir=$(mandir)/$$lang/man$$sec ;; esac; \
	  rm -f "$(DESTDIR)$$dir/$${m##*/}" "$(DESTDIR)$$dir/$${m##*/}.gz"; \
	done

# tests/run_install.sh checks the package with lintian: make test installs it where
# missing, so that the check runs on every machine and is never left out in silence.
.PHONY: package-deps
package-deps:
	@command -v lintian >/dev/null 2>&1 || { \
	  echo "installing: lintian"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq lintian >/dev/null; }

test: package-deps
