/*
 * srm-load: loads AWS Config data, Azure Resource Graph exports and Google
 * Cloud Asset Inventory exports of any size into srm.asset.
 *
 * Reads snapshot and history files (an object with "configurationItems"),
 * Config API output ("configurationItems", "baseConfigurationItems", the
 * JSON strings of "Results" from select-resource-config), a bare array of
 * items, or one item per line (NDJSON), plain or gzipped (by the magic
 * bytes), from files or standard input.  A small tokenizer splits the
 * input into items (it tracks strings, escapes and depth only; the server
 * parses each item), so that no file is held whole: each item's text goes
 * through COPY into the session's table srm_load_raw, and every batch is
 * merged on the server by srm_internal.config_load_batch, with the rules
 * of srm.load_config_snapshot (the same function does both).
 *
 * Azure Resource Graph exports (what az graph query -o json prints,
 * {"count", "data": [...], ...}, or arrays and lines of rows whose first
 * object has an ARM "id" and a "type") go to
 * srm_internal.resource_graph_load_batch instead, with the rules of
 * srm.load_resource_graph.
 *
 * With -j N (N > 1) the AWS Config items of a file go over N connections,
 * each item to the connection its account and resource id hash to (so
 * that every resource stays on one connection, in file order, and a file
 * of few accounts still spreads evenly), each connection
 * filling and merging its own batches under the file's one load id; the
 * client waits for a connection's merge only when it has its next batch
 * to send.  The items of a file's first batch are held until its shape is
 * known (as with one connection: the first batch decides it); Azure and
 * Google Cloud exports stay on the first connection.
 *
 * Exits 0 when every file was read and loaded (items rejected included),
 * 1 when a file could not be read, 2 when the server could not be reached
 * or failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <arpa/inet.h>

#include <libpq-fe.h>
#include <zlib.h>

/* the extension's version, given by the Makefile (srm.control) */
#ifndef SRM_LOAD_VERSION
#define SRM_LOAD_VERSION "unknown"
#endif

/* an item longer than this is rejected, its first bytes kept */
#define DEFAULT_MAX_ITEM (64 * 1024 * 1024)
/* what is kept of an item that is rejected before the server reads it */
#define KEPT_PREFIX 4096
#define READ_BUFFER (256 * 1024)
#define COPY_BUFFER (1024 * 1024)

typedef struct Buf
{
	char	   *data;
	size_t		len;			/* bytes stored */
	size_t		cap;
	size_t		total;			/* bytes seen, stored or not */
	size_t		max;			/* stores at most this many */
} Buf;

typedef struct Reader
{
	gzFile		gz;
	const char *name;
	unsigned char buf[READ_BUFFER];
	size_t		pos;
	size_t		len;
	bool		eof;
	bool		error;
	int			pushback;		/* a byte given back, or -1 */
} Reader;

/* what a file holds, decided by its first rows, and the merge it goes to */
typedef enum Shape
{
	SHAPE_UNKNOWN = 0,			/* no item recognised yet: AWS Config */
	SHAPE_CONFIG,				/* AWS Config items */
	SHAPE_RESOURCE_GRAPH,		/* Azure Resource Graph rows */
	SHAPE_GCP					/* Cloud Asset Inventory assets */
} Shape;

/* items held in the client (see queue_add) */
typedef struct Queue
{
	Buf			b;
	size_t		off;			/* where the first item not taken starts */
	int			items;
	size_t		bytes;			/* of the items' text */
} Queue;

/* one connection to the server, with its own COPY and batch */
typedef struct Conn
{
	PGconn	   *conn;
	int			in_batch;		/* items sent in the open COPY */
	size_t		batch_bytes;
	bool		copying;
	bool		merging;		/* a batch's merge sent, its result not read */
	bool		ready;			/* its work tables readied for this file */
	char	   *out;			/* COPY data not yet sent */
	size_t		out_len;
	Queue		queue;			/* -j > 1: items held while it merges */
} Conn;

#define MAX_JOBS 16

typedef struct Load
{
	Shape		shape;
	const char *source;
	char		lid[32];
	int			idx;			/* index of the next item in the file */
	bool		failed;			/* the server failed: stop this file */
	Queue		pending;		/* -j > 1: the first batch's items, until the
								 * file's shape is known */
	int			since_poll;		/* items routed since the merges were polled */
	char		file_version[128];
	char		snapshot_id[128];
} Load;

static int	batch_items = 10000;
static size_t batch_bytes_max = 64 * 1024 * 1024;
static size_t max_item = DEFAULT_MAX_ITEM;
static bool quiet = false;
static Conn conns[MAX_JOBS];
static int	jobs = 2;
static long long assets_changed = 0;	/* inserted + updated, all files */

static void
die_oom(void)
{
	fprintf(stderr, "srm-load: out of memory\n");
	exit(2);
}

/* ---------------------------------------------------------------- buffers */

static void
buf_reset(Buf *b, size_t max)
{
	b->len = 0;
	b->total = 0;
	b->max = max;
}

static void
buf_grow(Buf *b, size_t need)
{
	size_t		cap = b->cap ? b->cap : 4096;

	while (cap < need)
		cap *= 2;
	b->data = realloc(b->data, cap);
	if (b->data == NULL)
		die_oom();
	b->cap = cap;
}

static inline void
buf_putc(Buf *b, int c)
{
	b->total++;
	if (b->len >= b->max)
		return;
	if (b->len + 1 > b->cap)
		buf_grow(b, b->len + 1);
	b->data[b->len++] = (char) c;
}

/* ---------------------------------------------------------------- reading */

static int
refill(Reader *r)
{
	int			n;

	if (r->eof)
		return EOF;
	n = gzread(r->gz, r->buf, sizeof(r->buf));
	if (n < 0)
	{
		int			err;
		const char *msg = gzerror(r->gz, &err);

		fprintf(stderr, "srm-load: %s: %s\n", r->name, err == Z_ERRNO ? strerror(errno) : msg);
		r->error = true;
		r->eof = true;
		return EOF;
	}
	if (n == 0)
	{
		int			err;
		const char *msg = gzerror(r->gz, &err);

		/* a .gz cut off or corrupt ends with an error, not at its end */
		if (err != Z_OK && err != Z_STREAM_END)
		{
			const char *colon = strstr(msg, ": ");

			/* zlib names the descriptor, not the file */
			fprintf(stderr, "srm-load: %s: %s\n", r->name, colon && msg[0] == '<' ? colon + 2 : msg);
			r->error = true;
		}
		r->eof = true;
		return EOF;
	}
	r->len = (size_t) n;
	r->pos = 1;
	return r->buf[0];
}

