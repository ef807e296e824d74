/*
 * responsibility_io.h
 *    The responsibility value space, its text parser and printer.
 *
 * Nothing here includes a PostgreSQL header: the parser and printer are
 * plain C so that they can be fuzzed outside the server (test/fuzz/).
 * The fmgr wrappers in responsibility.c translate results into Datums and
 * ereport()s.
 *
 * A responsibility is the set of parties that take part in a control, and
 * how.  Semantically it is a 7-bit mask:
 *
 *    provider  0x01   qualifiers: corporate 0x02, system 0x04
 *    customer  0x08   qualifiers: configured 0x10, provided 0x20
 *    partner   0x40
 *
 * A qualifier bit is only valid together with its party's bit.  The empty
 * set means that no party takes part: "not applicable".  That leaves 50
 * valid masks.
 *
 * On disk a value is one byte holding its *ordinal*: the position of the
 * mask in the sort order (customer burden: not applicable < inherited <
 * shared < customer-specific, ties broken by mask value).  Comparison and
 * hashing are therefore those of an unsigned byte, and the set operators
 * translate through the two tables below.
 */
#ifndef SRM_RESPONSIBILITY_IO_H
#define SRM_RESPONSIBILITY_IO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SRM_PROVIDER            0x01
#define SRM_PROVIDER_CORPORATE  0x02
#define SRM_PROVIDER_SYSTEM     0x04
#define SRM_CUSTOMER            0x08
#define SRM_CUSTOMER_CONFIGURED 0x10
#define SRM_CUSTOMER_PROVIDED   0x20
#define SRM_PARTNER             0x40

#define SRM_PROVIDER_QUALS  (SRM_PROVIDER_CORPORATE | SRM_PROVIDER_SYSTEM)
#define SRM_CUSTOMER_QUALS  (SRM_CUSTOMER_CONFIGURED | SRM_CUSTOMER_PROVIDED)
#define SRM_PROVIDER_ALL    (SRM_PROVIDER | SRM_PROVIDER_QUALS)
#define SRM_CUSTOMER_ALL    (SRM_CUSTOMER | SRM_CUSTOMER_QUALS)
#define SRM_ALL_BITS        0x7F

#define SRM_NOT_APPLICABLE  0x00

/* number of valid values, and the ordinal marking an invalid mask */
#define SRM_NVALUES         50
#define SRM_INVALID_ORD     0xFF

/* longest canonical text, including the terminating NUL */
#define SRM_TEXT_MAX        80

/* AWS classes, in sort order; equal to the enum srm.control_class */
typedef enum srm_class
{
	SRM_CLASS_NOT_APPLICABLE = 0,
	SRM_CLASS_INHERITED,
	SRM_CLASS_SHARED,
	SRM_CLASS_CUSTOMER_SPECIFIC
} srm_class;

/* first ordinal of each class; the last class ends at SRM_NVALUES */
#define SRM_FIRST_INHERITED_ORD         1
#define SRM_FIRST_SHARED_ORD            10
#define SRM_FIRST_CUSTOMER_SPECIFIC_ORD 46

/* indexed by any byte: entries past the valid ordinals are 0 */
extern const uint8_t srm_mask_of_ord[256];
extern const uint8_t srm_ord_of_mask[128];

static inline bool
srm_mask_is_valid(unsigned mask)
{
	return mask < 128 && srm_ord_of_mask[mask] != SRM_INVALID_ORD;
}

static inline bool
srm_ord_is_valid(unsigned ord)
{
	return ord < SRM_NVALUES;
}

static inline srm_class
srm_class_of_ord(uint8_t ord)
{
	if (ord >= SRM_FIRST_CUSTOMER_SPECIFIC_ORD)
		return SRM_CLASS_CUSTOMER_SPECIFIC;
	if (ord >= SRM_FIRST_SHARED_ORD)
		return SRM_CLASS_SHARED;
	if (ord >= SRM_FIRST_INHERITED_ORD)
		return SRM_CLASS_INHERITED;
	return SRM_CLASS_NOT_APPLICABLE;
}

