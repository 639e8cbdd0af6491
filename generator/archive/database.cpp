#include "archive/database.h"

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <filesystem>
#include <mutex>
#include <regex>

#include "archive/schema.h"
#include "base/messages.h"

namespace fs = std::filesystem;

namespace jixiao {

using namespace Poco::Data::Keywords;

namespace {

void RegisterConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// A connection string for messages: "password=…" and a URL's ":secret@" left out.
std::string WithoutPassword(std::string s) {
  s = std::regex_replace(s, std::regex(R"(password\s*=\s*('[^']*'|\S+))"), "password=***");
  s = std::regex_replace(s, std::regex(R"((://[^/:@]*):[^@/]*@)"), "$1:***@");
  return s;
}

// Splits a migration into its statements.
std::vector<std::string> Statements(const char* sql) {
  std::vector<std::string> out;
  std::string s = sql;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(";\n", start);
    if (end == std::string::npos) end = s.size();
    std::string one = s.substr(start, end - start);
    if (one.find_first_not_of(" \n\t") != std::string::npos) out.push_back(one);
    start = end + 2;
  }
  return out;
}

}  // namespace

DatabaseUrl ParseDatabaseUrl(const std::string& url) {
  DatabaseUrl u;
  if (StartsWith(url, "sqlite:")) {
    u.dialect = Dialect::kSQLite;
    u.target = url.substr(7);
  } else if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    u.dialect = Dialect::kPostgreSQL;
    u.target = url;  // libpq reads the URI form itself
  } else if (StartsWith(url, "postgresql:")) {
    u.dialect = Dialect::kPostgreSQL;
    u.target = url.substr(11);
  } else {
    Fail(SourceLoc{WithoutPassword(url)}, "", msg::kDatabaseUrl);
  }
  if (u.target.empty()) Fail(SourceLoc{url}, "", msg::kDatabaseUrl);
  u.display = WithoutPassword(url);
  return u;
}

void RethrowAsInputError(const Database& db, const MessageDef& def) {
  std::string detail;
  try {
    throw;
  } catch (const InputError&) {
    throw;
  } catch (const Poco::Exception& e) {
    detail = e.displayText();
  } catch (const std::exception& e) {
    detail = e.what();
  }
  // libpq's messages end in a line break; one line reads better.
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  for (char& c : detail)
    if (c == '\n') c = ' ';
  Fail(SourceLoc{db.Display()}, "", def, detail);
}

Database::Database(const std::string& url) : url_(ParseDatabaseUrl(url)) {
  RegisterConnectors();
  try {
    if (url_.dialect == Dialect::kSQLite) {
      // Poco retries a file it cannot open for its login timeout (60 s by
      // default): a folder that is not there is said at once instead.
      std::error_code ec;
      fs::path folder = fs::path(url_.target).parent_path();
      if (!folder.empty() && !fs::is_directory(folder, ec))
        Fail(SourceLoc{url_.display}, "", msg::kDatabaseOpen, "no such folder: " + folder.string());
      session_ = std::make_unique<Poco::Data::Session>("SQLite", url_.target, 5);
      // Readers go on while one writer writes; a writer waits for the other.
      *session_ << "PRAGMA journal_mode=WAL", now;
      *session_ << "PRAGMA busy_timeout=60000", now;
      // With WAL, a commit survives the process's death (kill -9) at once
      // and the disk's failure after the next checkpoint; each commit need
      // not wait for the disk.
      *session_ << "PRAGMA synchronous=NORMAL", now;
      *session_ << "PRAGMA foreign_keys=ON", now;
    } else {
      session_ = std::make_unique<Poco::Data::Session>("PostgreSQL", url_.target);
      *session_ << "SET client_min_messages = warning", now;
    }
  } catch (...) {
    RethrowAsInputError(*this, msg::kDatabaseOpen);
  }
  Migrate();
}

Database::~Database() = default;

std::string Database::Sql(std::string_view sql) const {
  if (url_.dialect == Dialect::kSQLite) return std::string(sql);
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

void Database::Begin() { *session_ << (url_.dialect == Dialect::kSQLite ? "BEGIN IMMEDIATE" : "BEGIN"), now; }
void Database::Commit() { *session_ << "COMMIT", now; }
void Database::Rollback() {
  try {
    *session_ << "ROLLBACK", now;
  } catch (...) {
    // The transaction is gone already (the connection failed): nothing to undo.
  }
}

int Database::SchemaVersion() {
  int found = 0;
  if (url_.dialect == Dialect::kSQLite)
    *session_ << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", into(found), now;
  else
    *session_ << "SELECT COUNT(*)::integer FROM information_schema.tables WHERE table_schema = current_schema() "
                 "AND table_name = 'schema_version'",
        into(found), now;
  if (found == 0) return 0;
  int version = 0;
  *session_ << "SELECT MAX(version) FROM schema_version", into(version), now;
  return version;
}

void Database::Migrate() {
  try {
    // One process migrates at a time: SQLite's write lock, PostgreSQL's
    // advisory lock; the version is read again under it.
    Transaction([&] {
      if (url_.dialect == Dialect::kPostgreSQL) *session_ << "SELECT pg_advisory_xact_lock(7186220311)", now;
      int version = SchemaVersion();
      if (version > kSchemaVersion) Fail(SourceLoc{url_.display}, "", msg::kDatabaseNewer, version, kSchemaVersion);
      if (version == 0) *session_ << "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)", now;
      for (const Migration& m : Migrations()) {
        if (m.version <= version) continue;
        for (const std::string& statement : Statements(m.sql)) *session_ << statement, now;
        int v = m.version;
        *session_ << Sql("INSERT INTO schema_version (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)"), use(v), now;
      }
    });
  } catch (...) {
    RethrowAsInputError(*this, msg::kDatabaseOpen);
  }
}

}  // namespace jixiao
