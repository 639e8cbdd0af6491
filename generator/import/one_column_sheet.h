// A 附件1 with one weight column for all its levels, for `import`: an .xlsx
// in; the same ScoringSheet load/load_scoring_sheet.h gives for the
// three-权重 layout out (the tree, its weights and texts; no scores).
//
// The layout (labels in formats/xlsx/layouts/scoring_sheet.h): a header row
// with 一级指标, 二级指标, 三级指标 … each over one column of names (no
// 名称 | 权重 pair under it), one column headed 分值 (or 权重, 分数, 标准分,
// 满分) and a 评分标准 column. Each row's weight belongs to the deepest
// indicator named on that row. So both ways such sheets are written read:
//   - a parent on a row of its own carrying its total (决策 | | | 20), its
//     children on the rows below;
//   - a leaf's row also naming its parents (merged down, written on the
//     first row only, or repeated), the parents' totals in their names
//     ("决策（20分）") or nowhere, when they are their children's sums.
// Or, with no level labels, one column of indicators (评价指标, 指标名称,
// 指标 …) beside the 分值 column, each row one indicator whose level its code
// gives (A, A1, A11; 1, 1.1, 1.1.1: the parent is the nearest indicator
// above whose code begins it) or its numbering (一、 （一） 1. （1）, levels in
// the order the styles first appear); a row with neither is a leaf below a
// parent's row (one without criteria) or beside the leaf above.
// A parent whose total is written is checked against its children.
#pragma once

#include <optional>
#include <string>

#include "load/load_scoring_sheet.h"

namespace jixiao {

// nullopt when no sheet (or not options.sheet) has the layout. Throws
// InputError naming sheet!cell and the indicator: a weight that is not a
// number, a leaf without a weight, a parent's name missing, weights that
// do not sum, a code used twice.
std::optional<ScoringSheet> ReadOneColumnSheet(const std::string& xlsx_path, const ScoringSheetOptions& options,
                                               const std::string* bytes);

}  // namespace jixiao
