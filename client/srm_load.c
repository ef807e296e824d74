/*
 * srm-load: loads AWS Config data of any size into srm.asset.
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

#define SRM_LOAD_VERSION "0.4.0"

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

typedef struct Load
{
	PGconn	   *conn;
	Shape		shape;
	const char *source;
	char		lid[32];
	int			idx;			/* index of the next item in the file */
	int			in_batch;		/* items sent in the open COPY */
	size_t		batch_bytes;
	bool		copying;
	bool		failed;			/* the server failed: stop this file */
	char	   *out;			/* COPY data not yet sent */
	size_t		out_len;
	char		file_version[128];
	char		snapshot_id[128];
} Load;

static int	batch_items = 10000;
static size_t batch_bytes_max = 64 * 1024 * 1024;
static size_t max_item = DEFAULT_MAX_ITEM;
static bool quiet = false;

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
server_error(Load *l, PGresult *res, const char *what)
{
	fprintf(stderr, "srm-load: %s: %s: %s", l->source, what,
			res ? PQresultErrorMessage(res) : PQerrorMessage(l->conn));
	l->failed = true;
}

static bool
send_out(Load *l)
{
	if (l->out_len > 0 && PQputCopyData(l->conn, l->out, (int) l->out_len) != 1)
	{
		server_error(l, NULL, "COPY");
		return false;
	}
	l->out_len = 0;
	return true;
}

static bool
out_put(Load *l, const void *data, size_t n)
{
	if (l->out_len + n > COPY_BUFFER)
	{
		if (!send_out(l))
			return false;
		if (n > COPY_BUFFER)
		{
			if (PQputCopyData(l->conn, data, (int) n) != 1)
			{
				server_error(l, NULL, "COPY");
				return false;
			}
			return true;
		}
	}
	memcpy(l->out + l->out_len, data, n);
	l->out_len += n;
	return true;
}

static bool
out_int32(Load *l, int32_t v)
{
	uint32_t	n = htonl((uint32_t) v);

	return out_put(l, &n, 4);
}

static bool
copy_start(Load *l)
{
	static const char header[] = "PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0";
	PGresult   *res = PQexec(l->conn, "COPY pg_temp.srm_load_raw (idx, item, reason) FROM STDIN (FORMAT binary)");

	if (PQresultStatus(res) != PGRES_COPY_IN)
	{
		server_error(l, res, "COPY");
		PQclear(res);
		return false;
	}
	PQclear(res);
	l->copying = true;
	l->in_batch = 0;
	l->batch_bytes = 0;
	return out_put(l, header, 19);
}

