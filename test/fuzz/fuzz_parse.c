/*
 * fuzz_parse.c
 *    libFuzzer harness for the responsibility parser and printer
 *    (src/responsibility_io.c), built outside the server by run.sh.
 *
 * For every input: no crash, no read past the input (AddressSanitizer),
 * no undefined behaviour; an accepted input yields a valid mask whose
 * canonical text parses back to the same mask and prints the same; a
 * rejected input reports an error code and a token inside the input.
 * At start-up the ordinal tables are checked against the value space.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "responsibility_io.h"

static unsigned long n_inputs;
static unsigned long n_accepted;

#define CHECK(cond) \
	do { if (!(cond)) { fprintf(stderr, "check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); abort(); } } while (0)

static void
report(void)
{
	fprintf(stderr, "fuzz_parse: %lu inputs, %lu accepted, %lu rejected\n",
			n_inputs, n_accepted, n_inputs - n_accepted);
}

static void
check_tables(void)
{
	unsigned	mask;
	unsigned	ord;
	unsigned	valid = 0;

	for (mask = 0; mask < 128; mask++)
	{
		int			closed = !((mask & SRM_PROVIDER_QUALS) && !(mask & SRM_PROVIDER)) &&
			!((mask & SRM_CUSTOMER_QUALS) && !(mask & SRM_CUSTOMER));

		CHECK(srm_mask_is_valid(mask) == closed);
		if (closed)
		{
			valid++;
			CHECK(srm_mask_of_ord[srm_ord_of_mask[mask]] == mask);
			CHECK(srm_class_of_ord(srm_ord_of_mask[mask]) == srm_class_of_mask(mask));
		}
	}
	CHECK(valid == SRM_NVALUES);
	for (ord = 1; ord < SRM_NVALUES; ord++)
	{
		/* sorted by class, then mask */
		uint8_t		a = srm_mask_of_ord[ord - 1];
		uint8_t		b = srm_mask_of_ord[ord];

		CHECK(srm_class_of_mask(a) < srm_class_of_mask(b) ||
			  (srm_class_of_mask(a) == srm_class_of_mask(b) && a < b));
	}
	for (ord = SRM_NVALUES; ord < 256; ord++)
		CHECK(srm_mask_of_ord[ord] == 0);
}

int			LLVMFuzzerInitialize(int *argc, char ***argv);
int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void) argc;
	(void) argv;
	check_tables();
	atexit(report);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		mask = 0xEE;
	srm_parse_error err = {SRM_PARSE_OK, 0, 0};

	n_inputs++;
	if (srm_parse((const char *) data, size, &mask, &err))
	{
		char		text[SRM_TEXT_MAX];
		char		again[SRM_TEXT_MAX];
		size_t		len;
		uint8_t		mask2 = 0xEE;

		n_accepted++;
		CHECK(srm_mask_is_valid(mask));
		len = srm_format(mask, text);
		CHECK(len < SRM_TEXT_MAX && strlen(text) == len);
		CHECK(srm_parse(text, len, &mask2, &err));
		CHECK(mask2 == mask);
		CHECK(srm_format(mask2, again) == len && memcmp(text, again, len + 1) == 0);
	}
	else
	{
		CHECK(err.code != SRM_PARSE_OK);
		CHECK(err.start <= size && err.length <= size - err.start);
	}
	return 0;
}
