/*
 * srm_internal.query_columns(query text): the result columns of a query,
 * in order, as parse analysis gives them (name, and whether its type is
 * a number or a boolean), without running it and without DDL, so that
 * srm.csv works in a read-only transaction and on a standby.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/plancache.h"

PG_FUNCTION_INFO_V1(srm_query_columns);

Datum
srm_query_columns(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	SPIPlanPtr	plan;
	List	   *sources;
	TupleDesc	desc;
	int			i;

	InitMaterializedSRF(fcinfo, 0);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	plan = SPI_prepare(query, 0, NULL);
	if (plan == NULL)
		elog(ERROR, "SPI_prepare failed: %s", SPI_result_code_string(SPI_result));
	sources = SPI_plan_get_plan_sources(plan);
	if (list_length(sources) != 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("srm.csv needs one query, not %d", list_length(sources))));
	desc = ((CachedPlanSource *) linitial(sources))->resultDesc;
	if (desc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("srm.csv needs a query that returns rows")));

	for (i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		Datum		values[2];
		bool		nulls[2] = {false, false};
		char		category;
		bool		preferred;
		int			j;

		if (att->attisdropped)
			continue;
		/* as CREATE VIEW refuses them */
		for (j = 0; j < i; j++)
			if (!TupleDescAttr(desc, j)->attisdropped &&
				strcmp(NameStr(TupleDescAttr(desc, j)->attname), NameStr(att->attname)) == 0)
				ereport(ERROR,
						(errcode(ERRCODE_DUPLICATE_COLUMN),
						 errmsg("column \"%s\" specified more than once", NameStr(att->attname))));
		get_type_category_preferred(att->atttypid, &category, &preferred);
		values[0] = CStringGetTextDatum(NameStr(att->attname));
		values[1] = BoolGetDatum(category == TYPCATEGORY_NUMERIC || category == TYPCATEGORY_BOOLEAN);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	SPI_finish();
	return (Datum) 0;
}