/* ends the open COPY and merges its batch */
static bool
batch_flush(Load *l)
{
	static const char trailer[] = "\377\377";
	PGresult   *res;
	const char *params[1];

	if (!l->copying)
		return true;
	l->copying = false;
	if (!out_put(l, trailer, 2) || !send_out(l))
		return false;
	if (PQputCopyEnd(l->conn, NULL) != 1)
	{
		server_error(l, NULL, "COPY");
		return false;
	}
	res = PQgetResult(l->conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
	{
		server_error(l, res, "COPY");
		PQclear(res);
		while ((res = PQgetResult(l->conn)) != NULL)
			PQclear(res);
		return false;
	}
	PQclear(res);
	while ((res = PQgetResult(l->conn)) != NULL)
		PQclear(res);
	if (l->shape == SHAPE_UNKNOWN)
		l->shape = SHAPE_CONFIG;
	params[0] = l->lid;
	res = PQexecParams(l->conn,
					   l->shape == SHAPE_RESOURCE_GRAPH ? "SELECT srm_internal.resource_graph_load_batch($1::bigint)"
					   : l->shape == SHAPE_GCP ? "SELECT srm_internal.asset_inventory_load_batch($1::bigint)"
					   : "SELECT srm_internal.config_load_batch($1::bigint)",
					   1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		server_error(l, res, "merging a batch");
		PQclear(res);
		return false;
	}
	PQclear(res);
	return true;
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

	if (!l->copying && !copy_start(l))
		return;
	{
		unsigned char head[2] = {0, 3};

		if (!out_put(l, head, 2) || !out_int32(l, 4) || !out_int32(l, idx) ||
			!out_int32(l, (int32_t) len) || !out_put(l, b->data, len))
			return;
		if (rejected)
		{
			if (!out_int32(l, (int32_t) strlen(reason)) || !out_put(l, reason, strlen(reason)))
				return;
		}
		else if (!out_int32(l, -1))
			return;
	}
	l->in_batch++;
	l->batch_bytes += len;
	if (l->in_batch >= batch_items || l->batch_bytes >= batch_bytes_max)
		batch_flush(l);
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
load_file(PGconn *conn, const char *path)
{
	static Reader r;
	Load		l;
	PGresult   *res;
	const char *params[3];
	int			fd;
	bool		is_stdin = strcmp(path, "-") == 0;

	memset(&l, 0, sizeof(l));
	l.conn = conn;
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
	l.out = malloc(COPY_BUFFER);
	if (l.out == NULL)
		die_oom();

	params[0] = l.source;
	res = PQexecParams(conn, "SELECT srm_internal.config_load_begin($1)", 1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
	{
		server_error(&l, res, "starting the load");
		PQclear(res);
		gzclose(r.gz);
		free(l.out);
		return 2;
	}
	snprintf(l.lid, sizeof(l.lid), "%s", PQgetvalue(res, 0, 0));
	PQclear(res);

	scan_input(&r, &l);
	gzclose(r.gz);
	if (!l.failed)
		batch_flush(&l);
	free(l.out);
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
		server_error(&l, res, "ending the load");
		PQclear(res);
		return 2;
	}
	if (!quiet)
		printf("srm load %s (%s): %s items read = %s assets inserted + %s updated + %s rejected; %s of unknown resource types kept%s\n",
			   PQgetvalue(res, 0, 0), l.source, PQgetvalue(res, 0, 1), PQgetvalue(res, 0, 2),
			   PQgetvalue(res, 0, 3), PQgetvalue(res, 0, 4), PQgetvalue(res, 0, 5),
			   r.error ? " (the file could not be read to its end)" : "");
	fflush(stdout);
	PQclear(res);
	return r.error ? 1 : 0;
}

static void
usage(void)
{
	printf("srm-load loads AWS Config data into srm.asset.\n\n"
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
		   "      --max-item-bytes=N   longest item taken (default %d)\n"
		   "  -q, --quiet              print no per-file counts\n"
		   "  -V, --version            print the version and exit\n"
		   "  -?, --help               show this help and exit\n\n"
		   "libpq's environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, ...)\n"
		   "applies as in psql.  Items that cannot be assets are rejected, each kept\n"
		   "with its reason in srm.asset_load_rejection.  Exit status: 0 when every\n"
		   "file was loaded, 1 when a file could not be read, 2 when the server could\n"
		   "not be reached or failed.\n",
		   batch_items, DEFAULT_MAX_ITEM);
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
	while ((c = getopt_long(argc, argv, "h:p:U:d:b:qV", long_options, NULL)) != -1)
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
	conn = PQconnectdbParams(keywords, values, 1);
	if (PQstatus(conn) != CONNECTION_OK)
	{
		fprintf(stderr, "srm-load: %s", PQerrorMessage(conn));
		PQfinish(conn);
		return 2;
	}
	res = PQexec(conn, "SET client_encoding = 'UTF8'");
	PQclear(res);

	if (optind >= argc)
		status = load_file(conn, "-");
	for (int i = optind; i < argc; i++)
	{
		int			s = load_file(conn, argv[i]);

		if (s > status)
			status = s;
		if (s == 2 && PQstatus(conn) != CONNECTION_OK)
			break;
	}
	if (PQstatus(conn) == CONNECTION_OK)
	{
		/* fresh statistics for the audits that follow a load */
		res = PQexec(conn, "ANALYZE srm.asset");
		PQclear(res);
	}
	PQfinish(conn);
	return status;
}
