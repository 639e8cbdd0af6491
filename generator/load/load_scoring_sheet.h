// Reading a scoring sheet in 附件1's layout, made by jixiao or by anyone:
// an .xlsx in; the indicator tree it states (codes, names, weights, texts,
// the total and the cap on deductions) and what a submitted sheet states
// beside the tree (each leaf's 得分 and 扣分原因, 合计, 减分, 评价等级) out.
// `import` infers each leaf's rule from it; `check` checks the scores.
//
// The sheet: a header found by its labels (formats/xlsx/layouts/
// scoring_sheet.h: 一级指标 / 二级指标 / 三级指标, each over 名称 | 权重,
// then 指标解释, 评分标准 or 指标说明和评分标准, 得分, 扣分原因), anywhere
// below a title; one row per leaf below it, each parent either merged down
// over its rows or written on its first row only; codes prefixed to names
// ("A11 立项依据充分性") or generated (A, A1, A11). The tree's weights are
// checked as the loader checks them, naming sheet!cell.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "model/indicator.h"
#include "model/stated.h"

namespace jixiao {

struct ScoringSheetOptions {
  std::string sheet;     // the worksheet to read; default: the first with the layout
  std::string name;      // the system's name; default: from the title row, else the file name
  bool lenient = false;  // weights that do not sum go to ScoringSheet::problems (for check)
};

// What a submitted sheet states beside its tree: each leaf's 得分 and
// 扣分原因, and the rows below (合计, 减分, 评价等级). Read for `check`.
struct SheetScores {
  std::map<std::string, StatedNumber> scores;   // leaf code → 得分
  std::map<std::string, std::string> reasons;   // leaf code → 扣分原因
  std::vector<std::pair<std::string, SourceLoc>> blank;  // leaves whose 得分 is empty
  std::optional<StatedNumber> total;
  std::optional<SourceLoc> total_loc;  // the 合计 row's 得分 cell, when it is blank
  std::optional<StatedText> grade;
  std::vector<std::pair<std::string, StatedNumber>> deductions;
  bool has_score_column = false;
  int reason_column = -1;
};

// One leaf as the sheet states it.
struct ScoringSheetLeaf {
  std::string code;
  std::string name;
  SourceLoc criteria_loc;  // the 评分标准 cell
};

struct ScoringSheet {
  std::string path;   // the workbook
  std::string sheet;  // the worksheet read
  // The tree with weights and texts; the leaves have no rule. Grades are
  // the default bands (a sheet does not state them).
  IndicatorSystem system;
  std::vector<ScoringSheetLeaf> leaves;  // in sheet order (the tree's leaves, depth first)
  int generated_codes = 0;               // codes the sheet did not write
  SheetScores scores;
  std::vector<Diagnostic> problems;  // with ScoringSheetOptions::lenient: weights that do not sum
};

// Throws InputError naming the workbook (and sheet!cell): a layout that
// cannot be recognised (saying which labels were looked for), a parent's
// name missing, a weight missing or not a number, weights that do not sum
// (unless lenient), a code used twice, a 得分 that is not a number.
// `bytes`, when given, are the workbook held in memory (an upload) that
// `xlsx_path` only names in diagnostics; null reads `xlsx_path`.
ScoringSheet LoadScoringSheet(const std::string& xlsx_path, const ScoringSheetOptions& options = {},
                              const std::string* bytes = nullptr);

}  // namespace jixiao
