// Checking a submitted scoring workbook in 附件1's layout, made by anyone:
// the sheet's tree, weights and 得分 in, findings out — weights that do not
// add up, a score above its weight or blank, lost points without a reason,
// the 合计 against the sum of the scores less deductions (and their cap),
// the grade against its band. The rules cannot be re-run without the
// project's data; a project folder with `stated:` does that (check.h).
#pragma once

#include <map>
#include <string>

#include "check.h"

namespace jixiao {

struct SheetCheck {
  CheckResult result;
  std::string sheet;                        // the worksheet read
  std::map<std::string, Decimal> recomputed;  // code → score (leaves as stated, parents summed)
  Decimal total;
  std::string grade;
};

// Throws InputError when the workbook's layout cannot be recognised (which
// labels were looked for) or it has no 得分 column.
SheetCheck CheckScoringSheet(const std::string& xlsx_path, const CheckOptions& opt);

// A copy of the checked sheet with each flagged cell coloured (errors red,
// warnings amber) and a 审核意见 sheet listing every finding.
void WriteAnnotatedCopy(const std::string& xlsx_path, const SheetCheck& check, const std::string& out_path);

}  // namespace jixiao
