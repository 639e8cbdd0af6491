// Submitted 项目支出绩效自评表 as units send them: the Ministry's layout and
// the variants provincial budget systems export (other labels, columns in
// another order, title rows above, blanks), written with libxlsxwriter from
// a description, so each test states the shape it reviews.
#pragma once

#include <xlsxwriter.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace jixiao::testing {

struct FormRowSpec {
  std::string l1, l2, l3, target, actual, weight, score, deviation;  // "" leaves the cell blank
};

struct FormSpec {
  std::string sheet = "自评表";
  int title_rows = 2;  // rows above 项目名称 (a title and the year)
  std::string year_title = "（2024年度）";
  std::string name = "城乡医疗救助项目";
  std::string department_label = "主管部门", department = "某县医疗保障局";
  std::string implementer_label = "实施单位", implementer = "某县医疗保障局";
  // 项目资金: the block's label and its columns.
  std::string budget_block = "项目资金（万元）";
  std::vector<std::string> budget_heads = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  std::string total_label = "年度资金总额";
  // Per column of budget_heads ("" blank); the 执行率 column is written as text.
  std::vector<std::string> budget_total = {"100", "100", "100", "10", "100%", "10"};
  std::vector<std::pair<std::string, std::vector<std::string>>> sources = {
      {"其中：当年财政拨款", {"100", "100", "100", "", "", ""}}, {"上年结转资金", {}}, {"其他资金", {}}};
  std::string goal_expected = "保障困难群众基本医疗", goal_actual = "已完成年度目标";
  std::string goal_expected_label = "预期目标", goal_actual_label = "实际完成情况";
  // The indicator table: its columns, by the field each holds, in order.
  std::vector<std::string> columns = {"l1", "l2", "l3", "target", "actual", "weight", "score", "deviation"};
  std::vector<std::string> labels = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                     "分值", "得分", "偏差原因分析及改进措施"};
  std::vector<FormRowSpec> rows = {
      {"产出指标", "数量指标", "救助人次", "≥1000人次", "1200人次", "20", "20", ""},
      {"产出指标", "质量指标", "救助比例", "≥70%", "72%", "20", "20", ""},
      {"产出指标", "时效指标", "资金发放及时", "及时", "及时", "10", "10", ""},
      {"效益指标", "社会效益指标", "困难群众医疗负担减轻", "有所减轻", "明显减轻", "15", "15", ""},
      {"效益指标", "可持续影响指标", "政策持续实施", "长期", "长期", "15", "15", ""},
      {"满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "95%", "10", "10", ""},
  };
  std::string total_row_label = "总分";
  std::string total_weight = "100", total_score = "100";
  std::string grade_text = "自评等级：优";
};

inline void WriteCell(lxw_worksheet* ws, int r, int c, const std::string& v) {
  if (v.empty()) return;
  char* end = nullptr;
  double d = std::strtod(v.c_str(), &end);
  if (end && *end == '\0' && end != v.c_str())
    worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), d, nullptr);
  else
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v.c_str(), nullptr);
}

// Writes the form; returns the row (0-based) of the indicator header.
inline int WriteForm(const std::string& path, const FormSpec& s) {
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, s.sheet.c_str());
  int r = 0;
  if (s.title_rows > 0) WriteCell(ws, r++, 0, "项目支出绩效自评表");
  for (int i = 1; i < s.title_rows; ++i) WriteCell(ws, r++, 0, i == 1 ? s.year_title : "");
  WriteCell(ws, r, 0, "项目名称"), WriteCell(ws, r, 1, s.name), ++r;
  WriteCell(ws, r, 0, s.department_label), WriteCell(ws, r, 1, s.department);
  WriteCell(ws, r, 5, s.implementer_label), WriteCell(ws, r, 6, s.implementer), ++r;
  if (!s.budget_block.empty()) {
    WriteCell(ws, r, 0, s.budget_block);
    for (size_t i = 0; i < s.budget_heads.size(); ++i) WriteCell(ws, r, 2 + static_cast<int>(i), s.budget_heads[i]);
    ++r;
    WriteCell(ws, r, 1, s.total_label);
    for (size_t i = 0; i < s.budget_total.size(); ++i) WriteCell(ws, r, 2 + static_cast<int>(i), s.budget_total[i]);
    ++r;
    for (const auto& [label, values] : s.sources) {
      WriteCell(ws, r, 1, label);
      for (size_t i = 0; i < values.size(); ++i) WriteCell(ws, r, 2 + static_cast<int>(i), values[i]);
      ++r;
    }
  }
  WriteCell(ws, r, 0, "年度总体目标"), WriteCell(ws, r, 1, s.goal_expected_label), WriteCell(ws, r, 5, s.goal_actual_label);
  ++r;
  WriteCell(ws, r, 1, s.goal_expected), WriteCell(ws, r, 5, s.goal_actual), ++r;
  const int header = r;
  WriteCell(ws, r, 0, "绩效指标");
  for (size_t i = 0; i < s.labels.size(); ++i) WriteCell(ws, r, 1 + static_cast<int>(i), s.labels[i]);
  ++r;
  for (const auto& row : s.rows) {
    for (size_t i = 0; i < s.columns.size(); ++i) {
      const std::string& field = s.columns[i];
      const std::string& v = field == "l1" ? row.l1 : field == "l2" ? row.l2 : field == "l3" ? row.l3
                             : field == "target" ? row.target : field == "actual" ? row.actual
                             : field == "weight" ? row.weight : field == "score" ? row.score : row.deviation;
      WriteCell(ws, r, 1 + static_cast<int>(i), v);
    }
    ++r;
  }
  WriteCell(ws, r, 0, s.total_row_label);
  for (size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i] == "weight") WriteCell(ws, r, 1 + static_cast<int>(i), s.total_weight);
    if (s.columns[i] == "score") WriteCell(ws, r, 1 + static_cast<int>(i), s.total_score);
    if (s.columns[i] == "deviation") WriteCell(ws, r, 1 + static_cast<int>(i), s.grade_text);
  }
  workbook_close(wb);
  return header;
}

}  // namespace jixiao::testing
