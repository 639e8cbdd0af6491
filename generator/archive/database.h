// The archive's database, through Poco::Data: SQLite (a file, the default)
// or PostgreSQL (a bureau's shared server). Opening it brings its schema up
// to this version (schema.h); a database a newer jixiao wrote is refused.
//
// SQL is written once, with `?` for parameters; Sql() gives it the
// dialect's spelling ($1, $2 … for PostgreSQL). A write is one transaction
// (Transaction): SQLite takes the write lock at its start (BEGIN IMMEDIATE),
// so processes writing at once wait their turn instead of failing halfway.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace Poco::Data {
class Session;
}

namespace jixiao {

enum class Dialect { kSQLite, kPostgreSQL };

// Where a database is: "sqlite:FILE" or "postgresql:CONNINFO" (a libpq
// connection string, "host=… dbname=…" or "postgresql://user@host/db").
struct DatabaseUrl {
  Dialect dialect = Dialect::kSQLite;
  std::string target;   // the file, or the connection string
  std::string display;  // for messages: the URL with any password left out
};
// Throws InputError (database-url) on anything else.
DatabaseUrl ParseDatabaseUrl(const std::string& url);

class Database {
 public:
  // Opens (SQLite: creates) the database and migrates it to this schema.
  // Throws InputError: at the database (its display URL), database-open,
  // or database-newer for a schema this version does not know.
  explicit Database(const std::string& url);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return url_.dialect; }
  const std::string& Display() const { return url_.display; }
  Poco::Data::Session& session() { return *session_; }
  // `sql` with its `?` in this dialect's spelling.
  std::string Sql(std::string_view sql) const;
  // The schema version the database holds (after opening: kSchemaVersion).
  int SchemaVersion();

  // Runs `body` as one transaction: committed when it returns, rolled back
  // when it throws (and the exception passed on).
  template <typename Body>
  void Transaction(Body&& body) {
    Begin();
    try {
      body();
    } catch (...) {
      Rollback();
      throw;
    }
    Commit();
  }

 private:
  void Begin();
  void Commit();
  void Rollback();
  void Migrate();

  DatabaseUrl url_;
  std::unique_ptr<Poco::Data::Session> session_;
};

// Called in a catch block: the exception being handled (Poco's, the
// database's) as an InputError at `db`: `def` with the database's own words.
[[noreturn]] void RethrowAsInputError(const Database& db, const MessageDef& def);

}  // namespace jixiao
