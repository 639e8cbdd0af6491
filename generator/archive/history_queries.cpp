#include "archive/history_queries.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <map>

#include "base/messages.h"

namespace jixiao {

using namespace Poco::Data::Keywords;

namespace {

// The runs' columns a history reads, fetched as columns and read back as rows.
constexpr const char* kRunColumns =
    "id, project_key, name, year, department, system_name, kind, source, total, full_marks, deductions, grade, "
    "stated_total, stated_grade, errors, warnings, created_at";

struct RunColumns {
  std::vector<Poco::Int64> id, errors, warnings;
  std::vector<std::string> key, name, year, department, system, kind, source, total, full, deductions, grade,
      stated_total, stated_grade, created;

  // `sql` selects kRunColumns; `params` its parameters in order.
  void Fetch(Database& db, const std::string& sql, std::vector<std::string> params) {
    Poco::Data::Statement st(db.session());
    st << db.Sql(sql);
    for (std::string& p : params) st, bind(p);
    st, into(id), into(key), into(name), into(year), into(department), into(system), into(kind), into(source),
        into(total), into(full), into(deductions), into(grade), into(stated_total), into(stated_grade),
        into(errors), into(warnings), into(created);
    st.execute();
  }
  size_t size() const { return id.size(); }
  ArchivedRun Row(size_t i) const {
    ArchivedRun r;
    r.id = id[i];
    r.project_key = key[i];
    r.name = name[i];
    r.year = year[i];
    r.department = department[i];
    r.system_name = system[i];
    r.kind = kind[i];
    r.source = source[i];
    r.total = Decimal::Parse(total[i]).value_or(Decimal{});
    r.full_marks = Decimal::Parse(full[i]).value_or(Decimal{});
    r.deductions = Decimal::Parse(deductions[i]).value_or(Decimal{});
    r.grade = grade[i];
    if (!stated_total[i].empty()) r.stated_total = Decimal::Parse(stated_total[i]);
    r.stated_grade = stated_grade[i];
    r.errors = errors[i];
    r.warnings = warnings[i];
    r.created_at = created[i];
    return r;
  }
};

std::string Like(const std::string& part) {
  std::string out = "%";
  for (char c : part) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The grades best first: 优 良 中 差, then any other in the order met.
int GradeRank(const std::string& g) {
  static const char* kOrder[] = {"优", "良", "中", "差"};
  for (int i = 0; i < 4; ++i)
    if (g == kOrder[i]) return i;
  return 4;
}

template <typename Body>
auto Reading(Database& db, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (...) {
    RethrowAsInputError(db, msg::kDatabaseRead);
  }
}

}  // namespace

ProjectHistory QueryProject(Database& db, const std::string& project) {
  return Reading(db, [&] {
    Poco::Data::Session& s = db.session();
    std::vector<std::string> keys, names;
    std::string q = project;
    s << db.Sql("SELECT DISTINCT project_key, name FROM runs WHERE project_key = ? OR name = ?"), bind(q), bind(q),
        into(keys), into(names), now;
    if (keys.empty()) {
      std::string like = Like(q);
      s << db.Sql("SELECT DISTINCT project_key, name FROM runs WHERE name LIKE ? ESCAPE '\\' ORDER BY project_key"),
          bind(like), into(keys), into(names), now;
    }
    std::vector<std::string> distinct = keys;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.empty()) Fail(SourceLoc{db.Display()}, "", msg::kHistoryNothing, project);
    if (distinct.size() > 1) {
      std::string list;
      for (size_t i = 0; i < distinct.size() && i < 8; ++i) list += (i ? "；" : "") + distinct[i];
      if (distinct.size() > 8) list += "……";
      Fail(SourceLoc{db.Display()}, "", msg::kHistoryAmbiguous, project, list);
    }
    ProjectHistory h;
    h.query = project;
    RunColumns c;
    c.Fetch(db, std::string("SELECT ") + kRunColumns + " FROM runs WHERE project_key = ? AND latest = 1 ORDER BY year",
            {distinct[0]});
    for (size_t i = 0; i < c.size(); ++i) {
      ArchivedRun r = c.Row(i);
      std::vector<std::string> code, name, weight, score, stated, reason;
      std::vector<int> level;
      Poco::Int64 id = r.id;
      s << db.Sql("SELECT code, name, level, weight, score, stated, reason FROM scores WHERE run_id = ? ORDER BY seq"),
          use(id), into(code), into(name), into(level), into(weight), into(score), into(stated), into(reason), now;
      for (size_t k = 0; k < code.size(); ++k) {
        ArchivedScore a;
        a.code = code[k];
        a.name = name[k];
        a.level = level[k];
        a.weight = Decimal::Parse(weight[k]).value_or(Decimal{});
        a.score = Decimal::Parse(score[k]).value_or(Decimal{});
        if (!stated[k].empty()) a.stated = stated[k];
        a.reason = reason[k];
        r.scores.push_back(std::move(a));
      }
      h.years.push_back(std::move(r));
    }
    return h;
  });
}

DepartmentHistory QueryDepartment(Database& db, const std::string& department) {
  return Reading(db, [&] {
    DepartmentHistory h;
    h.query = department;
    RunColumns c;
    c.Fetch(db,
            std::string("SELECT ") + kRunColumns +
                " FROM runs WHERE department = ? AND latest = 1 ORDER BY project_key, year",
            {department});
    if (c.size() == 0)
      c.Fetch(db,
              std::string("SELECT ") + kRunColumns +
                  " FROM runs WHERE department LIKE ? ESCAPE '\\' AND latest = 1 ORDER BY department, project_key, year",
              {Like(department)});
    if (c.size() == 0) Fail(SourceLoc{db.Display()}, "", msg::kHistoryNothing, department);
    for (size_t i = 0; i < c.size(); ++i) h.runs.push_back(c.Row(i));
    return h;
  });
}

SystemDistribution QuerySystem(Database& db, const std::string& system) {
  return Reading(db, [&] {
    Poco::Data::Session& s = db.session();
    std::vector<std::string> year, total, grade;
    std::string q = system;
    s << db.Sql("SELECT year, total, grade FROM runs WHERE system_name = ? AND latest = 1"), bind(q), into(year),
        into(total), into(grade), now;
    if (year.empty()) {
      std::string like = Like(system);
      s << db.Sql("SELECT year, total, grade FROM runs WHERE system_name LIKE ? ESCAPE '\\' AND latest = 1"),
          bind(like), into(year), into(total), into(grade), now;
    }
    if (year.empty()) Fail(SourceLoc{db.Display()}, "", msg::kHistoryNothing, system);
    std::map<std::string, std::vector<size_t>> by_year;
    for (size_t i = 0; i < year.size(); ++i) by_year[year[i]].push_back(i);
    SystemDistribution d;
    d.query = system;
    for (const auto& [y, rows] : by_year) {
      YearDistribution yd;
      yd.year = y;
      yd.projects = static_cast<long long>(rows.size());
      std::vector<Decimal> totals;
      std::map<std::string, long long> grades;
      Decimal sum;
      for (size_t i : rows) {
        totals.push_back(Decimal::Parse(total[i]).value_or(Decimal{}));
        sum = sum + totals.back();
        ++grades[grade[i]];
      }
      std::sort(totals.begin(), totals.end());
      yd.min = totals.front();
      yd.max = totals.back();
      yd.mean = sum / Decimal{static_cast<long long>(totals.size())};
      size_t n = totals.size();
      yd.median = n % 2 ? totals[n / 2] : (totals[n / 2 - 1] + totals[n / 2]) / Decimal{2};
      for (const auto& g : grades) yd.grades.push_back(g);
      std::stable_sort(yd.grades.begin(), yd.grades.end(),
                       [](const auto& a, const auto& b) { return GradeRank(a.first) < GradeRank(b.first); });
      d.years.push_back(std::move(yd));
    }
    return d;
  });
}

RevisedHistory QueryRevised(Database& db, const std::string& year, const std::string& department, size_t limit) {
  return Reading(db, [&] {
    RevisedHistory h;
    h.year = year;
    h.department = department;
    std::string where = " FROM runs WHERE revised = 1 AND latest = 1";
    std::vector<std::string> params;
    if (!year.empty()) {
      where += " AND year = ?";
      params.push_back(year);
    }
    if (!department.empty()) {
      where += " AND department = ?";
      params.push_back(department);
    }
    RunColumns c;
    c.Fetch(db,
            std::string("SELECT ") + kRunColumns + where + " ORDER BY year DESC, department, name LIMIT " +
                std::to_string(limit + 1),
            params);
    for (size_t i = 0; i < c.size() && i < limit; ++i) h.runs.push_back(c.Row(i));
    if (c.size() > limit) {
      Poco::Int64 count = 0;
      Poco::Data::Statement st(db.session());
      st << db.Sql("SELECT COUNT(*)" + where);
      for (std::string& p : params) st, bind(p);
      st, into(count);
      st.execute();
      h.more = static_cast<size_t>(count) - limit;
    }
    return h;
  });
}

}  // namespace jixiao
