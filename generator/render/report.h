// The full evaluation report: a ScoredProject, the templates and the
// evaluator's fragments in; report.md, report.html and 评分表.xlsx out.
//
// The Markdown is rendered from templates/report.md.mustache; the HTML is
// that Markdown through cmark-gfm, wrapped in report.html.mustache with
// report.css inline and the SVG charts placed at their marks.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/history.h"
#include "render/docx/render_docx.h"
#include "render/report_data.h"
#include "score/score.h"

namespace jixiao {

struct CheckResult;  // check/check.h

struct TemplateSet {
  std::map<std::string, std::string> files;   // report.md.mustache → text
  std::map<std::string, std::string> origin;  // → the file it came from, for errors
  struct Need {
    std::string file;
    int line;
    std::string fragment;  // 项目概况 for {{{text.项目概况}}}
  };
  std::vector<Need> required;  // fragments the templates cannot do without
  Diagnostics warnings;        // what the check found risky but allowed ({{{x}}} in an HTML template)
  // report.docx's styles from a reference .docx (reference.docx in the
  // templates folder, or `--reference-docx`); null: the built-in 公文 styles.
  std::shared_ptr<const std::string> docx_styles;
};

// The embedded defaults, each replaced by the file of the same name in
// `override_dir` when it has one. Every tag is checked here, once: a
// syntax error or a variable not in TemplateVariables() is an InputError
// naming the template file and line; so is a missing folder.
TemplateSet LoadTemplates(const std::string& override_dir);
// Reads a reference .docx's styles into `t` (report.docx then takes them).
// Throws InputError (reference-docx-invalid) naming the file.
void UseReferenceDocx(TemplateSet& t, const std::string& path);

// A project's fragments against what the templates require ({{{text.X}}}
// outside a {{#text.X}} section): a missing text/X.md is an InputError
// naming the template file and line.
// `markdown_template`, when given, limits the check to that template's needs
// (self-report.md.mustache for a self-evaluation, else report.md.mustache).
void ValidateTemplates(const TemplateSet& t, const Fragments& fragments,
                       const std::string& markdown_template = "");

// What stands in the report for a required fragment the project does not
// have: "【待补充：项目概况（text/项目概况.md）】" — the fragment's name and
// the file expected, named by the fragments folder's own name.
std::string FragmentPlaceholder(const Fragments& fragments, const std::string& name);

// `fragments` with every fragment the templates require but the project
// lacks set to its FragmentPlaceholder, one warning (fragment-placeholder,
// at the template's line, naming the file expected) per missing fragment.
Fragments FillMissingFragments(const TemplateSet& t, const Fragments& fragments,
                               const std::string& markdown_template, Diagnostics& warnings);

struct ReportOptions {
  // A required fragment missing refuses the report (missing-fragment)
  // instead of writing it with a placeholder (`report --strict`).
  bool strict = false;
  // report.pdf too, from report.docx (render/pdf/convert_pdf.h), converted
  // in the scratch folder so it appears with the others (`report --pdf`).
  bool pdf = false;
  // Last year's figures from the archive (archive/archive_run.h): the report
  // sets them beside this year's when given.
  const PreviousYear* previous = nullptr;
  // The project's CheckProject(sp, CheckOptions{}) when the caller has it
  // already (batch, for its summary row): the report's consistency check
  // uses it instead of checking the project again.
  const CheckResult* check = nullptr;
};

struct Report {
  std::string markdown;  // with layout marks removed
  std::string html;
  std::shared_ptr<const std::string> docx_styles;  // the template set's (TemplateSet::docx_styles)
  // report.docx's Markdown when `docx` is empty: `markdown` with the chart
  // marks kept where the charts go; and the charts' figures
  // (render/docx/render_docx.h).
  std::string docx_markdown;
  std::vector<DocxChart> docx_charts;
  // report.docx's bytes, written from report.html's parse of the Markdown
  // (RenderDocxFromMarkedTree); empty when that tree would not do, and the
  // writer renders docx_markdown instead.
  std::string docx;
  Diagnostics warnings;  // fragment-placeholder: what the report holds a placeholder for
};

Report RenderReport(const ScoredProject& sp, const TemplateSet& t, const Fragments& fragments,
                    const ReportOptions& options = {});

class TablePlans;  // render/table_plan.h

// Markdown → HTML body (cmark-gfm with tables; raw HTML is never passed).
std::string MarkdownToHtml(const std::string& md);
// The same, with `read` given the parsed tree before the HTML's structure
// changes it (RenderReport writes report.docx from it), and the plans of
// its tables, which the HTML then uses too.
std::string MarkdownToHtml(const std::string& md, const std::function<void(cmark_node*, TablePlans&)>& read);

// A page of its own around Markdown (for check.html): the report's CSS.
std::string RenderStandaloneHtml(const std::string& title, const std::string& markdown);

// Text for HTML and SVG: & < > " escaped.
std::string XmlEscape(const std::string& s);

// Inline SVG charts.
std::string SvgLevel1Chart(const ScoredProject& sp);
std::string SvgBalanceChart(const ScoredProject& sp);  // empty when fewer than 2 years

// A file written with the report, in the same set (batch: check.md).
struct ExtraOutput {
  std::string name;  // in the output folder
  std::string content;
};

// Writes the files of the project's report kind into `out_dir`, by the
// writer table (report_writers.h): report.md, report.html and 评分表.xlsx,
// or 自评表.xlsx for a self-evaluation, and `extra`. The files appear
// together or not at all (PendingFolder: a scratch folder beside `out_dir`,
// flushed and swapped in). Returns the paths written; the report's
// warnings (Report::warnings) are appended to `warnings` when given.
std::vector<std::string> WriteReport(const ScoredProject& sp, const TemplateSet& t,
                                     const std::string& out_dir,
                                     const std::vector<ExtraOutput>& extra = {},
                                     const ReportOptions& options = {}, Diagnostics* warnings = nullptr);

}  // namespace jixiao
