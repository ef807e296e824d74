# Shared by the upgrade tests:
#   digest DB LABEL QUERY
# prints "LABEL|rows|md5" for the rows QUERY returns on database DB: their
# count and the md5 of their text forms, sorted, so that two databases (or
# one before and after an update) can be compared table by table.
digest() {
	psql -X -q -v ON_ERROR_STOP=1 -At -d "$1" -c "SELECT '$2', count(*), md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) FROM ($3) x"
}
