/*
 * uuid5ish.c
 *    srm_internal.uuid5ish(namespace, name): the name-based uuids of
 *    srm.oscal_ssp, in C.  An SSP of a large run names about 100,000
 *    things; as a SQL function (a subquery, and SET search_path) each uuid
 *    cost about ten times its SHA-256.
 *
 *    The uuid is the first 16 bytes of SHA-256 over the UTF-8 bytes of
 *    length(namespace) || ':' || namespace || name (length in characters,
 *    in decimal), with the version nibble set to 5 and the RFC 4122 variant
 *    bits (10xx): exactly what the SQL definition of srm 0.2.0 to 0.4.0
 *    computed, so every uuid of every plan stays the same.
 */
#include "postgres.h"

#include "common/cryptohash.h"
#include "common/sha2.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/uuid.h"

PG_FUNCTION_INFO_V1(srm_uuid5ish);

Datum
srm_uuid5ish(PG_FUNCTION_ARGS)
{
	text	   *ns = PG_GETARG_TEXT_PP(0);
	text	   *name = PG_GETARG_TEXT_PP(1);
	int			ns_len = VARSIZE_ANY_EXHDR(ns);
	int			name_len = VARSIZE_ANY_EXHDR(name);
	char		prefix[16];
	int			prefix_len;
	char	   *input;
	char	   *utf8;
	int			input_len;
	pg_cryptohash_ctx *ctx;
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	pg_uuid_t  *result;

	/* length(namespace) || ':' || namespace || name, in the server's encoding */
	prefix_len = snprintf(prefix, sizeof(prefix), "%d:",
						  pg_mbstrlen_with_len(VARDATA_ANY(ns), ns_len));
	input_len = prefix_len + ns_len + name_len;
	input = palloc(input_len + 1);
	memcpy(input, prefix, prefix_len);
	memcpy(input + prefix_len, VARDATA_ANY(ns), ns_len);
	memcpy(input + prefix_len + ns_len, VARDATA_ANY(name), name_len);
	input[input_len] = '\0';

	/* convert_to(…, 'UTF8'): a no-op in a UTF-8 database */
	utf8 = pg_server_to_any(input, input_len, PG_UTF8);
	if (utf8 != input)
		input_len = strlen(utf8);

	ctx = pg_cryptohash_create(PG_SHA256);
	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) utf8, input_len) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
	{
		const char *err = pg_cryptohash_error(ctx);

		pg_cryptohash_free(ctx);
		elog(ERROR, "could not compute SHA-256 for a uuid: %s", err);
	}
	pg_cryptohash_free(ctx);

	result = (pg_uuid_t *) palloc(sizeof(pg_uuid_t));
	memcpy(result->data, digest, UUID_LEN);
	result->data[6] = (result->data[6] & 0x0f) | 0x50;	/* version 5 */
	result->data[8] = (result->data[8] & 0x3f) | 0x80;	/* variant 10xx */

	if (utf8 != input)
		pfree(utf8);
	pfree(input);
	PG_RETURN_UUID_P(result);
}
