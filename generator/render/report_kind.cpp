#include "render/report_kind.h"

namespace jixiao {

ReportKind ReportKindOf(const ScoredProject& sp) {
  return sp.system().SelfEvaluation() ? ReportKind::kSelfEvaluation : ReportKind::kEvaluation;
}

const char* MarkdownTemplateFor(ReportKind kind) {
  return kind == ReportKind::kSelfEvaluation ? "self-report.md.mustache" : "report.md.mustache";
}

}  // namespace jixiao
