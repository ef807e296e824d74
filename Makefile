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
OBJS = src/srm.o src/responsibility_io.o src/responsibility.o src/vocabulary.o src/similarity.o src/drop_guard.o src/capture_time.o src/loader.o src/uuid5ish.o src/query_columns.o src/config_item.o
PG_CPPFLAGS = -I$(srcdir)/src
# -Wextra as pgvector uses it: the server's headers trip the two left out
override PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare

# The install script, concatenated from parts grouped by kind (an upgrade
# script is composed from the same kinds):
#   TYPE_PARTS   the responsibility type and its vocabularies: never re-run
#                by an upgrade, so what they create stays as released
#   TABLE_PARTS  schemas, tables, sequences, indexes, table comments
#   CODE_PARTS   functions, views, triggers, their comments and grants only
#                (and row-level security: ENABLE and policies dropped if
#                they exist and created): an upgrade re-runs them all
#                after dropping the old ones
#   DATA_PARTS   the model's rows (generated from data/*.csv by
#                tools/build/gen_data.py), then the rows derived from them
#                (after the code: the derivation uses its helpers)
# Within a kind, parts go by concern: model, overrides, identifiers and
# derivation, inventory, status, audit, BI views, report, OSCAL.
TYPE_PARTS = install/type/responsibility.sql install/type/vocabulary.sql
TABLE_PARTS = install/tables/schema.sql install/tables/model.sql install/tables/override.sql install/tables/derivation.sql \
	install/tables/identifier.sql install/tables/inventory.sql install/tables/status.sql install/tables/provenance.sql \
	install/tables/audit.sql install/tables/finding.sql install/tables/teams.sql
CODE_PARTS = install/code/identifiers.sql install/code/override.sql install/code/derivation.sql \
	install/code/answers.sql install/code/status.sql install/code/provenance.sql install/code/references.sql install/code/inventory.sql install/code/inventory_azure.sql install/code/findings.sql \
	install/code/inventory_gcp.sql \
	install/code/bi_views.sql install/code/audit.sql install/code/report_charts.sql install/code/report.sql install/code/oscal.sql install/code/csv.sql install/code/drop_guard.sql \
	install/code/teams.sql
DATA_PARTS = build/srm_data.sql install/data/identifiers.sql install/data/derivation.sql install/data/analyze.sql
INSTALL_PARTS = $(TYPE_PARTS) $(TABLE_PARTS) $(CODE_PARTS) $(DATA_PARTS)
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
# released versions, frozen as shipped: full install scripts of earlier
# versions and every upgrade script (srm--A--B.sql)
DATA = $(call srcfiles,versions/$(EXTENSION)--*.sql)

# every test stands alone and includes sql/include/setup.sql (not a test);
# this is only the default order; test/regress/any_order.sh checks that
# the list names every sql/*.sql
REGRESS = io operators opclass aggregate vocabulary errors laws uuid model derivation seed azure identifiers inventory_names overrides inventories loader audit audit_compact audit_checks report oscal references services services_managed services_hosted services_ops services_apps grain services_batch6 services_batch7 services_batch8 services_batch9 azure_services azure_pairs gcp_services gcp_load security catalog qualifiers nist_review findings findings_bulk teams trust azure_load multicloud
REGRESS_OPTS = --inputdir=$(srcdir)

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql build results regression.diffs regression.out srm-load

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

build/srm_data.sql: $(srcdir)/tools/build/gen_data.py $(wildcard $(srcdir)/data/*.csv)
	mkdir -p build
	python3 $(srcdir)/tools/build/gen_data.py > $@.tmp
	mv $@.tmp $@

# srm-load, the client that loads AWS Config, Azure Resource Graph and
# Google Cloud Asset Inventory data of any size (libpq and zlib), installed into PostgreSQL's bin directory beside psql
SRM_LOAD_CFLAGS = -O2 -Wall -Wextra -Wno-unused-parameter -I$(shell $(PG_CONFIG) --includedir)
SRM_LOAD_LIBS = -L$(shell $(PG_CONFIG) --libdir) -lpq -lz

all: srm-load
srm-load: client/srm_load.c $(EXTENSION).control
	$(CC) $(SRM_LOAD_CFLAGS) -DSRM_LOAD_VERSION='"$(EXTVERSION)"' $(SRM_LOAD_EXTRA_CFLAGS) $(filter-out -I%,$(CPPFLAGS)) $(LDFLAGS) -o $@ $< $(SRM_LOAD_LIBS)

install: install-srm-load
install-srm-load: srm-load installdirs
	$(MKDIR_P) '$(DESTDIR)$(bindir)'
	$(INSTALL_PROGRAM) srm-load '$(DESTDIR)$(bindir)/srm-load'

uninstall: uninstall-srm-load
uninstall-srm-load:
	rm -f '$(DESTDIR)$(bindir)/srm-load'

.PHONY: install-srm-load uninstall-srm-load

# The notices, licences and sources of the shipped third-party data, and
# the project's README, NIST review and licence.  PGXS's DOCS would install
# them under their own names (NOTICE, LICENSE, ...) into the doc directory
# that every extension shares ($(docdir)/$(docmoduledir), on Debian
# /usr/share/doc/postgresql-doc-15/extension), so they are installed here
# with an srm- prefix instead: data/NOTICE becomes srm-data-NOTICE,
# doc/nist-review.md srm-doc-nist-review.md.
SRM_DOCS = README.md doc/nist-review.md LICENSE data/NOTICE data/LICENSE-APACHE-2.0 data/SOURCES.md

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

# make -s print-VAR prints a variable as make sees it (the test and build
# scripts read REGRESS, CODE_PARTS and DATA_PARTS this way)
print-%:
	@echo $($*)
