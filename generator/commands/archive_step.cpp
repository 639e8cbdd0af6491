#include "commands/archive_step.h"

#include <fmt/format.h>

#include "base/messages.h"

namespace jixiao {

std::unique_ptr<Database> OpenArchive(const std::string& url) {
  if (url.empty()) return nullptr;
  return std::make_unique<Database>(url);
}

std::string ArchiveLine(const ArchiveOutcome& a, Language lang) {
  std::string run = fmt::format("{:015x}", a.stored.id);
  if (!a.stored.stored) return Pick(Format(msg::kArchivedAgain, a.database), lang);
  return Pick(Format(msg::kArchived, a.database, run), lang);
}

}  // namespace jixiao
