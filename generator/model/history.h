// What the archive (generator/archive) keeps of a run and gives back to the
// renderers: data only. A run is one project scored (and checked) once; the
// archive keeps every run, and a year's figures are its latest run's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"

namespace jixiao {

// One indicator as a run scored it: the displayed score, exact, as text in
// the database (never a floating-point number).
struct ArchivedScore {
  std::string code, name;
  int level = 1;
  Decimal weight, score;
  std::string reason;                    // 扣分原因, else how the score was made
  std::optional<std::string> stated;     // what the submission states, as written
};

struct ArchivedFinding {
  std::string severity;  // "error" | "warning"
  std::string kind, location, indicator;
  std::string subject, stated, expected;  // what the figure is, as stated, as it should be
  std::string message;
};

struct ArchivedInput {
  std::string path;
  std::string sha256;
};

// A project as the archive knows it: the key that follows it across years
// (its department and its name with the year left out: ProjectKey).
struct ArchivedRun {
  long long id = 0;
  std::string project_key, name, year, department;
  std::string system_name, system_hash;
  std::string kind;     // "evaluation" | "self": a 评价报告 or a 自评
  std::string source;   // the input as it was named
  std::string command;  // score, report, check, batch, serve
  Decimal total, full_marks, deductions;
  std::string grade;
  std::optional<Decimal> stated_total;
  std::string stated_grade;
  long long errors = 0, warnings = 0;
  std::string inputs_hash, tool_version, created_at;
  std::vector<ArchivedScore> scores;  // in system order, parents before their children
  std::vector<std::pair<std::string, Decimal>> deduction_items;  // 减分项: reason → points claimed
  std::vector<ArchivedFinding> findings;
  std::vector<ArchivedInput> inputs;  // project file, system, workbooks
};

// Last year's figures for a report or a summary row: the latest run of the
// same project (ArchivedRun::project_key) in the year before.
struct PreviousYear {
  std::string year;
  Decimal total;
  std::string grade;
  std::vector<std::pair<std::string, Decimal>> scores;  // code → displayed score
  const Decimal* Score(const std::string& code) const {
    for (const auto& [c, s] : scores)
      if (c == code) return &s;
    return nullptr;
  }
};

// `history project`: the project's latest run in each year, oldest first.
struct ProjectHistory {
  std::string query;
  std::vector<ArchivedRun> years;
};

// `history department`: its projects, each year's latest run (no scores).
struct DepartmentHistory {
  std::string query;
  std::vector<ArchivedRun> runs;  // by project, then year
};

// `history system`: the totals of the projects scored on one system, per year.
struct YearDistribution {
  std::string year;
  long long projects = 0;
  Decimal min, max, mean, median;  // mean and median exact; displayed at 2 places
  std::vector<std::pair<std::string, long long>> grades;  // grade → projects, best grade first
};
struct SystemDistribution {
  std::string query;
  std::vector<YearDistribution> years;
};

// `history revised`: submissions whose stated total is not the reviewed one.
struct RevisedHistory {
  std::string year, department;  // the filters given
  std::vector<ArchivedRun> runs;  // newest year first, then department and name
  size_t more = 0;                // matching runs left out past the limit
};

}  // namespace jixiao
