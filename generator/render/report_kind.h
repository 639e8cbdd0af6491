// Which report a scored project gets — the one place this is decided: a
// ScoredProject in, a ReportKind out. The writer table (report_writers.h)
// and the Markdown renderer (render_markdown.cpp) both ask here.
#pragma once

#include "score/score.h"

namespace jixiao {

enum class ReportKind {
  kEvaluation,      // 绩效评价报告 (report.md.mustache) and 评分表.xlsx
  kSelfEvaluation,  // 自评报告 (self-report.md.mustache) and the Ministry's 自评表.xlsx
};

// kSelfEvaluation for a system with layout: self_evaluation.
ReportKind ReportKindOf(const ScoredProject& sp);

// The Markdown template a kind is rendered from.
const char* MarkdownTemplateFor(ReportKind kind);

}  // namespace jixiao
