# The editor files: make editor-deps fetches what tests/run_editors.sh runs them with:
# vscode-textmate and vscode-oniguruma from npm into build/editors/node_modules (never
# committed), Vim and Emacs without X from Debian. make install puts the files under
# $(datadir): Vim's and Emacs's where those editors look, the VS Code folder for
# copying into ~/.vscode/extensions.

EDITOR_NODE := build/editors/node_modules
TEXTMATE_PKGS := vscode-textmate@9.3.2 vscode-oniguruma@2.0.1

.PHONY: editor-deps install-editors uninstall-editors
editor-deps:
	@missing=""; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	command -v npm >/dev/null 2>&1  || missing="$$missing npm"; \
	command -v vim >/dev/null 2>&1  || missing="$$missing vim-nox"; \
	command -v emacs >/dev/null 2>&1 || missing="$$missing emacs-nox"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@[ -f $(EDITOR_NODE)/vscode-textmate/package.json ] && [ -f $(EDITOR_NODE)/vscode-oniguruma/package.json ] || \
	  { mkdir -p build/editors && npm install --prefix build/editors --no-save --no-audit --no-fund \
	      --silent $(TEXTMATE_PKGS); }

test: editor-deps

vimdir   ?= $(datadir)/vim/vimfiles
lispdir  ?= $(datadir)/emacs/site-lisp
vscodedir ?= $(datadir)/finsam/editors/vscode
VIM_FILES := syntax/finsam.vim ftdetect/finsam.vim ftplugin/finsam.vim
VSCODE_FILES := package.json extension.js language-configuration.json README.md \
                syntaxes/finsam.tmLanguage.json

install: install-editors
install-editors:
	for f in $(VIM_FILES); do \
	  $(INSTALL) -d "$(DESTDIR)$(vimdir)/$${f%/*}" && \
	  $(INSTALL) -m 644 "editors/vim/$$f" "$(DESTDIR)$(vimdir)/$$f" || exit 1; done
	$(INSTALL) -d $(DESTDIR)$(lispdir)
	$(INSTALL) -m 644 editors/emacs/finsam-mode.el $(DESTDIR)$(lispdir)/finsam-mode.el
	for f in $(VSCODE_FILES); do \
	  $(INSTALL) -d "$(DESTDIR)$(vscodedir)/$$(dirname $$f)" && \
	  $(INSTALL) -m 644 "editors/vscode/$$f" "$(DESTDIR)$(vscodedir)/$$f" || exit 1; done

uninstall: uninstall-editors
uninstall-editors:
	for f in $(VIM_FILES); do rm -f "$(DESTDIR)$(vimdir)/$$f"; done
	rm -f $(DESTDIR)$(lispdir)/finsam-mode.el
	for f in $(VSCODE_FILES); do rm -f "$(DESTDIR)$(vscodedir)/$$f"; done
	-rmdir $(DESTDIR)$(vscodedir)/syntaxes $(DESTDIR)$(vscodedir) \
	    $(DESTDIR)$(datadir)/finsam/editors $(DESTDIR)$(datadir)/finsam 2>/dev/null; true
