/*
 * vocabulary.c
 *    Mappings between srm.responsibility and the words of other
 *    vocabularies: CSA CCM v4 SSRM control ownership, FedRAMP / OSCAL
 *    control origination, and OSCAL SSP export (provided / responsibility).
 *
 * The README has a table of every mapping; sql/vocabulary.sql checks each
 * row of it and that every word round-trips.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "responsibility.h"

PG_FUNCTION_INFO_V1(responsibility_csa_ownership);
PG_FUNCTION_INFO_V1(responsibility_from_csa);
PG_FUNCTION_INFO_V1(responsibility_fedramp_origination);
PG_FUNCTION_INFO_V1(responsibility_from_fedramp);
PG_FUNCTION_INFO_V1(responsibility_oscal_export);

#define PARTIES(mask) ((mask) & (SRM_PROVIDER | SRM_CUSTOMER | SRM_PARTNER))

/*
 * Words are compared case-insensitively, with leading and trailing white
 * space ignored and inner runs of white space read as one space.
 */
static char *
normalize_word(const char *s, int len)
{
	char	   *out = palloc(len + 1);
	int			n = 0;
	bool		space = false;
	int			i;

	for (i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
		{
			space = (n > 0);
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = false;
		out[n++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : (char) c;
	}
	out[n] = '\0';
	return out;
}

static Datum
text_array(const char *const *words, int n)
{
	Datum		elems[8];
	int			i;

	Assert(n <= (int) lengthof(elems));
	for (i = 0; i < n; i++)
		elems[i] = CStringGetTextDatum(words[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* -------------------------------------------------------- CSA CCM v4 SSRM */

typedef struct csa_word
{
	const char *word;			/* as CSA spells it */
	const char *normalized;		/* lower case, as normalize_word() leaves it */
	const char *spelled_out;	/* with "third-party" for "3rd-party" */
	uint8_t		parties;
} csa_word;

static const csa_word csa_words[] = {
	{"CSP-owned", "csp-owned", "csp-owned", SRM_PROVIDER},
	{"CSC-owned", "csc-owned", "csc-owned", SRM_CUSTOMER},
	{"3rd-party outsourced", "3rd-party outsourced", "third-party outsourced", SRM_PARTNER},
	{"Shared CSP and CSC", "shared csp and csc", "shared csp and csc", SRM_PROVIDER | SRM_CUSTOMER},
	{"Shared CSP and 3rd-party", "shared csp and 3rd-party", "shared csp and third-party",
	SRM_PROVIDER | SRM_PARTNER},
};

#define CSA_HINT "CSA CCM v4 ownership is one of CSP-owned, CSC-owned, 3rd-party outsourced, " \
	"Shared CSP and CSC, Shared CSP and 3rd-party (\"third-party\" is read as \"3rd-party\")."

Datum
responsibility_csa_ownership(PG_FUNCTION_ARGS)
{
	uint8_t		mask = PG_GETARG_RESPONSIBILITY_MASK(0);
	int			i;

	for (i = 0; i < (int) lengthof(csa_words); i++)
	{
		if (csa_words[i].parties == PARTIES(mask))
			PG_RETURN_TEXT_P(cstring_to_text(csa_words[i].word));
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("responsibility %s has no CSA CCM ownership word",
					responsibility_mask_name(mask)),
			 errdetail("CSA CCM v4 names the provider, the customer, a third party, "
					   "provider with customer, and provider with a third party; "
					   "it has no word for a control that does not apply, nor for "
					   "a customer sharing with a third party."),
			 errhint("Map such values yourself (for example with CASE) before asking for CSA words.")));
	PG_RETURN_NULL();			/* not reached */
}

Datum
responsibility_from_csa(PG_FUNCTION_ARGS)
{
	text	   *arg = PG_GETARG_TEXT_PP(0);
	char	   *word = normalize_word(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg));
	int			i;

	for (i = 0; i < (int) lengthof(csa_words); i++)
	{
		if (strcmp(word, csa_words[i].normalized) == 0 ||
			strcmp(word, csa_words[i].spelled_out) == 0)
			PG_RETURN_RESPONSIBILITY_MASK(csa_words[i].parties);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown CSA CCM ownership \"%s\"", text_to_cstring(arg)),
			 errhint(CSA_HINT)));
	PG_RETURN_NULL();			/* not reached */
}

/* ---------------------------------------------- FedRAMP control origination */

typedef enum perspective
{
	PERSPECTIVE_CUSTOMER,
	PERSPECTIVE_PROVIDER
} perspective;

static perspective
get_perspective(text *arg)
{
	char	   *p = normalize_word(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg));

	if (strcmp(p, "customer") == 0)
		return PERSPECTIVE_CUSTOMER;
	if (strcmp(p, "provider") == 0)
		return PERSPECTIVE_PROVIDER;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("unknown perspective \"%s\"", text_to_cstring(arg)),
			 errhint("The perspective is 'customer' (the cloud customer's system security plan, "
					 "the default) or 'provider' (the cloud provider's).")));
	return PERSPECTIVE_CUSTOMER;	/* not reached */
}