static inline int
next_byte(Reader *r)
{
	if (r->pushback >= 0)
	{
		int			c = r->pushback;

		r->pushback = -1;
		return c;
	}
	if (r->pos < r->len)
		return r->buf[r->pos++];
	return refill(r);
}

static int
skip_ws(Reader *r)
{
	int			c;

	do
		c = next_byte(r);
	while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
	return c;
}

/*
 * One JSON value whose first byte is c, appended to b: an object or array
 * up to its closing bracket, a string up to its closing quote, anything
 * else up to the next blank, comma or bracket (given back).  False when
 * the input ends inside the value.
 */
static bool
scan_value(Reader *r, int c, Buf *b)
{
	int			depth = 0;
	bool		in_string = false;

	if (c == '{' || c == '[' || c == '"')
	{
		buf_putc(b, c);
		if (c == '"')
			in_string = true;
		else
			depth = 1;
		for (;;)
		{
			/* the bytes of a string, in runs */
			if (in_string)
			{
				for (;;)
				{
					if (r->pushback < 0 && r->pos < r->len)
					{
						unsigned char *p = r->buf + r->pos;
						unsigned char *end = r->buf + r->len;
						unsigned char *q = p;

						while (q < end && *q != '"' && *q != '\\')
							q++;
						if (q > p)
						{
							size_t		n = (size_t) (q - p);

							b->total += n;
							if (b->len < b->max)
							{
								size_t		k = n < b->max - b->len ? n : b->max - b->len;

								if (b->len + k > b->cap)
									buf_grow(b, b->len + k);
								memcpy(b->data + b->len, p, k);
								b->len += k;
							}
							r->pos += n;
							continue;
						}
					}
					c = next_byte(r);
					if (c == EOF)
						return false;
					buf_putc(b, c);
					if (c == '\\')
					{
						c = next_byte(r);
						if (c == EOF)
							return false;
						buf_putc(b, c);
					}
					else if (c == '"')
					{
						in_string = false;
						break;
					}
				}
				if (depth == 0)
					return true;
			}
			c = next_byte(r);
			if (c == EOF)
				return false;
			buf_putc(b, c);
			if (c == '"')
				in_string = true;
			else if (c == '{' || c == '[')
				depth++;
			else if (c == '}' || c == ']')
			{
				if (--depth == 0)
					return true;
			}
		}
	}
	for (;;)
	{
		buf_putc(b, c);
		c = next_byte(r);
		if (c == EOF)
			return true;
		if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' ||
			c == ']' || c == '}' || c == '[' || c == '{' || c == '"')
		{
			r->pushback = c;
			return true;
		}
	}
}

/* ---------------------------------------------------------------- UTF-8 */

