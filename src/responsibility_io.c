/*
 * responsibility_io.c
 *    Parser and printer for responsibility text.  No PostgreSQL headers:
 *    see responsibility_io.h.
 *
 * Grammar (case-insensitive; white space allowed between tokens):
 *
 *    value      := "not applicable" | "not-applicable" | "n/a"
 *                | part ( sep part )*
 *    part       := "provider" [ quals ] | "customer" [ quals ] | "partner"
 *                | "inherited" | "shared" | "customer-specific"
 *    quals      := "(" qualifier ( sep qualifier )* ")"
 *    sep        := "," | "+"
 *
 * Provider qualifiers are corporate and system, customer qualifiers are
 * configured and provided.  A party may be named once (aliases count as
 * naming their parties), and "not applicable" stands alone.
 */
#include "responsibility_io.h"

#include <string.h>

/*
 * The masks in sort order (class, then mask value), and the inverse.
 * test/fuzz/check_tables.c and sql/laws.sql verify both.
 */
const uint8_t srm_mask_of_ord[256] = {
	/* not applicable */
	0x00,
	/* inherited: no customer part */
	0x01, 0x03, 0x05, 0x07, 0x40, 0x41, 0x43, 0x45, 0x47,
	/* shared: customer with provider or partner */
	0x09, 0x0b, 0x0d, 0x0f, 0x19, 0x1b, 0x1d, 0x1f, 0x29, 0x2b, 0x2d, 0x2f,
	0x39, 0x3b, 0x3d, 0x3f, 0x48, 0x49, 0x4b, 0x4d, 0x4f, 0x58, 0x59, 0x5b,
	0x5d, 0x5f, 0x68, 0x69, 0x6b, 0x6d, 0x6f, 0x78, 0x79, 0x7b, 0x7d, 0x7f,
	/* customer-specific: customer alone */
	0x08, 0x18, 0x28, 0x38
};

#define X SRM_INVALID_ORD
const uint8_t srm_ord_of_mask[128] = {
	0, 1, X, 2, X, 3, X, 4, 46, 10, X, 11, X, 12, X, 13,
	X, X, X, X, X, X, X, X, 47, 14, X, 15, X, 16, X, 17,
	X, X, X, X, X, X, X, X, 48, 18, X, 19, X, 20, X, 21,
	X, X, X, X, X, X, X, X, 49, 22, X, 23, X, 24, X, 25,
	5, 6, X, 7, X, 8, X, 9, 26, 27, X, 28, X, 29, X, 30,
	X, X, X, X, X, X, X, X, 31, 32, X, 33, X, 34, X, 35,
	X, X, X, X, X, X, X, X, 36, 37, X, 38, X, 39, X, 40,
	X, X, X, X, X, X, X, X, 41, 42, X, 43, X, 44, X, 45
};
#undef X

const char *const srm_valid_words =
	"Valid words are the parties provider, customer and partner; "
	"the qualifiers corporate and system (of provider) and configured and provided (of customer), "
	"in parentheses after their party, as in \"provider (system), customer (configured)\"; "
	"the aliases inherited, shared and customer-specific; "
	"and \"not applicable\" (or not-applicable, n/a) alone. "
	"Separate parts with \",\" or \"+\".";

/* ---------------------------------------------------------------- tokens */

typedef enum tok_kind
{
	TOK_END,
	TOK_WORD,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_SEP
} tok_kind;

typedef struct token
{
	tok_kind	kind;
	size_t		start;
	size_t		len;
} token;

typedef struct lexer
{
	const char *s;
	size_t		len;
	size_t		pos;
} lexer;

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool
is_punct(unsigned char c)
{
	return c == '(' || c == ')' || c == ',' || c == '+';
}

static token
next_token(lexer *lx)
{
	token		t;

	while (lx->pos < lx->len && is_space((unsigned char) lx->s[lx->pos]))
		lx->pos++;
	t.start = lx->pos;
	t.len = 0;
	if (lx->pos >= lx->len)
	{
		t.kind = TOK_END;
		return t;
	}
	switch (lx->s[lx->pos])
	{
		case '(':
			t.kind = TOK_LPAREN;
			break;
		case ')':
			t.kind = TOK_RPAREN;
			break;
		case ',':
		case '+':
			t.kind = TOK_SEP;
			break;
		default:
			/* a word runs to the next space or punctuation, whatever it holds */
			t.kind = TOK_WORD;
			while (lx->pos < lx->len &&
				   !is_space((unsigned char) lx->s[lx->pos]) &&
				   !is_punct((unsigned char) lx->s[lx->pos]))
				lx->pos++;
			t.len = lx->pos - t.start;
			return t;
	}
	lx->pos++;
	t.len = 1;
	return t;
}

/* ----------------------------------------------------------------- words */

typedef enum word_kind
{
	WORD_UNKNOWN,
	WORD_PARTY,					/* takes qualifiers if quals != 0 */
	WORD_ALIAS,					/* stands for parties, takes no qualifiers */
	WORD_QUALIFIER,
	WORD_NOT_APPLICABLE,
	WORD_NOT					/* first half of "not applicable" */
} word_kind;

