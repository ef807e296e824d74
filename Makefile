# srm: PGXS build of the srm PostgreSQL extension

EXTENSION = srm
# srcdir is "." in the source tree and the source directory in an
# out-of-tree (VPATH) build; PGXS sets it, so read it only in recipes,
# rules and recursively expanded variables
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(srcdir)/$(EXTENSION).control)
# files of the source tree matching a pattern, relative to srcdir (PGXS
# prefixes DATA with $(srcdir)/ itself)
srcfiles = $(patsubst $(srcdir)/%,%,$(wildcard $(addprefix $(srcdir)/,$(1))))

MODULE_big = srm
OBJS = src/srm.o src/responsibility_io.o src/responsibility.o src/vocabulary.o src/similarity.o
PG_CPPFLAGS = -I$(srcdir)/src
# -Wextra as pgvector uses it: the server's headers trip the two left out
override PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare

# the install script: the type, the model's tables, their rows generated
# from data/*.csv (tools/gen_data.py), then the functions over them
INSTALL_PARTS = install/srm.sql install/model.sql build/srm_data.sql install/derive.sql install/audit.sql install/report.sql install/oscal.sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# released versions, frozen as shipped: full install scripts of earlier
# versions and every upgrade script (srm--A--B.sql)
DATA = $(call srcfiles,versions/$(EXTENSION)--*.sql)

REGRESS = io operators opclass aggregate vocabulary errors laws model seed azure identifiers overrides inventories loader audit report oscal security catalog
REGRESS_OPTS = --inputdir=.

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql build results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# An out-of-tree build (make -f SRC/Makefile, as dh --with pgxs does)
# writes objects into subdirectories of the build directory.  Files of an
# in-tree build would be found through VPATH and taken as up to date, so
# they stop it.
ifneq ($(abspath $(srcdir)),$(CURDIR))
intree_files := $(wildcard $(addprefix $(srcdir)/,$(DATA_built) $(OBJS) build))
ifneq (,$(intree_files))
$(error $(abspath $(srcdir)) holds files of an in-tree build ($(notdir $(intree_files))): run "make clean" there first)
endif
$(shell mkdir -p src)
endif

# the parts as make found them: in the source tree, or build/ here
$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) $(EXTENSION).control
	cat $(filter-out %.control,$^) > $@

build/srm_data.sql: $(srcdir)/tools/gen_data.py $(wildcard $(srcdir)/data/*.csv)
	mkdir -p build
	python3 $(srcdir)/tools/gen_data.py > $@.tmp
	mv $@.tmp $@

# The notices, licences and sources of the shipped third-party data, and
# the project's README and licence.  PGXS's DOCS would install them under
# their own names (NOTICE, LICENSE, ...) into the doc directory that every
# extension shares ($(docdir)/$(docmoduledir), on Debian
# /usr/share/doc/postgresql-doc-15/extension), so they are installed here
# with an srm- prefix instead: data/NOTICE becomes srm-data-NOTICE.
SRM_DOCS = README.md LICENSE data/NOTICE data/LICENSE-APACHE-2.0 data/SOURCES.md

install: install-srm-docs
install-srm-docs: installdirs
	$(MKDIR_P) '$(DESTDIR)$(docdir)/$(docmoduledir)'
	for f in $(SRM_DOCS); do \
		$(INSTALL_DATA) '$(srcdir)/'$$f '$(DESTDIR)$(docdir)/$(docmoduledir)/'srm-$$(echo $$f | tr / -) || exit; \
	done

uninstall: uninstall-srm-docs
uninstall-srm-docs:
	for f in $(SRM_DOCS); do \
		rm -f '$(DESTDIR)$(docdir)/$(docmoduledir)/'srm-$$(echo $$f | tr / -); \
	done

.PHONY: install-srm-docs uninstall-srm-docs
