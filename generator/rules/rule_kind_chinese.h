// The rule kinds as the workbooks name them (要点等分, 阶梯扣分, 专家评定):
// a kind in, its Chinese name out. The data-collection workbook's 评分方式
// column shows it (render/xlsx/collect_workbook.cpp) and its reader names a
// kind with it in diagnostics (load/load_workbook.cpp), so it sits below both.
#pragma once

#include "model/indicator.h"

namespace jixiao {

const char* RuleKindChinese(RuleKind k);

}  // namespace jixiao
