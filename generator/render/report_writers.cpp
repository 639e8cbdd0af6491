#include "render/report_writers.h"

#include "base/atomic_file.h"
#include "formats/xlsx/layouts/scoring_sheet.h"
#include "formats/xlsx/layouts/self_form.h"
#include "render/docx/render_docx.h"
#include "render/render.h"

namespace jixiao {
namespace {

void WriteMarkdown(const ScoredProject&, const Report& report, const std::string& path) {
  WriteFileAtomic(path, report.markdown);
}
void WriteHtml(const ScoredProject&, const Report& report, const std::string& path) {
  WriteFileAtomic(path, report.html);
}
void WriteDocx(const ScoredProject&, const Report& report, const std::string& path) {
  // Written by RenderReport from report.html's parse, unless that tree would not do.
  if (!report.docx.empty())
    WriteFileAtomic(path, report.docx);
  else
    WriteFileAtomic(path, RenderDocx(report.docx_markdown.empty() ? report.markdown : report.docx_markdown,
                                     report.docx_styles.get(), &report.docx_charts));
}
void WriteScoringWorkbook(const ScoredProject& sp, const Report&, const std::string& path) { RenderXlsx(sp, path); }
// A self-evaluation gets the Ministry's 自评表 instead of the scoring workbook.
void WriteSelfForm(const ScoredProject& sp, const Report&, const std::string& path) { RenderSelfXlsx(sp, path); }

}  // namespace

const std::vector<ReportWriter>& ReportWriters() {
  using K = ReportKind;
  static const std::vector<ReportWriter> writers = {
      {"md", "report.md", K::kEvaluation, WriteMarkdown},
      {"md", "report.md", K::kSelfEvaluation, WriteMarkdown},
      {"html", "report.html", K::kEvaluation, WriteHtml},
      {"html", "report.html", K::kSelfEvaluation, WriteHtml},
      {"docx", "report.docx", K::kEvaluation, WriteDocx},
      {"docx", "report.docx", K::kSelfEvaluation, WriteDocx},
      {"xlsx", scoring_sheet::kWorkbookName, K::kEvaluation, WriteScoringWorkbook},
      {"xlsx", self_form::kWorkbookName, K::kSelfEvaluation, WriteSelfForm},
  };
  return writers;
}

}  // namespace jixiao
