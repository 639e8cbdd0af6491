// Report data: a ScoredProject plus the evaluator's narrative fragments in,
// the values every report template reads out.
//
// Fragments are Markdown files in the project's text/ folder (项目概况.md,
// 绩效目标.md, 主要绩效.md, 问题.md, 建议.md, 指标/A11.md for an indicator's
// evidence, 附件-*.md for further annexes). Their raw HTML is neutralised
// here, so nothing from an input reaches a page as markup.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/input_files.h"
#include "check/narrative.h"
#include "score/score.h"

namespace jixiao {

struct Fragments {
  std::string dir;  // the text/ folder
  std::map<std::string, std::string> text;       // 项目概况 → Markdown
  std::map<std::string, std::string> evidence;   // A11 → Markdown
  std::vector<std::pair<std::string, std::string>> annexes;  // title → Markdown
  std::vector<NarrativeFile> sources;  // every file read, whole, by its path: what the report checks
};

// Reads a project's fragments folder (Project::text_dir, normally
// <project>/text/) through its files (Project::Files(): the disk, or the
// fragments given in memory). A missing folder gives no fragments.
Fragments LoadFragments(const InputFiles& files, const std::string& text_dir);

// Layout marks ([[pagebreak]] …) travel through Markdown and HTML as this
// private-use character around the mark's name; text from inputs never
// contains it (EscapeMarkdown and SanitizeFragment drop it), so a user's
// "[[pagebreak]]" stays text.
inline constexpr const char* kMarkChar = "\xEE\x80\x80";  // U+E000

// Markdown-escapes text from inputs (project.yaml, workbooks) for a
// paragraph or table cell: it never becomes Markdown structure or a link.
// The characters that would start markup are backslash-escaped, line breaks
// become spaces, leading blanks go, a block marker at its start ("2025. ",
// "- ", "+ ", "---", "===") is escaped, and so is what cmark-gfm's autolink
// extension would make a link of ("http\://", "www\.", "a\@b.cn").
// Narrative fragments (text/*.md) are the author's own Markdown and are not
// escaped (SanitizeFragment).
std::string EscapeMarkdown(const std::string& s);
void AppendEscapedMarkdown(std::string& out, std::string_view s);  // the same, appended to `out`

// A narrative fragment made safe to insert: raw HTML and layout marks are
// escaped, the evaluator's Markdown (lists, emphasis, tables) is kept.
std::string SanitizeFragment(const std::string& md);

// 0 → 一, 1 → 二, … 10 → 十一, 19 → 二十: section and item numbers (up to 九十九).
std::string ChineseOrdinal(size_t i);

// The one sentence per rule variant for the 评分说明 annex.
std::string DescribeRule(const Indicator& ind);

// Every name a template may use (docs/templates.md lists them).
const std::vector<std::string>& TemplateVariables();
// The further names self-report.md.mustache may use (self_report_data.cpp).
const std::vector<std::string>& SelfReportVariables();

}  // namespace jixiao
