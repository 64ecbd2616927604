# make deb: a Debian binary package built with dpkg-deb from a staged make install
# (PREFIX=/usr), with Debian's build flags (dpkg-buildflags: hardening, fortify,
# relro), the binary stripped, man pages and changelog compressed, md5sums, and the
# dependencies dpkg-shlibdeps finds. The package is $(DEB_DIR)/finsam_VERSION-1_ARCH.deb;
# make deb-lint runs lintian on it where lintian is installed.

DEB_DIR      ?= $(B)/deb
DEB_REVISION ?= 1
DEB_ARCH      = $(shell dpkg --print-architecture)
DEB_FILE      = $(DEB_DIR)/finsam_$(VERSION)-$(DEB_REVISION)_$(DEB_ARCH).deb
DEB_ROOT      = $(DEB_DIR)/root
DEB_B        ?= build/pkg
DEB_FLAGS     = DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get
DEB_CFLAGS    = $(shell $(DEB_FLAGS) CFLAGS) $(shell $(DEB_FLAGS) CPPFLAGS)
DEB_LDFLAGS   = $(shell $(DEB_FLAGS) LDFLAGS)

.PHONY: deb deb-lint deb-stage deb-lint-deps

# make install as the package does it, into DESTDIR (tests/run_install.sh uses it too,
# so that both share one build in $(DEB_B)).
deb-stage:
	@test -n "$(DESTDIR)" || { echo "make deb-stage needs DESTDIR=DIR"; exit 2; }
	$(MAKE) --no-print-directory install B=$(DEB_B) PREFIX=/usr DESTDIR=$(abspath $(DESTDIR)) \
	    CFLAGS='$(DEB_CFLAGS)' LDFLAGS='$(DEB_LDFLAGS)'

deb: $(MO)
	rm -rf $(DEB_ROOT)
	$(MAKE) --no-print-directory deb-stage DESTDIR=$(abspath $(DEB_ROOT))
	strip --remove-section=.comment --remove-section=.note --strip-unneeded \
	    $(DEB_ROOT)/usr/bin/finsam
	find $(DEB_ROOT)/usr/share/man -type f -exec gzip -9n {} +
	install -d $(DEB_ROOT)/usr/share/doc/finsam $(DEB_ROOT)/DEBIAN
	install -m 644 packaging/copyright $(DEB_ROOT)/usr/share/doc/finsam/copyright
	sed 's/@VERSION@/$(VERSION)-$(DEB_REVISION)/' packaging/changelog.Debian | \
	    gzip -9n >$(DEB_ROOT)/usr/share/doc/finsam/changelog.Debian.gz
	chmod 644 $(DEB_ROOT)/usr/share/doc/finsam/changelog.Debian.gz
	cd $(DEB_ROOT) && find usr -type f | sort | xargs md5sum >DEBIAN/md5sums
	chmod 644 $(DEB_ROOT)/DEBIAN/md5sums
	mkdir -p $(DEB_DIR)/debian && cp packaging/control.in $(DEB_DIR)/debian/control
	depends=$$(cd $(DEB_DIR) && dpkg-shlibdeps -O -e root/usr/bin/finsam 2>/dev/null | \
	           sed -n 's/^shlibs:Depends=//p'); \
	size=$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1); \
	sed -e 's/@VERSION@/$(VERSION)-$(DEB_REVISION)/' -e 's/@ARCH@/$(DEB_ARCH)/' \
	    -e "s/@DEPENDS@/$${depends:-libc6}/" -e "s/@SIZE@/$$size/" \
	    packaging/control >$(DEB_ROOT)/DEBIAN/control
	dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB_FILE)
	@echo "built $(DEB_FILE)"

deb-lint: deb-lint-deps deb
	lintian -I -E --pedantic --tag-display-limit 0 $(DEB_FILE)

# lintian is large: make deb-lint installs it where it is missing.
deb-lint-deps:
	@command -v lintian >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq lintian >/dev/null; }
