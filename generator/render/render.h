// Renderers: functions of a ScoredProject, nothing else. Each returns the
// text it makes; writing it to a file is the caller's (atomic_file.h).
#pragma once

#include <string>

#include "score/score.h"

namespace jixiao {

// The score table for a terminal: code, name, weight, score, 得分率 and the
// reason for every lost point, then the deductions, total and grade; the
// tool's own words in `lang`, the inputs' names and reasons as written.
std::string RenderTerminal(const ScoredProject& sp, Language lang = Language::kChinese);

// One JSON object: project, system, total, grade, indicators (every node,
// flattened, parents first), deductions, values. Numbers are JSON numbers
// at displayed precision (90.71, 4.71).
std::string RenderJson(const ScoredProject& sp);

// The Excel scoring workbook (评分表.xlsx): sheets 评分表 (附件1 layout,
// merged parent cells, live SUM formulas with cached values), 汇总 (一级
// table and chart), 满意度 and 资金. Written to a temporary name beside
// `path` and renamed into place; throws InputError (cannot-write).
void RenderXlsx(const ScoredProject& sp, const std::string& path);

// The 项目支出绩效自评表 (自评表.xlsx) in the Ministry of Finance's layout,
// for a system with layout: self_evaluation (render_self_xlsx.cpp).
void RenderSelfXlsx(const ScoredProject& sp, const std::string& path);

// A JSON string literal with quotes and escapes.
std::string JsonString(const std::string& s);

}  // namespace jixiao
