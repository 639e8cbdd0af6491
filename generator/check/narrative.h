// The narrative against the data: figures an evaluator wrote into the text
// fragments (text/*.md) compared with the figures jixiao computes from the
// project — the year-end balance, 到位 and 支出, the 当年结余, a fund row's
// amount, the total score and grade, an indicator's score, a named value.
//
// A figure is tied to its subject by the words beside it in the same clause
// (between ，。；： and line ends): "2024 年末资金结转结余 2993.54 万元" is the
// 2024 closing balance, "其中住院救助支出 533.84 万元" the fund row 住院救助.
// Only what the clause names unambiguously is compared, at the precision the
// text writes the figure with; anything else is left alone. Every mismatch is
// a warning finding (kind text-figure) located at the figure in its file.
#pragma once

#include <string>
#include <vector>

#include "check/check.h"

namespace jixiao {

struct NarrativeFile {
  std::string path;  // as the report names it: text/资金情况.md
  std::string text;  // the file's Markdown, whole
};

std::vector<Finding> CheckNarrative(const ScoredProject& sp, const std::vector<NarrativeFile>& files);

}  // namespace jixiao
