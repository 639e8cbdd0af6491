// The questions `jixiao history` asks of the archive. Each reads a year's
// figures from its latest run (runs.latest); none reads floating point:
// means and medians are exact decimals of the stored texts.
#pragma once

#include <string>

#include "archive/database.h"
#include "model/history.h"

namespace jixiao {

// A project across years: each year's latest run with every indicator's
// score and reason. `project` is its name (with or without the year, as
// written in any year), a part of it, or its key. Throws InputError
// (history-nothing, history-ambiguous, database-read).
ProjectHistory QueryProject(Database& db, const std::string& project);

// A department's projects, each year's latest run (without scores); an
// exact department name first, else every department containing it.
DepartmentHistory QueryDepartment(Database& db, const std::string& department);

// The totals of the projects scored on a system (its name as the system
// file gives it, or a part of it), per year: count, min, max, mean, median
// and the grades.
SystemDistribution QuerySystem(Database& db, const std::string& system);

// Submissions whose stated total is not the reviewed one, latest runs only,
// newest year first; `year` and `department` narrow it when not empty, at
// most `limit` runs (RevisedHistory::more counts the rest).
RevisedHistory QueryRevised(Database& db, const std::string& year, const std::string& department, size_t limit);

}  // namespace jixiao
