/*
 * What srm.csv needs to know of a query, from its parse analysis, without
 * running it and without DDL (so that srm.csv works in a read-only
 * transaction and on a standby): srm_internal.query_columns(query text),
 * its result columns in order (name, and whether its type is a number or
 * a boolean); srm_internal.query_statement(query text), its statement.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/plancache.h"

/*
 * The one statement of query, parse-analysed (in an SPI connection the
 * caller closes): refuses several statements and one that returns no rows.
 */
static CachedPlanSource *
prepare_one(const char *query)
{
	SPIPlanPtr	plan;
	List	   *sources;
	CachedPlanSource *source;

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
	source = (CachedPlanSource *) linitial(sources);
	if (source->resultDesc == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("srm.csv needs a query that returns rows")));
	return source;
}

PG_FUNCTION_INFO_V1(srm_query_statement);

/*
 * srm_internal.query_statement(query text): the text of the query's one
 * statement, without the semicolon (and anything after it) that ends it.
 */
Datum
srm_query_statement(PG_FUNCTION_ARGS)
{
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	CachedPlanSource *source = prepare_one(query);
	RawStmt    *raw = source->raw_parse_tree;
	int			loc = raw ? raw->stmt_location : -1;
	int			len = raw ? raw->stmt_len : 0;
	text	   *result;

	if (loc < 0)
	{
		loc = 0;
		len = 0;
	}
	if (len <= 0)
		len = strlen(query) - loc;
	SPI_finish();
	result = cstring_to_text_with_len(query + loc, len);
	PG_RETURN_TEXT_P(result);
}

PG_FUNCTION_INFO_V1(srm_query_columns);

/* srm_internal.query_columns(query text) */

Datum
srm_query_columns(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *query = text_to_cstring(PG_GETARG_TEXT_PP(0));
	TupleDesc	desc;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	desc = prepare_one(query)->resultDesc;

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
