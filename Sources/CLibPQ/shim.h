// libpq (Debian: libpq-dev): PostgreSQL's own C client library, for team ledgers on a server.
#include <postgresql/libpq-fe.h>
