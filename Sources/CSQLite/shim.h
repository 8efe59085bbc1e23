#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
// Debian's libsqlite3 is built with the pre-update hook; the header declares it only when told so.
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro Swift cannot import: SQLite copies the bound bytes.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// Disables double-quoted string literals, so a mistyped identifier is an error, not a string.
static inline int csqlite_disable_dqs(sqlite3 *db) {
    int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, (int *)0);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, (int *)0);
}

/// sqlite3_config is variadic: sets how many bytes a statement or savepoint journal keeps in SQLite's
/// own memory before it goes to a file of the VFS (SQLITE_MISUSE once SQLite has started).
static inline int csqlite_config_statement_journal_spill(int bytes) { return sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, bytes); }
#endif
