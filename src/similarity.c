/*
 * similarity.c
 *    Edit distance between names, for the "closest known names" that
 *    srm's errors suggest.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(srm_name_distance);

/* names longer than this are compared by their first NAME_MAX bytes */
#define NAME_MAX_BYTES 100

static unsigned char
fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + ('a' - 'A')) : c;
}

/*
 * Levenshtein distance over bytes, ignoring ASCII case, with two rows of
 * the usual table on the stack.
 */
Datum
srm_name_distance(PG_FUNCTION_ARGS)
{
	text	   *ta = PG_GETARG_TEXT_PP(0);
	text	   *tb = PG_GETARG_TEXT_PP(1);
	const unsigned char *a = (const unsigned char *) VARDATA_ANY(ta);
	const unsigned char *b = (const unsigned char *) VARDATA_ANY(tb);
	int			la = Min((int) VARSIZE_ANY_EXHDR(ta), NAME_MAX_BYTES);
	int			lb = Min((int) VARSIZE_ANY_EXHDR(tb), NAME_MAX_BYTES);
	int			prev[NAME_MAX_BYTES + 1];
	int			cur[NAME_MAX_BYTES + 1];
	int			i;
	int			j;

	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++)
	{
		cur[0] = i;
		for (j = 1; j <= lb; j++)
		{
			int			sub = prev[j - 1] + (fold(a[i - 1]) != fold(b[j - 1]));
			int			del = prev[j] + 1;
			int			ins = cur[j - 1] + 1;

			cur[j] = Min(sub, Min(del, ins));
		}
		memcpy(prev, cur, sizeof(int) * (lb + 1));
	}
	PG_RETURN_INT32(prev[lb]);
}
