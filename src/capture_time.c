/*
 * capture_time.c: AWS Config capture times, ISO 8601 or epoch seconds.
 * Pure C, no PostgreSQL headers (see capture_time.h).
 */
#include "capture_time.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define USEC_PER_SEC INT64_C(1000000)
/* 10000-01-01T00:00:00Z in Unix seconds: the first time not accepted */
#define MAX_UNIX_SEC INT64_C(253402300800)
/* 0001-01-01T00:00:00Z in Unix seconds */
#define MIN_UNIX_SEC INT64_C(-62135596800)

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* n digits at s[*pos] as a number; false unless all n are digits */
static bool
digits(const char *s, size_t len, size_t *pos, int n, int *out)
{
	int			v = 0;

	if (*pos + n > len)
		return false;
	for (int i = 0; i < n; i++)
	{
		char		c = s[*pos + i];

		if (!is_digit(c))
			return false;
		v = v * 10 + (c - '0');
	}
	*pos += n;
	*out = v;
	return true;
}

/* days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t		era;
	int			yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (int) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/* epoch seconds: [-]digits[.digits][e[+-]digits], nothing else */
static bool
parse_epoch(const char *s, size_t len, int64_t *usec)
{
	char		buf[64];
	char	   *end;
	double		v;
	size_t		i = 0;
	bool		any = false;

	if (len == 0 || len >= sizeof(buf))
		return false;
	if (s[i] == '-')
		i++;
	while (i < len && is_digit(s[i]))
		i++, any = true;
	if (i < len && s[i] == '.')
	{
		i++;
		while (i < len && is_digit(s[i]))
			i++, any = true;
	}
	if (!any)
		return false;
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		bool		exp_digits = false;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		while (i < len && is_digit(s[i]))
			i++, exp_digits = true;
		if (!exp_digits)
			return false;
	}
	if (i != len)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	v = strtod(buf, &end);
	if (end != buf + len || !isfinite(v) || v < 0 || v >= (double) MAX_UNIX_SEC)
		return false;
	*usec = (int64_t) llround(v * (double) USEC_PER_SEC);
	return true;
}

bool
srm_parse_capture_time(const char *s, size_t len, int64_t *usec)
{
	size_t		pos = 0;
	int			y, mo, d, h, mi, sec = 0;
	int64_t		frac_us = 0;
	int64_t		offset_sec = 0;
	int64_t		t;

	/* surrounding blanks are not part of the time */
	while (len > 0 && (s[0] == ' ' || s[0] == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;

	if (len < 16 || s[4] != '-')
		return parse_epoch(s, len, usec);

	if (!digits(s, len, &pos, 4, &y) || s[pos++] != '-' ||
		!digits(s, len, &pos, 2, &mo) || pos >= len || s[pos++] != '-' ||
		!digits(s, len, &pos, 2, &d) || pos >= len)
		return false;
	if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')
		return false;
	pos++;
	if (!digits(s, len, &pos, 2, &h) || pos >= len || s[pos++] != ':' ||
		!digits(s, len, &pos, 2, &mi))
		return false;
	if (pos < len && s[pos] == ':')
	{
		pos++;
		if (!digits(s, len, &pos, 2, &sec))
			return false;
		if (pos < len && (s[pos] == '.' || s[pos] == ','))
		{
			int64_t		scale = 100000;
			bool		any = false;

			pos++;
			while (pos < len && is_digit(s[pos]))
			{
				frac_us += (s[pos] - '0') * scale;
				scale /= 10;
				pos++;
				any = true;
			}
			if (!any)
				return false;
		}
	}
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) ||
		h > 23 || mi > 59 || sec > 59)
		return false;

	if (pos < len)
	{
		char		c = s[pos++];

		if (c == 'Z' || c == 'z')
		{
			if (pos != len)
				return false;
		}
		else if (c == '+' || c == '-')
		{
			int			oh, om = 0;

			if (!digits(s, len, &pos, 2, &oh))
				return false;
			if (pos < len && s[pos] == ':')
				pos++;
			if (pos < len && !digits(s, len, &pos, 2, &om))
				return false;
			if (pos != len || oh > 23 || om > 59)
				return false;
			offset_sec = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
		}
		else
			return false;
	}

	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset_sec;
	if (t < MIN_UNIX_SEC || t >= MAX_UNIX_SEC)
		return false;
	*usec = t * USEC_PER_SEC + frac_us;
	return true;
}
