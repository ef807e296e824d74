# Reads memcheck logs (valgrind --log-file, one per process) and prints
# every error that has a frame of srm's code in one of its stacks (where it
# happened, where the memory was allocated or freed, where an uninitialised
# value was created): a frame in a source file under srcdir (set with -v;
# valgrind runs with --fullpath-after= so that frames carry full paths) or
# in srm.so.  Errors with no such frame are counted only.  Exits 1 when it
# printed any.
#   awk -v srcdir=/path/to/srm/src/ -f valgrind-errors.awk LOG...

function flush(   i, ours) {
	if (n == 0)
		return
	ours = 0
	for (i = 1; i <= n; i++)
		if (index(block[i], srcdir) || block[i] ~ /[(\/]srm\.so\)/)
			ours = 1
	# a block with no stack is a message of valgrind's own (a warning)
	if (block[2] ~ /^==[0-9]+==  +(at|by) 0x/) {
		if (ours) {
			srm_errors++
			print "---- " FILENAME
			for (i = 1; i <= n; i++)
				print block[i]
		} else {
			other_errors++
		}
	}
	n = 0
}

FNR == 1 { flush() }
/^==[0-9]+== *$/ { flush(); next }
/^==[0-9]+== / { block[++n] = $0; next }
{ flush() }
END {
	flush()
	files = ARGC - 1
	printf "memcheck: %d process logs, %d errors in srm's code, %d errors in PostgreSQL's code only (not failed on)\n",
		files, srm_errors, other_errors
	exit srm_errors > 0
}
