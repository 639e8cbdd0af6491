#include "render/table_plan.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstring>

#include "formats/xlsx/xlsx_reader.h"  // CompactLabel: text without its spaces

namespace jixiao {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

}  // namespace

void AppendInlineText(std::string& out, cmark_node* n) {
  for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* literal = cmark_node_get_literal(c)) out += literal;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        break;
      default:
        AppendInlineText(out, c);
    }
  }
}

std::string InlineText(cmark_node* n) {
  std::string out;
  AppendInlineText(out, n);
  return out;
}

bool IsTotalRowLabel(const std::string& first_cell) {
  const std::string lead = CompactLabel(first_cell);
  for (const char* word : {"合计", "总计", "总分", "小计", "平均", "减分项合计"})
    if (StartsWith(lead, word)) return true;
  return false;
}

bool IsCaptionText(const std::string& text) {
  for (const char* lead : {"表", "图"}) {
    if (!StartsWith(text, lead)) continue;
    std::string rest = text.substr(std::strlen(lead));
    for (;;) {  // spaces, a no-break one among them
      if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
      else if (rest.rfind("\xC2\xA0", 0) == 0) rest.erase(0, 2);
      else break;
    }
    return !rest.empty() && rest[0] >= '0' && rest[0] <= '9';
  }
  return false;
}

TablePlan PlanTable(cmark_node* table) {
  const uint16_t columns = cmark_gfm_extensions_get_table_columns(table);
  std::vector<std::vector<cmark_node*>> cells;  // per row, per column; null where a row is short
  for (cmark_node* row = cmark_node_first_child(table); row; row = cmark_node_next(row)) {
    std::vector<cmark_node*> r(columns, nullptr);
    uint16_t k = 0;
    for (cmark_node* cell = cmark_node_first_child(row); cell && k < columns; cell = cmark_node_next(cell), ++k)
      r[k] = cell;
    cells.push_back(std::move(r));
  }
  auto text = [&](size_t r, uint16_t k) { return cells[r][k] ? InlineText(cells[r][k]) : std::string(); };
  TablePlan plan;
  plan.span.assign(cells.size(), std::vector<int>(columns, 1));
  plan.total.assign(cells.size(), false);
  if (cells.empty() || columns == 0) return plan;
  for (size_t r = 1; r < cells.size(); ++r) plan.total[r] = IsTotalRowLabel(text(r, 0));

  // The hierarchy: leading columns headed …指标 (一级指标, 二级指标, 指标).
  uint16_t levels = 0;
  while (levels < columns && EndsWith(CompactLabel(text(0, levels)), "指标")) ++levels;
  // The last of them holds the leaves, one per row even when two share a
  // name: only the parents before it merge.
  for (uint16_t k = 0; k + 1 < levels; ++k) {
    size_t first = 0;  // the row a run of equal cells starts at; 0: none
    std::string first_text;
    for (size_t r = 1; r < cells.size(); ++r) {
      std::string t = text(r, k);
      const bool joins = first != 0 && !t.empty() && t == first_text &&
                         (k == 0 || plan.span[r][k - 1] == 0);  // the parent merges across this row too
      if (joins) {
        plan.span[r][k] = 0;
        ++plan.span[first][k];
      } else {
        first = r;
        first_text = std::move(t);
      }
    }
  }
  return plan;
}

const TablePlan& TablePlans::For(cmark_node* table) {
  auto it = plans_.find(table);
  if (it == plans_.end()) it = plans_.emplace(table, PlanTable(table)).first;
  return it->second;
}

}  // namespace jixiao