/* the class of a mask by SPEC §2, computed from the bits (used by tests) */
static inline srm_class
srm_class_of_mask(uint8_t mask)
{
	if (mask == SRM_NOT_APPLICABLE)
		return SRM_CLASS_NOT_APPLICABLE;
	if (!(mask & SRM_CUSTOMER))
		return SRM_CLASS_INHERITED;
	if (mask & (SRM_PROVIDER | SRM_PARTNER))
		return SRM_CLASS_SHARED;
	return SRM_CLASS_CUSTOMER_SPECIFIC;
}

/*
 * Difference: take away from a the parts that b names.  A party that b
 * names without qualifiers is taken away whole; a party that b names with
 * qualifiers loses just those qualifiers, and goes when none are left.
 */
static inline uint8_t
srm_party_minus(uint8_t a, uint8_t b, uint8_t party, uint8_t quals)
{
	uint8_t		left;

	if (!(b & party))
		return a & (party | quals);
	if (!(b & quals))
		return 0;
	left = a & quals & ~b;
	return left ? (party | left) : 0;
}

static inline uint8_t
srm_mask_minus(uint8_t a, uint8_t b)
{
	return srm_party_minus(a, b, SRM_PROVIDER, SRM_PROVIDER_QUALS) |
		srm_party_minus(a, b, SRM_CUSTOMER, SRM_CUSTOMER_QUALS) |
		srm_party_minus(a, b, SRM_PARTNER, 0);
}

/* What went wrong in a parse, and where */
typedef enum srm_parse_code
{
	SRM_PARSE_OK = 0,
	SRM_PARSE_EMPTY,				/* nothing but white space */
	SRM_PARSE_UNKNOWN_WORD,			/* a word that is no party, qualifier or alias */
	SRM_PARSE_QUALIFIER_ALONE,		/* a qualifier where a party belongs */
	SRM_PARSE_NOT_A_QUALIFIER,		/* a non-qualifier word inside ( ) */
	SRM_PARSE_WRONG_QUALIFIER,		/* a qualifier of another party */
	SRM_PARSE_QUALIFIED_ALIAS,		/* ( ) after an alias or "partner" */
	SRM_PARSE_DUPLICATE_PARTY,		/* a party named twice */
	SRM_PARSE_DUPLICATE_QUALIFIER,	/* a qualifier named twice */
	SRM_PARSE_NOT_APPLICABLE_WITH_PARTY,	/* "not applicable" with a party */
	SRM_PARSE_STRAY_SEPARATOR,		/* leading, trailing or doubled , or + */
	SRM_PARSE_MISSING_SEPARATOR,	/* two parts with no , or + between */
	SRM_PARSE_EMPTY_QUALIFIERS,		/* "( )" */
	SRM_PARSE_UNCLOSED_PARENTHESIS,	/* "(" without ")" */
	SRM_PARSE_STRAY_PARENTHESIS		/* ")" or "(" where none belongs */
} srm_parse_code;

typedef struct srm_parse_error
{
	srm_parse_code code;
	size_t		start;			/* byte offset of the offending token */
	size_t		length;			/* its length in bytes (0 at end of input) */
} srm_parse_error;

/*
 * Parse len bytes of s.  On success store the mask in *mask and return
 * true; otherwise fill *err and return false.  Never reads past len.
 */
extern bool srm_parse(const char *s, size_t len, uint8_t *mask,
					  srm_parse_error *err);

/*
 * Print the canonical text of a valid mask into buf (at least
 * SRM_TEXT_MAX bytes), NUL-terminated; returns the length.
 */
extern size_t srm_format(uint8_t mask, char *buf);

/* One line naming every word the parser accepts, for hints. */
extern const char *const srm_valid_words;

#endif							/* SRM_RESPONSIBILITY_IO_H */
