// What the 自评表 and the 自评报告 both show of a scored self-evaluation:
// takes a ScoredProject (or its system); gives the indicator rows of the
// form, the report's title, the 预算执行率 leaf and the 评分说明 lines that
// say which variant of each rule was applied.
#pragma once

#include <string>
#include <vector>

#include "score/score.h"

namespace jixiao {

// One indicator row of the 自评表 (every leaf but 预算执行率): its path
// from the 一级 indicator down, and what the form shows for it.
struct SelfFormRow {
  std::vector<const ScoredIndicator*> path;  // 一级, 二级, …, the leaf
  const ScoredIndicator* leaf = nullptr;
  std::string target;     // 年度指标值 as written, "—" when none
  std::string actual;     // 实际完成值 as written (or the value read), "—" when none
  std::string deviation;  // 偏差原因分析及改进措施: the answer's, else the reason for lost points
  std::string status;     // 已完成, 未完成, 不适用
  bool not_applicable = false;
};

// "城乡医疗救助项目支出绩效自评报告": the name, "项目" unless it ends so,
// "支出绩效自评报告" (004's title).
std::string SelfReportTitle(const std::string& project_name);

// The leaf scored by the budget_rate rule (the 项目资金 block), if any.
const ScoredIndicator* FindBudgetRateLeaf(const ScoredProject& sp);
std::vector<SelfFormRow> SelfFormRows(const ScoredProject& sp);

// The 评分说明 of the options applied: 预算执行率 and its base, the
// quantitative and qualitative rules, over-achievement, 折算计分.
std::vector<std::string> SelfEvaluationNotes(const IndicatorSystem& sys);

}  // namespace jixiao
