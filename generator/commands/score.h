// `jixiao score`: a project in, every indicator scored (and its terminal
// or JSON rendering) out. Writes nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "archive/archive_run.h"
#include "commands/command_result.h"
#include "commands/project_input.h"
#include "score/score.h"

namespace jixiao {

struct ScoreRequest {
  ProjectInput project;
  std::string indicators;  // a system to use instead of the one project.yaml names
  bool json = false;       // `text` as JSON for machines, else for the terminal
  // The archive to keep this run in (sqlite:FILE, postgresql:…; archive_step.h); "" none.
  std::string db;
  Language language = Language::kChinese;
};

struct ScoreOutcome : CommandResult {
  std::optional<ScoredProject> scored;  // unless refused
  std::string text;                     // RenderJson or RenderTerminal of `scored`
  std::optional<ArchiveOutcome> archive;  // with a db: the run as stored
};

ScoreOutcome RunScore(const ScoreRequest& request);

}  // namespace jixiao
