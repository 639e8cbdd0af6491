// report.docx: the rendered report (its Markdown, the same text the .md and
// .html carry) as a WordprocessingML package in the 公文 manner (GB/T 9704):
// a cover without a page number, a TOC field Word and WPS fill on opening
// (two levels and the 附件), "— 1 —" page numbers, headings 黑体/楷体,
// body 仿宋 三号 on fixed 28 pt lines with a two-character indent, tables
// 宋体 with full borders and repeated header rows, each 附件 on a new page
// and a wide one in a landscape section. Written as one XML buffer per part
// and zipped with zlib's deflate; no docx library is packaged.
#pragma once

#include <optional>
#include <string>
#include <vector>

struct cmark_node;

namespace jixiao {

class TablePlans;  // render/table_plan.h

// A chart of the report as a native Word chart (DrawingML, its figures in
// the chart part's cache), which Word, WPS and LibreOffice draw themselves.
struct DocxSeries {
  std::string name;   // the legend's entry: 当年收入
  std::string color;  // RRGGBB
  std::vector<std::optional<std::string>> values;  // per category, decimal text; none: no bar there
};
struct DocxChart {
  std::string mark;      // the paragraph of the Markdown it replaces, whole (the layout mark)
  bool horizontal = false;  // bars across (一级指标得分率), else columns
  bool stacked = false;     // the series share one bar each (kinds of one figure), else side by side
  bool percent = false;     // rates: an axis of 0–100% and labels 0.00%
  std::string unit;         // the value axis's title when not a rate (万元)
  std::string caption;      // after 图N
  std::vector<std::string> categories;
  std::vector<DocxSeries> series;
};

// The .docx package's bytes for a report's Markdown. With `reference_styles`
// (a styles.xml from ReadReferenceStyles), the report takes its styles from
// it: each of jixiao's styles is matched by its name (heading 1, toc 1,
// Title, 正文, 表格文字 …), so the ids a localized Word gives them on saving
// ("1" for heading 1) are followed; a style the reference lacks is added.
// `charts` stand where their mark's paragraph is, numbered 图1, 图2 … in
// the order they appear, each with its caption below.
std::string RenderDocx(const std::string& markdown, const std::string* reference_styles = nullptr,
                       const std::vector<DocxChart>* charts = nullptr);

// The same package from the tree report.html's Markdown was parsed into
// (MarkdownToHtml: the layout marks in it, before the HTML changes the tree),
// so a report's Markdown is parsed once for both. Mark paragraphs stand for
// nothing, a chart's mark for its chart. Empty when the tree is not the one
// the Markdown without its marks would give (a mark inside a paragraph, a
// table or a code block; struck-through text): RenderDocx then.
// `size_hint`: the Markdown's size; `plans`: the tables' plans, kept for
// report.html's layout of the same tree (render/table_plan.h).
std::string RenderDocxFromMarkedTree(cmark_node* doc, size_t size_hint, const std::string* reference_styles,
                                     const std::vector<DocxChart>* charts, TablePlans* plans = nullptr);

// word/styles.xml of a reference .docx a firm restyled in Word or WPS (any
// report.docx jixiao wrote is one to start from). Throws InputError
// (reference-docx-invalid) naming the file when it is not a .docx with styles.
std::string ReadReferenceStyles(const std::string& path);

}  // namespace jixiao
