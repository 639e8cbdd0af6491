#include "archive/archive_run.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <ctime>
#include <regex>

#include "base/messages.h"
#include "base/precision.h"

#ifndef JIXIAO_VERSION
#define JIXIAO_VERSION "dev"
#endif

namespace jixiao {

using namespace Poco::Data::Keywords;

namespace {

std::string Sha256(const std::string& bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), bytes.size());
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::string Score(const Decimal& d) { return d.ToFixed(kScorePlaces); }

void AddScores(const std::vector<ScoredIndicator>& list, const CheckResult& check, std::vector<ArchivedScore>& out) {
  for (const ScoredIndicator& si : list) {
    ArchivedScore a;
    a.code = si.def->code;
    a.name = si.def->name;
    a.level = si.def->level;
    a.weight = si.def->weight;
    a.score = si.score;
    a.reason = si.def->IsLeaf() ? si.reason : "";
    for (const ScoreLine& line : check.scores)
      if (line.code == a.code && line.submitted) a.stated = *line.submitted;
    out.push_back(std::move(a));
    AddScores(si.children, check, out);
  }
}

std::optional<Decimal> ParseStored(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Decimal::Parse(text);
}

}  // namespace

std::string ProjectKey(const ProjectInfo& info) {
  // "（2024 年度）", "2024年度", "2024年" and a bare 2024 in the name name the year, not the project.
  static const std::regex kYear(R"((（|\()?\s*(19|20)[0-9]{2}\s*(年度|年)?\s*(）|\))?)");
  std::string name = Trim(std::regex_replace(info.name, kYear, ""));
  if (name.empty()) name = info.name;
  return Trim(info.department) + "|" + name;
}

ArchivedRun MakeArchivedRun(const ScoredProject& sp, const CheckResult& check, const std::string& source,
                            const std::string& command) {
  const Project& p = *sp.project;
  ArchivedRun r;
  r.project_key = ProjectKey(p.info);
  r.name = p.info.name;
  r.year = p.info.year;
  r.department = p.info.department;
  r.system_name = sp.system().name;
  r.kind = sp.system().SelfEvaluation() ? "self" : "evaluation";
  r.source = source;
  r.command = command;
  r.total = sp.total;
  r.full_marks = sp.system().total;
  r.deductions = sp.deductions;
  r.grade = sp.grade;
  if (p.stated.total) r.stated_total = p.stated.total->value;
  if (p.stated.grade) r.stated_grade = p.stated.grade->text;
  r.errors = static_cast<long long>(check.errors);
  r.warnings = static_cast<long long>(check.warnings);
  r.tool_version = JIXIAO_VERSION;
  r.created_at = NowUtc();
  AddScores(sp.roots, check, r.scores);
  for (const Finding& f : check.findings)
    r.findings.push_back({f.severity == Severity::kError ? "error" : "warning", f.kind, f.loc.ToString(),
                          f.indicator, f.subject, f.stated, f.expected, FindingMessage(f, Language::kChinese)});
  for (const Deduction& d : p.deductions) r.deduction_items.emplace_back(d.reason, d.points);
  // The inputs, by role: their bytes decide the run's identity.
  std::string identity = std::string("jixiao ") + JIXIAO_VERSION + "\n";
  // Read again through the project's files: an uploaded 自评表 is held in
  // memory there (LoadSelfFormBytes), so it is hashed by its own bytes.
  auto hash = [&](const std::string& role, const std::string& path) {
    std::optional<std::string> bytes = p.Files().Read(path);
    // A file that cannot be read again (gone since it was loaded) is known by its path alone.
    std::string sha = bytes ? Sha256(*bytes) : "unread " + path;
    r.inputs.push_back({path, sha});
    identity += role + " " + sha + "\n";
  };
  hash("project", p.file);
  hash("system", sp.system().file);
  for (const std::string& w : p.workbooks) hash("workbook", w);
  r.system_hash = r.inputs[1].sha256;
  r.inputs_hash = Sha256(identity);
  // The id is the hash's first 60 bits: positive in a BIGINT, and the same
  // for the same inputs in every database.
  r.id = static_cast<long long>(std::stoull(r.inputs_hash.substr(0, 15), nullptr, 16));
  return r;
}

