// `jixiao score`: a project in, every indicator scored (and its terminal
// or JSON rendering) out. Writes nothing.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "commands/command_result.h"
#include "commands/project_input.h"
#include "score/score.h"

namespace jixiao {

struct ScoreRequest {
  ProjectInput project;
  std::string indicators;  // a system to use instead of the one project.yaml names
  bool json = false;       // `text` as JSON for machines, else for the terminal
  Language language = Language::kChinese;
};

struct ScoreOutcome : CommandResult {
  std::optional<ScoredProject> scored;  // unless refused
  std::string text;                     // RenderJson or RenderTerminal of `scored`
};

ScoreOutcome RunScore(const ScoreRequest& request);

}  // namespace jixiao