/* the length of the longest valid UTF-8 prefix of s, without NUL bytes */
static size_t
utf8_valid_prefix(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n;
		uint32_t	cp;

		if (c >= 0x01 && c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, cp = c & 0x07;
		else
			return i;
		if (i + n >= len)
			return i;
		for (size_t k = 1; k <= n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
			(n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += n + 1;
	}
	return i;
}

/* ---------------------------------------------------------------- server */

static void
server_error(Load *l, Conn *c, PGresult *res, const char *what)
{
	fprintf(stderr, "srm-load: %s: %s: %s", l->source, what,
			res ? PQresultErrorMessage(res) : PQerrorMessage(c->conn));
	l->failed = true;
}

static bool
send_out(Load *l, Conn *c)
{
	if (c->out_len > 0 && PQputCopyData(c->conn, c->out, (int) c->out_len) != 1)
	{
		server_error(l, c, NULL, "COPY");
		return false;
	}
	c->out_len = 0;
	return true;
}

static bool
out_put(Load *l, Conn *c, const void *data, size_t n)
{
	if (c->out_len + n > COPY_BUFFER)
	{
		if (!send_out(l, c))
			return false;
		if (n > COPY_BUFFER)
		{
			if (PQputCopyData(c->conn, data, (int) n) != 1)
			{
				server_error(l, c, NULL, "COPY");
				return false;
			}
			return true;
		}
	}
	memcpy(c->out + c->out_len, data, n);
	c->out_len += n;
	return true;
}

static bool
out_int32(Load *l, Conn *c, int32_t v)
{
	uint32_t	n = htonl((uint32_t) v);

	return out_put(l, c, &n, 4);
}

/* reads the result of a connection's merge, if one was sent */
static bool
wait_merge(Load *l, Conn *c)
{
	PGresult   *res;
	bool		ok = true;

	if (!c->merging)
		return true;
	c->merging = false;
	res = PQgetResult(c->conn);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		server_error(l, c, res, "merging a batch");
		ok = false;
	}
	PQclear(res);
	while ((res = PQgetResult(c->conn)) != NULL)
		PQclear(res);
	return ok;
}

static bool
copy_start(Load *l, Conn *c)
{
	static const char header[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
	PGresult   *res;

	if (!wait_merge(l, c))
		return false;
	if (!c->ready)
	{
		/* a connection other than the first: its work tables, emptied of
		 * what a failed file may have left (as config_load_begin does) */
		res = PQexec(c->conn, "SELECT srm_internal.config_load_tables(); TRUNCATE pg_temp.srm_load_raw");
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
		{
			server_error(l, c, res, "starting the load");
			PQclear(res);
			return false;
		}
		PQclear(res);
		c->ready = true;
	}
	res = PQexec(c->conn, "COPY pg_temp.srm_load_raw (idx, item, reason) FROM STDIN (FORMAT binary)");
	if (PQresultStatus(res) != PGRES_COPY_IN)
	{
		server_error(l, c, res, "COPY");
		PQclear(res);
		return false;
	}
	PQclear(res);
	c->copying = true;
	c->in_batch = 0;
	c->batch_bytes = 0;
	return out_put(l, c, header, 19);
}

/* ends the open COPY and merges its batch (with one connection, waiting
 * for the merge; with more, its result is read when the connection is
 * needed again) */
static bool
batch_flush(Load *l, Conn *c)
{
	static const char trailer[] = "\377\377";
	PGresult   *res;
	const char *params[1];

	if (!c->copying)
		return true;
	c->copying = false;
	if (!out_put(l, c, trailer, 2) || !send_out(l, c))
		return false;
	if (PQputCopyEnd(c->conn, NULL) != 1)
	{
		server_error(l, c, NULL, "COPY");
		return false;
	}
	res = PQgetResult(c->conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
	{
		server_error(l, c, res, "COPY");
		PQclear(res);
		while ((res = PQgetResult(c->conn)) != NULL)
			PQclear(res);
		return false;
	}
	PQclear(res);
	while ((res = PQgetResult(c->conn)) != NULL)
		PQclear(res);
	if (l->shape == SHAPE_UNKNOWN)
		l->shape = SHAPE_CONFIG;
	params[0] = l->lid;
	if (PQsendQueryParams(c->conn,
						  l->shape == SHAPE_RESOURCE_GRAPH ? "SELECT srm_internal.resource_graph_load_batch($1::bigint)"
						  : l->shape == SHAPE_GCP ? "SELECT srm_internal.asset_inventory_load_batch($1::bigint)"
						  : "SELECT srm_internal.config_load_batch($1::bigint)",
						  1, NULL, params, NULL, NULL, 0) != 1)
	{
		server_error(l, c, NULL, "merging a batch");
		return false;
	}
	c->merging = true;
	if (jobs == 1)
		return wait_merge(l, c);
	return true;
}

/* ends a COPY that must not be merged (the file stopped) */
static void
copy_abort(Conn *c)
{
	PGresult   *res;

	if (!c->copying)
		return;
	c->copying = false;
	c->out_len = 0;
	if (PQputCopyEnd(c->conn, "srm-load: the load of the file stopped") == 1)
		while ((res = PQgetResult(c->conn)) != NULL)
			PQclear(res);
}

/*
 * Whether an object's text is an Azure Resource Graph row: its top-level
 * keys include "id", a string starting with /subscriptions/ (an ARM id, in
 * any case), and "type".  Reads the keys only, tracking strings and depth.
 */
static bool
is_resource_graph_row(const char *s, size_t len)
{
	bool		has_id = false, has_type = false, want_key = false;
	int			depth = 0;
	size_t		i = 0;

	while (i < len)
	{
		char		c = s[i++];

		if (c == '"')
		{
			size_t		start = i, end;

			while (i < len && s[i] != '"')
				i += s[i] == '\\' ? 2 : 1;
			end = i++;
			if (depth != 1 || !want_key)
				continue;
			while (i < len && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t' || s[i] == ':'))
				i++;
			want_key = false;
			if (end - start == 2 && memcmp(s + start, "id", 2) == 0)
				has_id = i + 16 <= len && s[i] == '"' && strncasecmp(s + i + 1, "/subscriptions/", 15) == 0;
			else if (end - start == 4 && memcmp(s + start, "type", 4) == 0)
				has_type = true;
		}
		else if (c == '{' || c == '[')
			want_key = ++depth == 1 && c == '{';
		else if (c == '}' || c == ']')
			depth--;
		else if (c == ',' && depth == 1)
			want_key = true;
	}
	return has_id && has_type;
}

/*
 * Whether an item is a Google Cloud Asset Inventory asset: an object whose
 * top-level "name" is a full resource name ("//service.googleapis.com/...")
 * and that has an "asset_type" (gcloud asset export) or "assetType"
 * (gcloud asset list --format=json).  Keys are read at depth 1 only.
 */
static bool
is_cai_asset(const char *s, size_t len)
{
	size_t		i = 0, key_start = 0, key_len = 0;
	int			depth = 1;
	bool		in_str = false, esc = false, want_key = true, in_key = false, have_key = false;
	bool		has_name = false, has_type = false;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i >= len || s[i] != '{')
		return false;
	for (i++; i < len && depth > 0; i++)
	{
		char		c = s[i];

		if (in_str)
		{
			if (esc)
				esc = false;
			else if (c == '\\')
				esc = true;
			else if (c == '"')
			{
				in_str = false;
				if (in_key)
				{
					in_key = false;
					have_key = true;
					key_len = i - key_start;
				}
			}
			continue;
		}
		if (c == '"')
		{
			in_str = true;
			if (depth == 1 && want_key)
			{
				in_key = true;
				want_key = false;
				key_start = i + 1;
			}
		}
		else if (c == '{' || c == '[')
			depth++;
		else if (c == '}' || c == ']')
			depth--;
		else if (depth == 1 && c == ',')
			want_key = true;
		else if (depth == 1 && c == ':' && have_key)
		{
			const char *k = s + key_start;
			size_t		j = i + 1;

			while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
				j++;
			if (key_len == 4 && memcmp(k, "name", 4) == 0)
				has_name = j + 2 < len && s[j] == '"' && s[j + 1] == '/' && s[j + 2] == '/';
			else if ((key_len == 10 && memcmp(k, "asset_type", 10) == 0) ||
					 (key_len == 9 && memcmp(k, "assetType", 9) == 0))
				has_type = true;
			have_key = false;
		}
	}
	return has_name && has_type;
}

/* ---------------------------------------------------------------- routing */

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static inline void
fnv_add(uint32_t *h, unsigned char c)
{
	*h = (*h ^ c) * FNV_PRIME;
}

static int
hex4(const char *s)
{
	int			v = 0;

	for (int i = 0; i < 4; i++)
	{
		char		c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* one decoded byte of a JSON string: kept (up to cap), hashed, counted */
static inline void
str_out(unsigned char c, char *dst, size_t cap, size_t *n, uint32_t *h)
{
	if (dst && *n < cap)
		dst[*n] = (char) c;
	(*n)++;
	if (h)
		fnv_add(h, c);
}

/*
 * The JSON string whose opening quote is s[i], decoded as the server reads
 * it (escapes, \u sequences and surrogate pairs as UTF-8): its first cap
 * bytes in dst, its length in *n, its bytes added to the hash *h.  Returns
 * the index after the closing quote (len when there is none).
 */
static size_t
json_string(const char *s, size_t len, size_t i, char *dst, size_t cap, size_t *n, uint32_t *h)
{
	*n = 0;
	for (i++; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"')
			return i + 1;
		if (c != '\\')
		{
			str_out(c, dst, cap, n, h);
			continue;
		}
		if (++i >= len)
			break;
		c = (unsigned char) s[i];
		switch (c)
		{
			case 'b': str_out('\b', dst, cap, n, h); break;
			case 'f': str_out('\f', dst, cap, n, h); break;
			case 'n': str_out('\n', dst, cap, n, h); break;
			case 'r': str_out('\r', dst, cap, n, h); break;
			case 't': str_out('\t', dst, cap, n, h); break;
			case 'u':
				{
					int			cp = i + 4 < len ? hex4(s + i + 1) : -1;

					if (cp < 0)
						break;
					i += 4;
					if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < len && s[i + 1] == '\\' && s[i + 2] == 'u')
					{
						int			lo = hex4(s + i + 3);

						if (lo >= 0xDC00 && lo <= 0xDFFF)
						{
							cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
							i += 6;
						}
					}
					if (cp < 0x80)
						str_out((unsigned char) cp, dst, cap, n, h);
					else if (cp < 0x800)
					{
						str_out(0xC0 | (cp >> 6), dst, cap, n, h);
						str_out(0x80 | (cp & 0x3F), dst, cap, n, h);
					}
					else if (cp < 0x10000)
					{
						str_out(0xE0 | (cp >> 12), dst, cap, n, h);
						str_out(0x80 | ((cp >> 6) & 0x3F), dst, cap, n, h);
						str_out(0x80 | (cp & 0x3F), dst, cap, n, h);
					}
					else
					{
						str_out(0xF0 | (cp >> 18), dst, cap, n, h);
						str_out(0x80 | ((cp >> 12) & 0x3F), dst, cap, n, h);
						str_out(0x80 | ((cp >> 6) & 0x3F), dst, cap, n, h);
						str_out(0x80 | (cp & 0x3F), dst, cap, n, h);
					}
					break;
				}
			default:			/* \" \\ \/ */
				str_out(c, dst, cap, n, h);
		}
	}
	return len;
}

/*
 * Where an AWS Config item goes, hashed: the string value of its top-level
 * "awsAccountId", else of its "accountId", as the merge reads them, mixed
 * with the string value of its "resourceId" when it has one (the last of
 * a key given twice, as jsonb keeps it); an item that is a JSON string
 * (select-resource-config's Results) is read inside.  Every item of one
 * resource has the same account and resource id (the merge keys a
 * resource by them with its region and type, and normalises neither), so
 * it goes to one connection, in file order, however few accounts a file
 * has.  False when the item has no account (the merge rejects it).
 */
static bool
item_route_hash(const char *s, size_t len, uint32_t *hash, Buf *tmp, bool nested)
{
	size_t		i = 0;
	int			depth = 0;
	bool		want_key = false;
	int			key = 0;		/* 1 awsAccountId, 2 accountId, 3 resourceId: its value comes next */
	bool		have[4] = {false, false, false, false};
	uint32_t	h[4] = {0, 0, 0, 0};
	uint32_t	acc;

	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i < len && s[i] == '"' && !nested)
	{
		size_t		n;

		/* decoded into tmp, then read as an item */
		json_string(s, len, i, NULL, 0, &n, NULL);
		buf_reset(tmp, n);
		if (n > tmp->cap)
			buf_grow(tmp, n);
		json_string(s, len, i, tmp->data, n, &n, NULL);
		tmp->len = n;
		return item_route_hash(tmp->data, tmp->len, hash, tmp, true);
	}
	if (i >= len || s[i] != '{')
		return false;
	while (i < len)
	{
		char		c = s[i];

		if (c == '"')
		{
			char		k[16];
			size_t		n;

			if (depth == 1 && want_key)
			{
				i = json_string(s, len, i, k, sizeof(k), &n, NULL);
				want_key = false;
				key = n == 12 && memcmp(k, "awsAccountId", 12) == 0 ? 1
					: n == 9 && memcmp(k, "accountId", 9) == 0 ? 2
					: n == 10 && memcmp(k, "resourceId", 10) == 0 ? 3 : 0;
				/* its value: a string is the account (or the resource id),
				 * anything else is not */
				while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ':'))
					i++;
				if (key)
				{
					have[key] = i < len && s[i] == '"';
					if (have[key])
					{
						h[key] = FNV_BASIS;
						i = json_string(s, len, i, NULL, 0, &n, &h[key]);
					}
					key = 0;
				}
				continue;
			}
			i = json_string(s, len, i, NULL, 0, &n, NULL);
			continue;
		}
		if (c == '{' || c == '[')
			want_key = ++depth == 1 && c == '{';
		else if (c == '}' || c == ']')
			depth--;
		else if (c == ',' && depth == 1)
			want_key = true;
		i++;
	}
	if (!have[1] && !have[2])
		return false;
	acc = have[1] ? h[1] : h[2];
	/* the resource id's hash folded in, byte by byte, as FNV-1a goes on */
	if (have[3])
		for (int b = 0; b < 4; b++)
			acc = (acc ^ ((h[3] >> (8 * b)) & 0xFF)) * FNV_PRIME;
	*hash = acc;
	return true;
}

/* the connection an item goes to */
static Conn *
item_conn(Load *l, const char *data, size_t len, bool rejected)
{
	static Buf	tmp;
	uint32_t	h;

	if (jobs == 1 || l->shape != SHAPE_CONFIG || rejected || !item_route_hash(data, len, &h, &tmp, false))
		return &conns[0];
	return &conns[h % (uint32_t) jobs];
}

/* one item into a connection's COPY, its batch merged when full */
static void
copy_item(Load *l, Conn *c, int idx, const char *data, size_t len, const char *reason)
{
	unsigned char head[2] = {0, 3};

	if (l->failed)
		return;
	if (!c->copying && !copy_start(l, c))
		return;
	if (!out_put(l, c, head, 2) || !out_int32(l, c, 4) || !out_int32(l, c, idx) ||
		!out_int32(l, c, (int32_t) len) || !out_put(l, c, data, len))
		return;
	if (reason)
	{
		if (!out_int32(l, c, (int32_t) strlen(reason)) || !out_put(l, c, reason, strlen(reason)))
			return;
	}
	else if (!out_int32(l, c, -1))
		return;
	c->in_batch++;
	c->batch_bytes += len;
	if (c->in_batch >= batch_items || c->batch_bytes >= batch_bytes_max)
		batch_flush(l, c);
}

/* items held in the client, in order: index, length, reason's length or -1,
 * the item's bytes, the reason's with its NUL */
static void
queue_add(Queue *q, int idx, const char *data, size_t len, const char *reason)
{
	int32_t		h[3] = {idx, (int32_t) len, reason ? (int32_t) strlen(reason) : -1};
	size_t		need = q->b.len + sizeof(h) + len + (reason ? strlen(reason) + 1 : 0);

	if (need > q->b.cap)
		buf_grow(&q->b, need);
	memcpy(q->b.data + q->b.len, h, sizeof(h));
	memcpy(q->b.data + q->b.len + sizeof(h), data, len);
	if (reason)
		memcpy(q->b.data + q->b.len + sizeof(h) + len, reason, strlen(reason) + 1);
	q->b.len = need;
	q->items++;
	q->bytes += len;
}

/* the first item held, false when there is none */
static bool
queue_pop(Queue *q, int *idx, const char **data, size_t *len, const char **reason)
{
	int32_t		h[3];

	if (q->off >= q->b.len)
		return false;
	memcpy(h, q->b.data + q->off, sizeof(h));
	*idx = h[0];
	*data = q->b.data + q->off + sizeof(h);
	*len = (size_t) h[1];
	*reason = h[2] >= 0 ? *data + h[1] : NULL;
	q->off += sizeof(h) + (size_t) h[1] + (size_t) (h[2] >= 0 ? h[2] + 1 : 0);
	q->items--;
	q->bytes -= (size_t) h[1];
	return true;
}

/* emptied; its memory freed when it held more than a batch's worth */
static void
queue_clear(Queue *q)
{
	if (q->b.cap > 2 * batch_bytes_max)
	{
		free(q->b.data);
		q->b.data = NULL;
		q->b.cap = 0;
	}
	q->b.len = 0;
	q->off = 0;
	q->items = 0;
	q->bytes = 0;
}

static bool
queue_full(const Queue *q)
{
	return q->items >= batch_items || q->bytes >= batch_bytes_max;
}

/*
 * -j > 1: a connection's held items into its COPY, in order, as long as it
 * is not merging (or, with wait, after its merge ended).  The items of at
 * most one batch are held per connection: the client reads on while a
 * connection merges and waits for it only when its next batch is ready.
 */
static void
pump(Load *l, Conn *c, bool wait)
{
	int			idx;
	const char *data, *reason;
	size_t		len;

	while (!l->failed && c->queue.items > 0)
	{
		if (c->merging)
		{
			if (!wait && PQconsumeInput(c->conn) && PQisBusy(c->conn))
				return;
			if (!wait_merge(l, c))
				break;
		}
		if (!queue_pop(&c->queue, &idx, &data, &len, &reason))
			break;
		copy_item(l, c, idx, data, len, reason);
	}
	if (c->queue.items == 0 || l->failed)
		queue_clear(&c->queue);
}

/* -j > 1: the merges that ended read (a failure stops the file), their
 * connections' held items sent */
static void
poll_merges(Load *l)
{
	for (int i = 0; i < jobs && !l->failed; i++)
	{
		Conn	   *c = &conns[i];

		if (c->merging && (!PQconsumeInput(c->conn) || !PQisBusy(c->conn)))
			wait_merge(l, c);
		pump(l, c, false);
	}
}

static void
send_item(Load *l, Conn *c, int idx, const char *data, size_t len, const char *reason)
{
	if (jobs == 1)
	{
		copy_item(l, c, idx, data, len, reason);
		return;
	}
	queue_add(&c->queue, idx, data, len, reason);
	pump(l, c, queue_full(&c->queue));
}

/* -j > 1: the items held until the file's shape was known, sent in order */
static void
pending_replay(Load *l)
{
	int			idx;
	const char *data, *reason;
	size_t		len;

	if (l->shape == SHAPE_UNKNOWN)
		l->shape = SHAPE_CONFIG;
	while (!l->failed && queue_pop(&l->pending, &idx, &data, &len, &reason))
		send_item(l, item_conn(l, data, len, reason != NULL), idx, data, len, reason);
	free(l->pending.b.data);
	memset(&l->pending, 0, sizeof(l->pending));
}

/*
 * An item to its connection.  With one connection, straight into its
 * COPY.  With more, the items of the file's first batch are held while
 * its shape is unknown (the first batch decides it, as with one
 * connection), then each goes to its resource's connection (AWS Config),
 * or all to the first (Azure, Google Cloud).
 */
static void
route_item(Load *l, int idx, const char *data, size_t len, const char *reason)
{
	if (l->failed)
		return;
	if (jobs == 1)
	{
		copy_item(l, &conns[0], idx, data, len, reason);
		return;
	}
	if (++l->since_poll >= 256)
	{
		l->since_poll = 0;
		poll_merges(l);
		if (l->failed)
			return;
	}
	if (l->shape == SHAPE_UNKNOWN)
	{
		queue_add(&l->pending, idx, data, len, reason);
		if (queue_full(&l->pending))
			pending_replay(l);
		return;
	}
	if (l->pending.items > 0)
		pending_replay(l);
	send_item(l, item_conn(l, data, len, reason != NULL), idx, data, len, reason);
}

/*
 * Sends one item: its text, or, when the client already knows it cannot
 * be read (cut off, too long, not UTF-8), its first bytes with the reason.
 */
static void
emit_item(Load *l, Buf *b, bool complete)
{
	char		reason[200];
	bool		rejected = false;
	size_t		len = b->len;
	size_t		valid;
	int			idx = l->idx++;

	if (l->failed)
		return;
	/* the first Resource Graph row or Cloud Asset Inventory asset among the
	 * items of a file's first batch decides where its batches are merged
	 * (AWS Config when there is none: see batch_flush) */
	if (l->shape == SHAPE_UNKNOWN && complete && b->len == b->total && b->len > 0 && b->data[0] == '{' &&
		is_resource_graph_row(b->data, b->len))
		l->shape = SHAPE_RESOURCE_GRAPH;
	if (!complete)
	{
		snprintf(reason, sizeof(reason), "the input ends inside this item, after %zu bytes", b->total);
		rejected = true;
	}
	else if (b->total > b->len)
	{
		snprintf(reason, sizeof(reason), "the item of %zu bytes is longer than srm-load's limit of %zu bytes",
				 b->total, max_item);
		rejected = true;
	}
	valid = utf8_valid_prefix((const unsigned char *) b->data, len);
	if (!rejected && valid < len)
	{
		snprintf(reason, sizeof(reason), "the item is not valid UTF-8 text (at byte %zu)", valid);
		rejected = true;
	}
	if (!rejected && l->shape == SHAPE_UNKNOWN && is_cai_asset(b->data, len))
		l->shape = SHAPE_GCP;
	if (rejected)
	{
		len = valid < KEPT_PREFIX ? valid : KEPT_PREFIX;
		/* a cut at KEPT_PREFIX must not split a character */
		len = utf8_valid_prefix((const unsigned char *) b->data, len);
	}

	route_item(l, idx, b->data, len, rejected ? reason : NULL);
}

/* ---------------------------------------------------------------- shapes */

static bool
is_items_key(const Buf *key)
{
	static const char *const keys[] = {
		"\"configurationItems\"", "\"ConfigurationItems\"",
		"\"baseConfigurationItems\"", "\"BaseConfigurationItems\"",
		"\"Results\"", NULL
	};

	for (int i = 0; keys[i]; i++)
		if (key->len == strlen(keys[i]) && memcmp(key->data, keys[i], key->len) == 0)
			return true;
	return false;
}

/* a short string value without escapes, for fileVersion and configSnapshotId */
static void
keep_string(char *dst, size_t size, const char *v, size_t len)
{
	if (len < 2 || v[0] != '"' || v[len - 1] != '"' || len - 2 >= size || memchr(v, '\\', len))
		return;
	memcpy(dst, v + 1, len - 2);
	dst[len - 2] = '\0';
}

/* the items of an array whose '[' was read */
static void
scan_items(Reader *r, Load *l, Buf *item)
{
	for (;;)
	{
		int			c = skip_ws(r);

		if (c == EOF || c == ']')
			return;
		if (c == ',')
			continue;
		buf_reset(item, max_item);
		emit_item(l, item, scan_value(r, c, item));
	}
}

/*
 * A top-level object whose '{' was read: a container when one of its keys
 * holds the items (its other keys are kept in obj and dropped), an item
 * otherwise (NDJSON).
 */
static void
scan_object(Reader *r, Load *l, Buf *obj, Buf *key, Buf *item)
{
	bool		container = false;
	bool		complete = false;

	buf_reset(obj, max_item);
	buf_putc(obj, '{');
	for (;;)
	{
		int			c = skip_ws(r);
		size_t		start;
		bool		is_data;

		if (c == EOF)
			break;
		if (c == '}')
		{
			buf_putc(obj, c);
			complete = true;
			break;
		}
		if (c == ',' || c == ':')
		{
			buf_putc(obj, c);
			continue;
		}
		/* a key */
		buf_reset(key, 256);
		if (!scan_value(r, c, key))
			break;
		for (size_t i = 0; i < key->len; i++)
			buf_putc(obj, key->data[i]);
		c = skip_ws(r);
		if (c != ':')
		{
			if (c != EOF)
				r->pushback = c;
			continue;
		}
		buf_putc(obj, ':');
		c = skip_ws(r);
		if (c == EOF)
			break;
		/* the rows of an Azure Resource Graph export ({"count", "data": [...], ...}) */
		is_data = c == '[' && key->len == 6 && memcmp(key->data, "\"data\"", 6) == 0;
		if (is_data && l->shape == SHAPE_UNKNOWN)
			l->shape = SHAPE_RESOURCE_GRAPH;
		if (c == '[' && key->total == key->len && (is_items_key(key) || (is_data && l->shape == SHAPE_RESOURCE_GRAPH)))
		{
			container = true;
			scan_items(r, l, item);
			buf_putc(obj, '[');
			buf_putc(obj, ']');
			continue;
		}
		start = obj->len;
		if (!scan_value(r, c, obj))
			break;
		if (key->len == 13 && memcmp(key->data, "\"fileVersion\"", 13) == 0)
			keep_string(l->file_version, sizeof(l->file_version), obj->data + start, obj->len - start);
		else if (key->len == 18 && memcmp(key->data, "\"configSnapshotId\"", 18) == 0)
			keep_string(l->snapshot_id, sizeof(l->snapshot_id), obj->data + start, obj->len - start);
	}
	if (!container)
		emit_item(l, obj, complete);
}

/* every value of the input: containers, arrays of items, items */
static void
scan_input(Reader *r, Load *l)
{
	Buf			obj = {0}, key = {0}, item = {0};

	for (;;)
	{
		int			c = skip_ws(r);

		if (c == EOF || l->failed)
			break;
		if (c == ',')
			continue;
		if (c == '{')
			scan_object(r, l, &obj, &key, &item);
		else if (c == '[')
			scan_items(r, l, &item);
		else
		{
			/* a stray value: the server rejects it (or reads a string of JSON) */
			buf_reset(&item, max_item);
			emit_item(l, &item, scan_value(r, c, &item));
		}
	}
	free(obj.data);
	free(key.data);
	free(item.data);
}

/* ---------------------------------------------------------------- files */

/* 0 loaded, 1 not readable, 2 the server failed */
static int
load_file(const char *path)
{
	static Reader r;
	Load		l;
	PGconn	   *conn = conns[0].conn;
	PGresult   *res;
	const char *params[3];
	int			fd;
	bool		is_stdin = strcmp(path, "-") == 0;

	memset(&l, 0, sizeof(l));
	l.source = is_stdin ? "(standard input)" : path;
	fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	if (fd < 0)
	{
		fprintf(stderr, "srm-load: could not open %s: %s\n", path, strerror(errno));
		return 1;
	}
	memset(&r, 0, sizeof(r));
	r.name = l.source;
	r.pushback = -1;
	r.gz = gzdopen(fd, "rb");
	if (r.gz == NULL)
	{
		fprintf(stderr, "srm-load: could not read %s\n", path);
		close(fd);
		return 1;
	}
	gzbuffer(r.gz, READ_BUFFER);

	params[0] = l.source;
	res = PQexecParams(conn, "SELECT srm_internal.config_load_begin($1)", 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		server_error(&l, &conns[0], res, "starting the load");
		PQclear(res);
		gzclose(r.gz);
		return 2;
	}
	snprintf(l.lid, sizeof(l.lid), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);
	/* the first connection's work tables are ready, the others' on their
	 * first batch of this file */
	for (int i = 0; i < jobs; i++)
		conns[i].ready = i == 0;

	scan_input(&r, &l);
	gzclose(r.gz);
	if (!l.failed && l.pending.items > 0)
		pending_replay(&l);
	free(l.pending.b.data);
	for (int i = 0; i < jobs; i++)
	{
		pump(&l, &conns[i], true);
		if (!l.failed)
			batch_flush(&l, &conns[i]);
	}
	/* every merge ended (each failure reported), no COPY left open */
	for (int i = 0; i < jobs; i++)
	{
		wait_merge(&l, &conns[i]);
		copy_abort(&conns[i]);
		queue_clear(&conns[i].queue);
	}
	if (l.failed)
		return 2;

	params[0] = l.lid;
	params[1] = l.file_version[0] ? l.file_version : NULL;
	params[2] = l.snapshot_id[0] ? l.snapshot_id : NULL;
	res = PQexecParams(conn,
					   "SELECT load_id, items_read, assets_inserted, assets_updated, items_rejected, unknown_types "
					   "FROM srm_internal.config_load_end($1::bigint, $2, $3)",
					   3, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK || PQntuples(res) != 1)
	{
		server_error(&l, &conns[0], res, "ending the load");
		PQclear(res);
		return 2;
	}
	assets_changed += atoll(PQgetvalue(res, 0, 2)) + atoll(PQgetvalue(res, 0, 3));
	if (!quiet)
		printf("srm load %s (%s): %s items read = %s assets inserted + %s updated + %s rejected; %s of unknown resource types kept%s\n",
			   PQgetvalue(res, 0, 0), l.source, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
			   PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 5),
			   r.error ? " (the file could not be read to its end)" : "");
	fflush(stdout);
	PQclear(res);
	return r.error ? 1 : 0;
}

