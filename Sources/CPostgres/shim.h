#ifndef CPOSTGRES_SHIM_H
#define CPOSTGRES_SHIM_H
// libpq from Debian's libpq-dev, which installs its headers under /usr/include/postgresql.
#include <postgresql/libpq-fe.h>

/// The diagnostic field codes are character macros Swift cannot import.
static const int cpq_diag_sqlstate = PG_DIAG_SQLSTATE;
static const int cpq_diag_constraint_name = PG_DIAG_CONSTRAINT_NAME;
#endif
