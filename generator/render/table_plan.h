// How a report's Markdown table is laid out on a page, decided once for the
// HTML (render_html.cpp: rowspan) and the Word writer (docx/render_docx.cpp:
// w:vMerge): which cells merge with the ones above them, which rows are
// totals set in bold, which paragraph is a table's caption.
//
// Markdown has no merged cells, so the report's Markdown names a parent
// indicator on every row it covers (附件1's 一级/二级 columns, 表 4-N's 二级
// column): each row reads whole in report.md and in any Markdown viewer,
// and the writers that can merge turn the repeats back into one cell, as
// 评分表.xlsx merges them (render/xlsx/render_xlsx.cpp, WriteLeafRows).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

struct cmark_node;

namespace jixiao {

struct TablePlan {
  // Per row (the header row first), per column: 1 a cell of its own, n > 1
  // the first of n cells merged downwards, 0 a cell inside a merge above it.
  std::vector<std::vector<int>> span;
  // Per row: a total (合计, 总分, …), set in bold.
  std::vector<bool> total;
};

// The leading columns whose header names an indicator level (一级指标,
// 二级指标, 三级指标, 指标) are the hierarchy: a body cell there merges with
// the cell above when both hold the same non-empty text and the columns to
// its left merge too (a 二级 never spans two 一级). The last of those columns
// holds the leaves and, like every other column, never merges.
TablePlan PlanTable(cmark_node* table);

// The plans of one parsed document's tables, each made when first asked
// for: report.docx and report.html lay out the same tree's tables.
class TablePlans {
 public:
  const TablePlan& For(cmark_node* table);

 private:
  std::unordered_map<cmark_node*, TablePlan> plans_;
};

// A row whose first cell starts a total: 合计, 总计, 总分, 小计, 平均 and a
// 减分项合计. Rows that merely come last (a 减分项 row) are not totals.
bool IsTotalRowLabel(const std::string& first_cell);

// "表 4-1 决策指标得分情况", "图 1 …": 表 or 图 and a number. A 表 caption
// stays on the page of the table under it.
bool IsCaptionText(const std::string& text);

// The plain text of a node's inlines (a cell, a heading, a paragraph).
std::string InlineText(cmark_node* n);
void AppendInlineText(std::string& out, cmark_node* n);  // the same, appended to `out`

}  // namespace jixiao
