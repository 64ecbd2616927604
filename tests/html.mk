# The HTML report's suite, included by the Makefile (-include tests/html.mk):
#
#   make html-deps          install what the suite needs where missing: Debian's chromium
#                           (only if /usr/bin/chromium is missing), poppler-utils (pdfinfo,
#                           to read the PDF's page size) and python3 (to read the DOM)
#   make test-html          render the HTML reports in headless Chromium and check the DOM,
#                           the A4 PDF and the screenshot (tests/run_html.sh)
#   make report-screenshot  docs/report.png and docs/report-sv.png: the top of the
#                           example's HTML report in English and in Swedish (--lang sv),
#                           as README shows them, 1200 pixels wide

.PHONY: html-deps test-html report-screenshot

# apt-get only for what is missing, so that it is quick on a machine that has it all.
html-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ]                 || missing="$$missing chromium"; \
	command -v pdfinfo >/dev/null 2>&1       || missing="$$missing poppler-utils"; \
	command -v python3 >/dev/null 2>&1       || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test-html: html-deps
	@$(MAKE) --no-print-directory all
	@sh tests/run_html.sh $(B)/finsam

# The example's report (its checks fail: exit status 1 is expected) in each language,
# shot by the same headless Chromium the suite uses.
report-screenshot: html-deps
	@$(MAKE) --no-print-directory all
	@mkdir -p docs
	@for lang in en sv; do \
	  png=docs/report.png; [ $$lang = en ] || png=docs/report-$$lang.png; \
	  ./$(B)/finsam report examples/vvnd/2025.fin --lang $$lang --format html \
	    -o $(B)/report-$$lang.html; \
	  [ $$? -le 1 ] || exit 1; \
	  profile=$$(mktemp -d "$${TMPDIR:-/tmp}/finsam-chromium.XXXXXX") || exit 1; \
	  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$$profile" --hide-scrollbars --window-size=1200,1600 \
	    --screenshot="$(CURDIR)/$$png" "file://$(CURDIR)/$(B)/report-$$lang.html" \
	    >/dev/null 2>&1; status=$$?; rm -rf "$$profile"; \
	  [ $$status -eq 0 ] && [ -s $$png ] && echo "wrote $$png" || exit 1; \
	done
