/*
 * drop_guard.c
 *    The event trigger that keeps DROP EXTENSION srm (or DROP SCHEMA srm
 *    CASCADE) from deleting the user's rows silently.
 *
 * An sql_drop event trigger of the extension does not fire when the
 * extension itself is dropped (it is dropped with it), and a PL/pgSQL
 * ddl_command_start trigger sees only the command tag, not which
 * extensions a DROP EXTENSION names.  This function, run at
 * ddl_command_start, reads the parse tree: a DropStmt naming srm (among
 * others, with or without IF EXISTS and CASCADE), or a DROP SCHEMA ... CASCADE
 * naming the schema srm lives in, is handed to srm_internal.drop_guard_check(), which counts the
 * user's rows and raises the error unless the session has deliberately set
 * srm.drop_with_user_rows = on.
 */
#include "postgres.h"

#include "commands/event_trigger.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"

PG_FUNCTION_INFO_V1(srm_drop_guard);

/* whether a DROP statement's list of plain names holds name */
static bool
names_hold(List *objects, const char *name)
{
	ListCell   *lc;

	foreach(lc, objects)
	{
		Node	   *obj = (Node *) lfirst(lc);

		if (IsA(obj, String) && strcmp(strVal(obj), name) == 0)
			return true;
	}
	return false;
}

Datum
srm_drop_guard(PG_FUNCTION_ARGS)
{
	EventTriggerData *trigdata;
	DropStmt   *stmt;
	Oid			ext;
	bool		guarded = false;

	if (!CALLED_AS_EVENT_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("srm_internal.drop_guard() is an event trigger function"),
				 errhint("It runs as event trigger srm_drop_guard; srm.user_rows() lists the rows a drop would delete.")));
	trigdata = (EventTriggerData *) fcinfo->context;
	if (trigdata->parsetree == NULL || !IsA(trigdata->parsetree, DropStmt))
		PG_RETURN_VOID();
	stmt = (DropStmt *) trigdata->parsetree;
	ext = get_extension_oid("srm", true);
	if (!OidIsValid(ext))
		PG_RETURN_VOID();

	/* srm.control fixes the extension's schema: srm (not relocatable) */
	if (stmt->removeType == OBJECT_EXTENSION)
		guarded = names_hold(stmt->objects, "srm");
	else if (stmt->removeType == OBJECT_SCHEMA && stmt->behavior == DROP_CASCADE)
		guarded = names_hold(stmt->objects, "srm");
	if (!guarded)
		PG_RETURN_VOID();

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	if (SPI_execute("SELECT srm_internal.drop_guard_check()", false, 0) != SPI_OK_SELECT)
		elog(ERROR, "srm_internal.drop_guard_check() failed");
	SPI_finish();
	PG_RETURN_VOID();
}