/* the words in output order */
enum
{
	FR_SP_CORPORATE,
	FR_SP_SYSTEM,
	FR_CUSTOMER_CONFIGURED,
	FR_CUSTOMER_PROVIDED,
	FR_INHERITED,
	FR_NWORDS
};

static const char *const fedramp_words[FR_NWORDS] = {
	"sp-corporate", "sp-system", "customer-configured", "customer-provided", "inherited"
};

#define FEDRAMP_HINT "Control origination words are sp-corporate, sp-system, customer-configured, " \
	"customer-provided and inherited; in the customer's perspective the provider's part is inherited."

Datum
responsibility_fedramp_origination(PG_FUNCTION_ARGS)
{
	uint8_t		mask = PG_GETARG_RESPONSIBILITY_MASK(0);
	perspective persp = get_perspective(PG_GETARG_TEXT_PP(1));
	bool		word[FR_NWORDS] = {false};
	const char *out[FR_NWORDS];
	int			n = 0;
	int			i;

	if (mask & SRM_PROVIDER)
	{
		if (persp == PERSPECTIVE_CUSTOMER)
			word[FR_INHERITED] = true;
		else
		{
			word[FR_SP_CORPORATE] = (mask & SRM_PROVIDER_CORPORATE) != 0;
			/* a provider part not said to be corporate-wide is the system's */
			word[FR_SP_SYSTEM] = (mask & SRM_PROVIDER_SYSTEM) != 0 ||
				!(mask & SRM_PROVIDER_QUALS);
		}
	}
	if (mask & SRM_CUSTOMER)
	{
		word[FR_CUSTOMER_CONFIGURED] = (mask & SRM_CUSTOMER_CONFIGURED) != 0;
		/* a customer part not said to be configured is provided by the customer */
		word[FR_CUSTOMER_PROVIDED] = (mask & SRM_CUSTOMER_PROVIDED) != 0 ||
			!(mask & SRM_CUSTOMER_QUALS);
	}
	/* a third party's part reaches either plan through a leveraged authorization */
	if (mask & SRM_PARTNER)
		word[FR_INHERITED] = true;

	for (i = 0; i < FR_NWORDS; i++)
	{
		if (word[i])
			out[n++] = fedramp_words[i];
	}
	return text_array(out, n);
}

Datum
responsibility_from_fedramp(PG_FUNCTION_ARGS)
{
	ArrayType  *arr = PG_GETARG_ARRAYTYPE_P(0);
	perspective persp = get_perspective(PG_GETARG_TEXT_PP(1));
	Datum	   *elems;
	bool	   *nulls;
	int			nelems;
	bool		seen[FR_NWORDS] = {false};
	uint8_t		mask = 0;
	int			i;

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("control origination must be a one-dimensional array, not %d-dimensional",
						ARR_NDIM(arr))));
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &nelems);

	for (i = 0; i < nelems; i++)
	{
		text	   *t;
		char	   *w;
		int			k;

		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("control origination element %d is null", i + 1),
					 errhint(FEDRAMP_HINT)));
		t = DatumGetTextPP(elems[i]);
		w = normalize_word(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
		for (k = 0; k < FR_NWORDS; k++)
		{
			if (strcmp(w, fedramp_words[k]) == 0)
				break;
		}
		if (k == FR_NWORDS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown control origination \"%s\"", text_to_cstring(t)),
					 errhint(FEDRAMP_HINT)));
		if (seen[k])
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("control origination \"%s\" is given twice", fedramp_words[k])));
		seen[k] = true;

		switch (k)
		{
			case FR_SP_CORPORATE:
			case FR_SP_SYSTEM:
				if (persp == PERSPECTIVE_CUSTOMER)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
							 errmsg("control origination \"%s\" is not used in the customer's perspective",
									fedramp_words[k]),
							 errdetail("In the customer's system security plan the cloud provider's part is \"inherited\"."),
							 errhint("Read the provider's own plan with perspective 'provider'.")));
				mask |= SRM_PROVIDER |
					(k == FR_SP_CORPORATE ? SRM_PROVIDER_CORPORATE : SRM_PROVIDER_SYSTEM);
				break;
			case FR_CUSTOMER_CONFIGURED:
				mask |= SRM_CUSTOMER | SRM_CUSTOMER_CONFIGURED;
				break;
			case FR_CUSTOMER_PROVIDED:
				mask |= SRM_CUSTOMER | SRM_CUSTOMER_PROVIDED;
				break;
			case FR_INHERITED:
				mask |= (persp == PERSPECTIVE_CUSTOMER) ? SRM_PROVIDER : SRM_PARTNER;
				break;
		}
	}
	PG_RETURN_RESPONSIBILITY_MASK(mask);
}

/* ------------------------------------------------------------ OSCAL export */

Datum
responsibility_oscal_export(PG_FUNCTION_ARGS)
{
	uint8_t		mask = PG_GETARG_RESPONSIBILITY_MASK(0);
	const char *out[2];
	int			n = 0;

	/* what the provider's system provides for leveraging systems to inherit */
	if (mask & SRM_PROVIDER)
		out[n++] = "provided";
	/* what it leaves to them */
	if (mask & SRM_CUSTOMER)
		out[n++] = "responsibility";
	return text_array(out, n);
}