/*
 * Whether connection i was lost while it was being set up (the server shut
 * down, the backend terminated): the setup statements' own failures do not
 * matter, a connection already gone does, and is said at once, with the
 * server's message, rather than as a failure later on.  Closes connections
 * 0..i when so.
 */
static bool
connection_lost_at_start(Conn *cs, int i, int n)
{
	if (PQstatus(cs[i].conn) == CONNECTION_OK)
		return false;
	fprintf(stderr, "srm-load: connection %d of %d lost before the load: %s", i + 1, n, PQerrorMessage(cs[i].conn));
	for (int k = 0; k <= i; k++)
	{
		PQfinish(cs[k].conn);
		free(cs[k].out);
	}
	return true;
}

static void
usage(void)
{
	printf("srm-load loads AWS Config data, Azure Resource Graph exports and Google\n"
		   "Cloud Asset Inventory exports into srm.asset.\n\n"
		   "Usage:\n"
		   "  srm-load [OPTION]... [FILE]...\n\n"
		   "FILE: an AWS Config snapshot or history file ({\"configurationItems\": [...]}),\n"
		   "Config API output (configurationItems, baseConfigurationItems, or the\n"
		   "\"Results\" of select-resource-config), an array of items or one item per\n"
		   "line (NDJSON); an Azure Resource Graph export (az graph query -o json:\n"
		   "{\"data\": [...]}, or rows with an ARM \"id\" and a \"type\"); gzipped or\n"
		   "not; \"-\" or none for standard input.\n"
		   "A file of Google Cloud Asset Inventory assets (\"name\": \"//...\" and an\n"
		   "\"asset_type\"), as gcloud asset export writes them one per line, loads as\n"
		   "srm.load_asset_inventory loads assets.\n\n"
		   "Options:\n"
		   "  -h, --host=HOST          database server host or socket directory\n"
		   "  -p, --port=PORT          database server port\n"
		   "  -U, --username=USER      database user name\n"
		   "  -d, --dbname=DBNAME      database name or connection string\n"
		   "  -b, --batch=N            items merged per batch (default %d)\n"
		   "  -j, --jobs=N             connections that load a file's AWS Config items\n"
		   "                           side by side, each item over the one its\n"
		   "                           account and resource id hash to (1 to %d,\n"
		   "                           default %d); Azure and Google Cloud exports\n"
		   "                           load over one connection whatever N (the\n"
		   "                           Google merge matches project numbers to\n"
		   "                           project ids across batches)\n"
		   "      --max-item-bytes=N   longest item taken (default %d)\n"
		   "  -q, --quiet              print no per-file counts\n"
		   "  -V, --version            print the version and exit\n"
		   "  -?, --help               show this help and exit\n\n"
		   "libpq's environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, ...)\n"
		   "applies as in psql.  Items that cannot be assets are rejected, each kept\n"
		   "with its reason in srm.asset_load_rejection.  Exit status: 0 when every\n"
		   "file was loaded, 1 when a file could not be read, 2 when the server could\n"
		   "not be reached or failed.\n",
		   batch_items, MAX_JOBS, jobs, DEFAULT_MAX_ITEM);
}

