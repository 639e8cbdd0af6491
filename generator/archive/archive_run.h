// A scored (and checked) project into the archive, and last year's figures
// out of it.
//
// A run is identified by its inputs: the SHA-256 of the project file (its
// project.yaml or the filled 自评表), the indicator system and the workbooks
// its data came from, with the tool's version. Storing the same inputs
// again stores nothing; changed data is a new run and the old one stays.
// Narrative fragments (text/*.md) are not among them: they change the
// report's prose, not a figure the archive keeps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "archive/database.h"
#include "check/check.h"
#include "model/history.h"
#include "score/score.h"

namespace jixiao {

// The name a project keeps across years: its department and its name with
// the year written in it left out ("交城县医疗保障局|交城县城乡医疗救助补助资金").
std::string ProjectKey(const ProjectInfo& info);

// Everything the archive keeps of `sp`: its scores, deductions and the
// findings of `check`, the hashes of its inputs. `source` is the input as
// named; `command` the command that ran it. The inputs are read again
// through the project's files (Project::Files: the disk, or an upload's bytes).
ArchivedRun MakeArchivedRun(const ScoredProject& sp, const CheckResult& check, const std::string& source,
                            const std::string& command);

struct StoredRun {
  long long id = 0;
  bool stored = false;  // false: the same inputs were archived before (nothing written)
};
// Stores `run` in one transaction. Throws InputError (database-write).
StoredRun StoreRun(Database& db, const ArchivedRun& run);
// Several runs in one transaction (an import, the scale benchmark): how many
// were new. Throws InputError (database-write); then none is stored.
size_t StoreRuns(Database& db, const std::vector<ArchivedRun>& runs);

// The latest run of the project `key` in the year before `year` ("2024" →
// "2023"); nullopt when there is none or `year` is not a year. Throws
// InputError (database-read).
std::optional<PreviousYear> FindPreviousYear(Database& db, const std::string& key, const std::string& year);

// Opens `url` (when not empty), stores the run of `sp` and gives back its
// previous year: what score, report, check and a batch worker do with --db.
struct ArchiveOutcome {
  StoredRun stored;
  std::string database;  // as displayed
  std::optional<PreviousYear> previous;
};
ArchiveOutcome ArchiveScored(Database& db, const ScoredProject& sp, const CheckResult& check,
                             const std::string& source, const std::string& command);

}  // namespace jixiao
