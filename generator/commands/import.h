// `jixiao import`: a scoring sheet (.xlsx in 附件1's layout) in, on disk or
// uploaded; an indicator system written as YAML out (import/import_system.h
// reads the sheet and infers the rules). The output must not exist unless
// `force`, and must not be the workbook itself; what was written is loaded
// back with LoadSystem, so errors name its lines.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "commands/command_result.h"
#include "import/import_system.h"

namespace jixiao {

struct ImportRequest {
  std::string workbook;  // the scoring sheet; with `bytes`, only its name (in diagnostics)
  std::shared_ptr<const std::string> bytes;  // the scoring sheet held in memory (an upload); null: read `workbook`
  std::string out;       // the YAML to write
  ImportOptions options;  // sheet, name, force
  Language language = Language::kChinese;
};

struct ImportOutcome : CommandResult {
  std::optional<ImportedSystem> imported;  // unless refused
  std::string summary;                     // RenderImportSummary in the request's language
};

ImportOutcome RunImport(const ImportRequest& request);

}  // namespace jixiao
