// The archive's schema, versioned: each migration takes a database from the
// version before it to its own, in one transaction. The first makes the
// tables; a later one alters them (never edit a migration once released:
// add the next). `schema_version` holds the version a database is at.
//
// Every figure is text: a displayed score as exact decimal digits ("28.50"),
// never a floating-point column. A run's id is taken from the hash of its
// inputs (ArchiveRunId), so storing the same inputs twice stores nothing.
#pragma once

#include <vector>

namespace jixiao {

inline constexpr int kSchemaVersion = 1;

struct Migration {
  int version;
  // Statements separated by ";\n", the same for SQLite and PostgreSQL.
  const char* sql;
};

// In order, the last one's version kSchemaVersion.
const std::vector<Migration>& Migrations();

}  // namespace jixiao
