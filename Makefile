# srm: PGXS build of the srm PostgreSQL extension

EXTENSION = srm
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(EXTENSION).control)

MODULE_big = srm
OBJS = src/srm.o src/responsibility_io.o src/responsibility.o src/vocabulary.o src/similarity.o
PG_CPPFLAGS = -I$(srcdir)/src
# -Wextra as pgvector uses it: the server's headers trip the two left out
override PG_CFLAGS += -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare

# the install script: the type, the model's tables, their rows generated
# from data/*.csv (tools/build/gen_data.py), then the functions over them
INSTALL_PARTS = install/srm.sql install/model.sql build/srm_data.sql install/derive.sql install/audit.sql install/report.sql install/oscal.sql
DATA_built = $(EXTENSION)--$(EXTVERSION).sql
DATA = $(wildcard install/$(EXTENSION)--*--*.sql)

REGRESS = io operators opclass aggregate vocabulary errors laws model seed azure identifiers overrides inventories loader audit report oscal security catalog
REGRESS_OPTS = --inputdir=.

EXTRA_CLEAN = $(EXTENSION)--$(EXTVERSION).sql build results regression.diffs regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PARTS) $(EXTENSION).control
	cat $(INSTALL_PARTS) > $@

build/srm_data.sql: tools/build/gen_data.py $(wildcard data/*.csv)
	mkdir -p build
	python3 tools/build/gen_data.py > $@.tmp
	mv $@.tmp $@
