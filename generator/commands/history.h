// `jixiao history`: what the archive (--db) knows, asked four ways — a
// project across years, a department's projects, a system's score
// distribution per year, the submissions whose stated total review changed —
// and answered for the terminal, as JSON, or as a workbook (-o FILE.xlsx).
#pragma once

#include <string>

#include "commands/command_result.h"
#include "render/render_history.h"

namespace jixiao {

enum class HistoryQuestion { kProject, kDepartment, kSystem, kRevised };

struct HistoryRequest {
  std::string db;  // the archive's URL (required)
  HistoryQuestion question = HistoryQuestion::kProject;
  std::string subject;      // the project, department or system asked about (not for kRevised)
  std::string year;         // kRevised: only this year
  std::string department;   // kRevised: only this department
  size_t limit = 200;       // kRevised: at most this many
  bool json = false;        // `text` as JSON
  std::string xlsx;         // also write the answer to this workbook
  Language language = Language::kChinese;
};

struct HistoryOutcome : CommandResult {
  std::string text;  // for the terminal, or JSON
  std::vector<HistoryTable> tables;  // the answer as the terminal and the workbook show it (the desk's page too)
};

// exit kInput when the database cannot be read or holds nothing matching.
HistoryOutcome RunHistory(const HistoryRequest& request);

}  // namespace jixiao