int
main(int argc, char **argv)
{
	static const struct option long_options[] = {
		{"host", required_argument, NULL, 'h'},
		{"port", required_argument, NULL, 'p'},
		{"username", required_argument, NULL, 'U'},
		{"dbname", required_argument, NULL, 'd'},
		{"batch", required_argument, NULL, 'b'},
		{"jobs", required_argument, NULL, 'j'},
		{"max-item-bytes", required_argument, NULL, 1},
		{"quiet", no_argument, NULL, 'q'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, '?'},
		{NULL, 0, NULL, 0}
	};
	const char *keywords[6];
	const char *values[6];
	const char *host = NULL, *port = NULL, *user = NULL, *dbname = NULL;
	PGconn	   *conn;
	PGresult   *res;
	int			c, status = 0, n = 0;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0))
	{
		usage();
		return 0;
	}
	while ((c = getopt_long(argc, argv, "h:p:U:d:b:j:qV", long_options, NULL)) != -1)
	{
		switch (c)
		{
			case 'h': host = optarg; break;
			case 'p': port = optarg; break;
			case 'U': user = optarg; break;
			case 'd': dbname = optarg; break;
			case 'b':
				batch_items = atoi(optarg);
				if (batch_items < 1)
				{
					fprintf(stderr, "srm-load: --batch must be a positive number, not \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'j':
				{
					char	   *end;
					long		v;

					errno = 0;
					v = strtol(optarg, &end, 10);
					if (errno != 0 || end == optarg || *end != '\0' || v < 1 || v > MAX_JOBS)
					{
						fprintf(stderr, "srm-load: --jobs must be a number from 1 to %d, not \"%s\"\n", MAX_JOBS, optarg);
						return 2;
					}
					jobs = (int) v;
				}
				break;
			case 1:
				max_item = strtoull(optarg, NULL, 10);
				if (max_item < 1024 || max_item > 512 * 1024 * 1024)
				{
					fprintf(stderr, "srm-load: --max-item-bytes must be between 1024 and 536870912\n");
					return 2;
				}
				break;
			case 'q': quiet = true; break;
			case 'V': printf("srm-load (srm) %s\n", SRM_LOAD_VERSION); return 0;
			case '?':
				if (optopt == 0 || optopt == '?')
				{
					usage();
					return 0;
				}
				fprintf(stderr, "Try \"srm-load --help\" for more information.\n");
				return 2;
			default:
				fprintf(stderr, "Try \"srm-load --help\" for more information.\n");
				return 2;
		}
	}

	keywords[n] = "host", values[n++] = host;
	keywords[n] = "port", values[n++] = port;
	keywords[n] = "user", values[n++] = user;
	keywords[n] = "dbname", values[n++] = dbname;
	keywords[n] = "fallback_application_name", values[n++] = "srm-load";
	keywords[n] = NULL, values[n] = NULL;
	for (int i = 0; i < jobs; i++)
	{
		conns[i].conn = conn = PQconnectdbParams(keywords, values, 1);
		if (PQstatus(conn) != CONNECTION_OK)
		{
			fprintf(stderr, "srm-load: %s", PQerrorMessage(conn));
			for (int k = 0; k <= i; k++)
				PQfinish(conns[k].conn);
			return 2;
		}
		res = PQexec(conn, "SET client_encoding = 'UTF8'");
		PQclear(res);
		if (connection_lost_at_start(conns, i, jobs))
			return 2;
		/*
		 * A batch's work tables (about 2 x 10 MB at the default batch) in
		 * the session's temporary buffers rather than written out and read
		 * back: 32 MB unless the session has more.  Possible only before
		 * the session's first temporary table, so done here; where it
		 * fails the load runs as before.
		 */
		res = PQexec(conn, "SELECT pg_catalog.set_config('temp_buffers', '32MB', false) "
					 "FROM pg_catalog.pg_settings WHERE name = 'temp_buffers' AND setting::integer < 4096");
		PQclear(res);
		if (connection_lost_at_start(conns, i, jobs))
			return 2;
		/*
		 * The backend keeps one batch's memory for the next rather than
		 * faulting it in again (srm_internal.load_memory, since 0.12.0;
		 * with an older srm on the server the load runs as before).
		 */
		res = PQexec(conn, "DO $$BEGIN IF pg_catalog.to_regprocedure('srm_internal.load_memory()') IS NOT NULL "
					 "THEN PERFORM srm_internal.load_memory(); END IF; END$$");
		PQclear(res);
		if (connection_lost_at_start(conns, i, jobs))
			return 2;
		conns[i].out = malloc(COPY_BUFFER);
		if (conns[i].out == NULL)
			die_oom();
	}
	conn = conns[0].conn;

	if (optind >= argc)
		status = load_file("-");
	for (int i = optind; i < argc; i++)
	{
		int			s = load_file(argv[i]);
		bool		lost = false;

		if (s > status)
			status = s;
		for (int k = 0; k < jobs; k++)
			lost |= PQstatus(conns[k].conn) != CONNECTION_OK;
		if (s == 2 && lost)
			break;
	}
	if (PQstatus(conn) == CONNECTION_OK)
	{
		/*
		 * statistics for the audits that follow, when the files changed
		 * enough of srm.asset: the server applies autovacuum's rule
		 * (srm_internal.analyze_after_load); an srm older than 0.9.0 has no
		 * such function, and srm.asset is then analyzed as before
		 */
		char		changed[32];
		const char *params[1] = {changed};

		snprintf(changed, sizeof(changed), "%lld", assets_changed);
		res = PQexecParams(conn, "SELECT srm_internal.analyze_after_load($1::bigint)", 1, NULL, params, NULL, NULL, 0);
		if (PQresultStatus(res) != PGRES_TUPLES_OK)
		{
			const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);

			if (state != NULL && strcmp(state, "42883") == 0)
			{
				PQclear(res);
				res = PQexec(conn, "ANALYZE srm.asset");
			}
		}
		PQclear(res);
	}
	for (int i = 0; i < jobs; i++)
	{
		PQfinish(conns[i].conn);
		free(conns[i].out);
	}
	return status;
}
