// `--db` on score, report, check, batch and serve: the archive opened before
// the work (a bad URL, an unreachable server or a newer schema refuses the
// command at once, before anything is written) and the run stored after it,
// with last year's figures read back for the report and the summary.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "archive/archive_run.h"
#include "archive/database.h"

namespace jixiao {

// Null when `url` is empty. Throws InputError (database-url, database-open,
// database-newer).
std::unique_ptr<Database> OpenArchive(const std::string& url);

// What a command tells of its archiving: "archived: sqlite:x.db (run …)",
// or that the same inputs were archived before; in `lang`.
std::string ArchiveLine(const ArchiveOutcome& a, Language lang);

}  // namespace jixiao
