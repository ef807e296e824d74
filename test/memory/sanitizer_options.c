/*
 * sanitizer_options.c
 *    Built into srm.so only by test/memory/sanitize.sh, never shipped.
 *
 * The stock server is not built with AddressSanitizer: the runtime comes in
 * with srm.so when the server loads it, so ASan must not insist on being
 * first in the library list, and leak checking at exit would report the
 * server's own allocations.  The server sets its own environment, so
 * ASAN_OPTIONS would not reach it; these defaults are compiled in instead.
 */
extern const char *__asan_default_options(void);
extern const char *__ubsan_default_options(void);

const char *
__asan_default_options(void)
{
	return "verify_asan_link_order=0:detect_leaks=0:abort_on_error=1";
}

const char *
__ubsan_default_options(void)
{
	return "print_stacktrace=1:halt_on_error=1:abort_on_error=1";
}