typedef struct word_def
{
	const char *text;
	word_kind	kind;
	uint8_t		mask;			/* bits the word sets */
	uint8_t		owner;			/* party a qualifier belongs to; quals a party takes */
} word_def;

static const word_def words[] = {
	{"provider", WORD_PARTY, SRM_PROVIDER, SRM_PROVIDER_QUALS},
	{"customer", WORD_PARTY, SRM_CUSTOMER, SRM_CUSTOMER_QUALS},
	{"partner", WORD_PARTY, SRM_PARTNER, 0},
	{"corporate", WORD_QUALIFIER, SRM_PROVIDER_CORPORATE, SRM_PROVIDER},
	{"system", WORD_QUALIFIER, SRM_PROVIDER_SYSTEM, SRM_PROVIDER},
	{"configured", WORD_QUALIFIER, SRM_CUSTOMER_CONFIGURED, SRM_CUSTOMER},
	{"provided", WORD_QUALIFIER, SRM_CUSTOMER_PROVIDED, SRM_CUSTOMER},
	{"inherited", WORD_ALIAS, SRM_PROVIDER, 0},
	{"shared", WORD_ALIAS, SRM_PROVIDER | SRM_CUSTOMER, 0},
	{"customer-specific", WORD_ALIAS, SRM_CUSTOMER, 0},
	{"not-applicable", WORD_NOT_APPLICABLE, 0, 0},
	{"n/a", WORD_NOT_APPLICABLE, 0, 0},
	{"not", WORD_NOT, 0, 0},
};

static const word_def unknown_word = {NULL, WORD_UNKNOWN, 0, 0};

static unsigned char
ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char) (c + ('a' - 'A')) : c;
}

static bool
word_equals(const char *s, size_t len, const char *lit)
{
	size_t		i;

	for (i = 0; i < len; i++)
	{
		if (lit[i] == '\0' || ascii_lower((unsigned char) s[i]) != (unsigned char) lit[i])
			return false;
	}
	return lit[len] == '\0';
}

static const word_def *
lookup_word(const lexer *lx, token t)
{
	size_t		i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
	{
		if (word_equals(lx->s + t.start, t.len, words[i].text))
			return &words[i];
	}
	return &unknown_word;
}

/* ---------------------------------------------------------------- parser */

static bool
fail(srm_parse_error *err, srm_parse_code code, token t)
{
	err->code = code;
	err->start = t.start;
	err->length = t.len;
	return false;
}

/*
 * Parse "( qualifier [sep qualifier]* )" after a party; the "(" has been
 * read.  Adds the qualifier bits to *mask.
 */
static bool
parse_qualifiers(lexer *lx, const word_def *party, token open,
				 uint8_t *mask, srm_parse_error *err)
{
	uint8_t		seen = 0;
	token		t = next_token(lx);

	if (t.kind == TOK_RPAREN)
		return fail(err, SRM_PARSE_EMPTY_QUALIFIERS, t);

	for (;;)
	{
		const word_def *w;

		/* expect a qualifier */
		switch (t.kind)
		{
			case TOK_END:
				return fail(err, SRM_PARSE_UNCLOSED_PARENTHESIS, open);
			case TOK_SEP:
			case TOK_RPAREN:
				return fail(err, t.kind == TOK_SEP ? SRM_PARSE_STRAY_SEPARATOR
							: SRM_PARSE_STRAY_PARENTHESIS, t);
			case TOK_LPAREN:
				return fail(err, SRM_PARSE_STRAY_PARENTHESIS, t);
			case TOK_WORD:
				break;
		}
		w = lookup_word(lx, t);
		if (w->kind == WORD_UNKNOWN)
			return fail(err, SRM_PARSE_UNKNOWN_WORD, t);
		if (w->kind != WORD_QUALIFIER)
			return fail(err, SRM_PARSE_NOT_A_QUALIFIER, t);
		if (w->owner != party->mask)
			return fail(err, SRM_PARSE_WRONG_QUALIFIER, t);
		if (seen & w->mask)
			return fail(err, SRM_PARSE_DUPLICATE_QUALIFIER, t);
		seen |= w->mask;

		/* expect ")" or a separator */
		t = next_token(lx);
		switch (t.kind)
		{
			case TOK_RPAREN:
				*mask |= seen;
				return true;
			case TOK_SEP:
				{
					token		sep = t;

					t = next_token(lx);
					if (t.kind == TOK_RPAREN || t.kind == TOK_SEP)
						return fail(err, SRM_PARSE_STRAY_SEPARATOR,
									t.kind == TOK_SEP ? t : sep);
					continue;
				}
			case TOK_END:
				return fail(err, SRM_PARSE_UNCLOSED_PARENTHESIS, open);
			case TOK_WORD:
				return fail(err, SRM_PARSE_MISSING_SEPARATOR, t);
			case TOK_LPAREN:
				return fail(err, SRM_PARSE_STRAY_PARENTHESIS, t);
		}
	}
}

