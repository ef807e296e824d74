/*
 * srm.c
 *    Module magic of the srm extension; nothing else lives here.
 */
#include "postgres.h"

#include "fmgr.h"

PG_MODULE_MAGIC;