namespace {

// Inserts `r` in the transaction under way: nothing when its inputs were
// archived before (false).
bool InsertRun(Database& db, const ArchivedRun& r) {
  Poco::Data::Session& s = db.session();
  Poco::Int64 id = r.id;
  std::string total = Score(r.total), full = r.full_marks.ToExactString(), deductions = Score(r.deductions);
  std::string stated_total = r.stated_total ? r.stated_total->ToExactString() : "";
  int revised = r.stated_total && *r.stated_total != r.total ? 1 : 0;
  int indicators = static_cast<int>(r.scores.size());
  Poco::Int64 errors = r.errors, warnings = r.warnings;
  // One writer per project and year at a time, so that one run only is its latest.
  if (db.dialect() == Dialect::kPostgreSQL) {
    Poco::Int64 lock = static_cast<Poco::Int64>(std::stoull(Sha256(r.project_key + "\n" + r.year).substr(0, 15), nullptr, 16));
    s << "SELECT pg_advisory_xact_lock($1)", use(lock), now;
  }
  Poco::Data::Statement insert(s);
  insert << db.Sql(
                "INSERT INTO runs (id, inputs_hash, project_key, name, year, department, system_name, "
                "system_hash, kind, source, command, total, full_marks, deductions, grade, stated_total, "
                "stated_grade, errors, warnings, revised, latest, indicators, tool_version, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT DO NOTHING"),
      use(id), bind(r.inputs_hash), bind(r.project_key), bind(r.name), bind(r.year), bind(r.department),
      bind(r.system_name), bind(r.system_hash), bind(r.kind), bind(r.source), bind(r.command), use(total),
      use(full), use(deductions), bind(r.grade), use(stated_total), bind(r.stated_grade), use(errors),
      use(warnings), use(revised), use(indicators), bind(r.tool_version), bind(r.created_at);
  if (insert.execute() == 0) return false;  // the same inputs, archived before
  s << db.Sql("UPDATE runs SET latest = 0 WHERE project_key = ? AND year = ? AND latest = 1 AND id <> ?"),
      bind(r.project_key), bind(r.year), use(id), now;
  if (!r.scores.empty()) {
    std::vector<Poco::Int64> ids(r.scores.size(), id);
    std::vector<int> seq, level;
    std::vector<std::string> code, name, weight, score, stated, reason;
    for (size_t i = 0; i < r.scores.size(); ++i) {
      const ArchivedScore& a = r.scores[i];
      seq.push_back(static_cast<int>(i));
      level.push_back(a.level);
      code.push_back(a.code);
      name.push_back(a.name);
      weight.push_back(a.weight.ToExactString());
      score.push_back(Score(a.score));
      stated.push_back(a.stated.value_or(""));
      reason.push_back(a.reason);
    }
    s << db.Sql("INSERT INTO scores (run_id, seq, code, name, level, weight, score, stated, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(ids), use(seq), use(code), use(name), use(level), use(weight), use(score), use(stated), use(reason),
        now;
  }
  const auto& items = r.deduction_items;
  for (size_t i = 0; i < items.size(); ++i) {
    int n = static_cast<int>(i);
    std::string points = items[i].second.ToExactString();
    s << db.Sql("INSERT INTO deductions (run_id, seq, reason, points) VALUES (?, ?, ?, ?)"), use(id), use(n),
        bind(items[i].first), use(points), now;
  }
  if (!r.findings.empty()) {
    std::vector<Poco::Int64> ids(r.findings.size(), id);
    std::vector<int> seq;
    std::vector<std::string> severity, kind, location, indicator, subject, stated, expected, message;
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const ArchivedFinding& f = r.findings[i];
      seq.push_back(static_cast<int>(i));
      severity.push_back(f.severity);
      kind.push_back(f.kind);
      location.push_back(f.location);
      indicator.push_back(f.indicator);
      subject.push_back(f.subject);
      stated.push_back(f.stated);
      expected.push_back(f.expected);
      message.push_back(f.message);
    }
    s << db.Sql("INSERT INTO findings (run_id, seq, severity, kind, location, indicator, subject, stated, "
                "expected, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        use(ids), use(seq), use(severity), use(kind), use(location), use(indicator), use(subject), use(stated),
        use(expected), use(message), now;
  }
  for (size_t i = 0; i < r.inputs.size(); ++i) {
    int n = static_cast<int>(i);
    s << db.Sql("INSERT INTO input_files (run_id, seq, path, sha256) VALUES (?, ?, ?, ?)"), use(id), use(n),
        bind(r.inputs[i].path), bind(r.inputs[i].sha256), now;
  }
  return true;
}

}  // namespace

StoredRun StoreRun(Database& db, const ArchivedRun& r) {
  StoredRun out{r.id, false};
  try {
    db.Transaction([&] { out.stored = InsertRun(db, r); });
  } catch (...) {
    RethrowAsInputError(db, msg::kDatabaseWrite);
  }
  return out;
}

size_t StoreRuns(Database& db, const std::vector<ArchivedRun>& runs) {
  size_t stored = 0;
  try {
    db.Transaction([&] {
      for (const ArchivedRun& r : runs) stored += InsertRun(db, r);
    });
  } catch (...) {
    RethrowAsInputError(db, msg::kDatabaseWrite);
  }
  return stored;
}

std::optional<PreviousYear> FindPreviousYear(Database& db, const std::string& key, const std::string& year) {
  static const std::regex kFourDigits("(19|20)[0-9]{2}");
  if (!std::regex_match(year, kFourDigits)) return std::nullopt;
  std::string before = std::to_string(std::stoi(year) - 1);
  try {
    Poco::Data::Session& s = db.session();
    std::vector<Poco::Int64> ids;
    std::vector<std::string> totals, grades;
    s << db.Sql("SELECT id, total, grade FROM runs WHERE project_key = ? AND year = ? AND latest = 1"),
        bind(key), use(before), into(ids), into(totals), into(grades), now;
    if (ids.empty()) return std::nullopt;
    PreviousYear py;
    py.year = before;
    py.total = ParseStored(totals[0]).value_or(Decimal{});
    py.grade = grades[0];
    std::vector<std::string> codes, scores;
    Poco::Int64 id = ids[0];
    s << db.Sql("SELECT code, score FROM scores WHERE run_id = ? ORDER BY seq"), use(id), into(codes), into(scores),
        now;
    for (size_t i = 0; i < codes.size(); ++i)
      if (auto d = ParseStored(scores[i])) py.scores.emplace_back(codes[i], *d);
    return py;
  } catch (...) {
    RethrowAsInputError(db, msg::kDatabaseRead);
  }
}

ArchiveOutcome ArchiveScored(Database& db, const ScoredProject& sp, const CheckResult& check,
                             const std::string& source, const std::string& command) {
  ArchiveOutcome out;
  out.database = db.Display();
  ArchivedRun run = MakeArchivedRun(sp, check, source, command);
  out.previous = FindPreviousYear(db, run.project_key, run.year);
  out.stored = StoreRun(db, run);
  return out;
}

}  // namespace jixiao