bool
srm_parse(const char *s, size_t len, uint8_t *mask, srm_parse_error *err)
{
	lexer		lx = {s, len, 0};
	uint8_t		result = 0;
	uint8_t		named = 0;		/* parties named so far */
	bool		not_applicable = false;
	bool		any_part = false;
	token		t = next_token(&lx);
	token		last_sep = t;

	if (t.kind == TOK_END)
	{
		t.start = 0;
		t.len = len;
		return fail(err, SRM_PARSE_EMPTY, t);
	}

	for (;;)
	{
		const word_def *w;
		token		part = t;

		/* expect a part */
		switch (t.kind)
		{
			case TOK_END:
				/* only reached after a separator */
				return fail(err, SRM_PARSE_STRAY_SEPARATOR, last_sep);
			case TOK_SEP:
				return fail(err, SRM_PARSE_STRAY_SEPARATOR, t);
			case TOK_LPAREN:
			case TOK_RPAREN:
				return fail(err, SRM_PARSE_STRAY_PARENTHESIS, t);
			case TOK_WORD:
				break;
		}

		w = lookup_word(&lx, t);
		if (w->kind == WORD_NOT)
		{
			size_t		save = lx.pos;
			token		t2 = next_token(&lx);

			if (t2.kind == TOK_WORD && word_equals(s + t2.start, t2.len, "applicable"))
			{
				static const word_def na = {"not applicable", WORD_NOT_APPLICABLE, 0, 0};

				w = &na;
				part.len = t2.start + t2.len - part.start;
			}
			else
			{
				lx.pos = save;
				w = &unknown_word;
			}
		}

		switch (w->kind)
		{
			case WORD_UNKNOWN:
			case WORD_NOT:
				return fail(err, SRM_PARSE_UNKNOWN_WORD, part);
			case WORD_QUALIFIER:
				return fail(err, SRM_PARSE_QUALIFIER_ALONE, part);
			case WORD_NOT_APPLICABLE:
				if (not_applicable)
					return fail(err, SRM_PARSE_DUPLICATE_PARTY, part);
				if (any_part)
					return fail(err, SRM_PARSE_NOT_APPLICABLE_WITH_PARTY, part);
				not_applicable = true;
				break;
			case WORD_PARTY:
			case WORD_ALIAS:
				if (not_applicable)
					return fail(err, SRM_PARSE_NOT_APPLICABLE_WITH_PARTY, part);
				if (named & w->mask)
					return fail(err, SRM_PARSE_DUPLICATE_PARTY, part);
				named |= w->mask;
				result |= w->mask;
				any_part = true;
				break;
		}

		/* after a part: qualifiers, a separator or the end */
		t = next_token(&lx);
		if (t.kind == TOK_LPAREN)
		{
			if (w->kind != WORD_PARTY || w->owner == 0)
				return fail(err, SRM_PARSE_QUALIFIED_ALIAS, part);
			if (!parse_qualifiers(&lx, w, t, &result, err))
				return false;
			t = next_token(&lx);
		}
		switch (t.kind)
		{
			case TOK_END:
				*mask = result;
				return true;
			case TOK_SEP:
				last_sep = t;
				t = next_token(&lx);
				continue;
			case TOK_WORD:
				return fail(err, SRM_PARSE_MISSING_SEPARATOR, t);
			case TOK_LPAREN:
			case TOK_RPAREN:
				return fail(err, SRM_PARSE_STRAY_PARENTHESIS, t);
		}
	}
}

/* --------------------------------------------------------------- printer */

static size_t
append(char *buf, size_t pos, const char *lit)
{
	size_t		n = strlen(lit);

	memcpy(buf + pos, lit, n);
	return pos + n;
}

static size_t
append_party(char *buf, size_t pos, const char *name,
			 const char *q1, bool has_q1, const char *q2, bool has_q2)
{
	if (pos > 0)
		pos = append(buf, pos, ", ");
	pos = append(buf, pos, name);
	if (has_q1 || has_q2)
	{
		pos = append(buf, pos, " (");
		if (has_q1)
			pos = append(buf, pos, q1);
		if (has_q1 && has_q2)
			pos = append(buf, pos, ", ");
		if (has_q2)
			pos = append(buf, pos, q2);
		pos = append(buf, pos, ")");
	}
	return pos;
}

size_t
srm_format(uint8_t mask, char *buf)
{
	size_t		pos = 0;

	if (mask == SRM_NOT_APPLICABLE)
		pos = append(buf, pos, "not applicable");
	if (mask & SRM_PROVIDER)
		pos = append_party(buf, pos, "provider",
						   "corporate", mask & SRM_PROVIDER_CORPORATE,
						   "system", mask & SRM_PROVIDER_SYSTEM);
	if (mask & SRM_CUSTOMER)
		pos = append_party(buf, pos, "customer",
						   "configured", mask & SRM_CUSTOMER_CONFIGURED,
						   "provided", mask & SRM_CUSTOMER_PROVIDED);
	if (mask & SRM_PARTNER)
		pos = append_party(buf, pos, "partner", "", false, "", false);
	buf[pos] = '\0';
	return pos;
}
