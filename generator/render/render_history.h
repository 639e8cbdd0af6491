// `jixiao history` answers rendered: for the terminal, as JSON, and as a
// workbook. The terminal and the workbook share one plan per answer
// (HistoryTable: a title, heads and rows of cells), so they show the same
// columns; the JSON keeps each answer's own structure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/history.h"

namespace jixiao {

struct HistoryCell {
  std::string text;               // as displayed
  std::optional<Decimal> number;  // a score or count, for the workbook
  bool change = false;            // a signed change (+2.70, −1.00)
};

struct HistoryTable {
  std::string title;
  std::vector<std::string> heads;
  std::vector<std::vector<HistoryCell>> rows;
  std::string note;  // under the table ("12 more not listed")
};

std::vector<HistoryTable> HistoryTables(const ProjectHistory& h, Language lang);
std::vector<HistoryTable> HistoryTables(const DepartmentHistory& h, Language lang);
std::vector<HistoryTable> HistoryTables(const SystemDistribution& h, Language lang);
std::vector<HistoryTable> HistoryTables(const RevisedHistory& h, Language lang);

// The tables as aligned text (CJK counted two columns wide).
std::string RenderHistoryTerminal(const std::vector<HistoryTable>& tables);
// Each table a sheet (its title in the first row), written whole to `path`.
void RenderHistoryXlsx(const std::vector<HistoryTable>& tables, const std::string& path);

// The tables as JSON, as shown: [{"title", "heads", "rows": [[{"text", "number",
// "change"}…]…], "note"}…] (numbers as exact decimal strings).
std::string RenderHistoryTablesJson(const std::vector<HistoryTable>& tables);

std::string RenderHistoryJson(const ProjectHistory& h);
std::string RenderHistoryJson(const DepartmentHistory& h);
std::string RenderHistoryJson(const SystemDistribution& h);
std::string RenderHistoryJson(const RevisedHistory& h);

// "+2.70", "−1.00" ("0.00" for none): a change between two displayed scores.
std::string ChangeText(const Decimal& change);

}  // namespace jixiao
