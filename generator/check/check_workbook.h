// Checking a submitted scoring workbook in 附件1's layout, made by anyone:
// the sheet's tree, weights and 得分 in, findings out — weights that do not
// add up, a score above its weight or blank, lost points without a reason,
// the 合计 against the sum of the scores less deductions (and their cap),
// the grade against its band. The rules cannot be re-run without the
// project's data; a project folder with `stated:` does that (check.h).
#pragma once

#include <map>
#include <optional>
#include <vector>
#include <string>

#include "check/check.h"

namespace jixiao {

// One row of the 审核得分 column a reviewer fills: jixiao pre-fills the
// score it accepts (a blank as 0, a score above the weight as the weight)
// beside the submitted one.
struct ReviewRow {
  int row = 0;  // 0-based row of the sheet
  std::string code;
  std::optional<Decimal> submitted;
  Decimal accepted;
};

struct SheetCheck {
  CheckResult result;
  std::vector<ReviewRow> review;  // leaves, then the 合计 row
  std::string sheet;                        // the worksheet read
  std::map<std::string, Decimal> recomputed;  // code → score (leaves as stated, parents summed)
  Decimal total;
  std::string grade;
};

// Throws InputError when the workbook's layout cannot be recognised (which
// labels were looked for) or it has no 得分 column. `bytes`, when given,
// are the workbook held in memory (an upload) that `xlsx_path` names in
// findings and diagnostics; null reads `xlsx_path`.
SheetCheck CheckScoringSheet(const std::string& xlsx_path, const CheckOptions& opt,
                             const std::string* bytes = nullptr);

// A copy of the checked sheet with each flagged cell coloured (errors red,
// warnings amber) and a 审核意见 sheet listing every finding. `bytes` as
// for CheckScoringSheet: the same workbook, so the same copy either way.
void WriteAnnotatedCopy(const std::string& xlsx_path, const SheetCheck& check, const std::string& out_path,
                        const std::string* bytes = nullptr);

}  // namespace jixiao
