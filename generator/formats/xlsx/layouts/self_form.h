// The 项目支出绩效自评表 (财预〔2020〕10号 附件) as both sides see it: the
// file and sheet names and the labels of its blocks. In: nothing; out:
// names. render/xlsx/render_self_xlsx.cpp writes these labels;
// load/load_self_form.cpp and load/input_kind.cpp find the blocks of a
// filled form by them and by the variants provincial budget systems and
// offices write (the k…Labels lists below, each starting with jixiao's own
// label). Labels are compared with all whitespace and a trailing unit in
// brackets removed ("全年预算数（万元）" is 全年预算数): FormLabel().
#pragma once

#include <string>

namespace jixiao {
namespace self_form {

inline constexpr const char* kWorkbookName = "自评表.xlsx";
inline constexpr const char* kSheet = "自评表";
inline constexpr const char* kTitle = "项目支出绩效自评表";

// The project.
inline constexpr const char* kProjectName = "项目名称";
inline constexpr const char* kDepartment = "主管部门";
inline constexpr const char* kImplementer = "实施单位";

// 项目资金: one row per source under 年度资金总额.
inline constexpr const char* kBudget = "项目资金";
inline constexpr const char* kBudgetInitial = "年初预算数";
inline constexpr const char* kBudgetFullYear = "全年预算数";
inline constexpr const char* kBudgetExecuted = "全年执行数";
inline constexpr const char* kWeight = "分值";
inline constexpr const char* kRate = "执行率";
inline constexpr const char* kScore = "得分";
inline constexpr const char* kBudgetTotal = "年度资金总额";
inline constexpr const char* kOfWhich = "其中：";  // before the first source

// 年度总体目标: 预期目标 | 实际完成情况.
inline constexpr const char* kGoals = "年度总体目标";
inline constexpr const char* kGoalExpected = "预期目标";
inline constexpr const char* kGoalActual = "实际完成情况";

// 绩效指标: the indicator table's header.
inline constexpr const char* kIndicators = "绩效指标";
inline constexpr const char* kLevel1 = "一级指标";
inline constexpr const char* kLevel2 = "二级指标";
inline constexpr const char* kLevel3 = "三级指标";
inline constexpr const char* kTarget = "年度指标值";
inline constexpr const char* kActual = "实际完成值";
inline constexpr const char* kDeviation = "偏差原因分析及改进措施";
inline constexpr const char* kDeviationKey = "偏差原因";  // what the reader looks for in it
inline constexpr const char* kNotApplicable = "不适用";

// Below the table.
inline constexpr const char* kTotal = "总分";
inline constexpr const char* kGradePrefix = "自评等级：";
inline constexpr const char* kNotes = "评分说明";

// The variants each field is found by (docs/en/checking.md lists them).
inline constexpr const char* kDepartmentLabels[] = {kDepartment, "主管部门及代码", "主管单位", "预算部门", "部门名称"};
inline constexpr const char* kImplementerLabels[] = {kImplementer, "项目实施单位", "预算单位", "项目单位"};
inline constexpr const char* kBudgetBlockLabels[] = {kBudget, "预算执行情况", "项目资金情况", "资金情况",
                                                     "预算资金"};
inline constexpr const char* kBudgetInitialLabels[] = {kBudgetInitial, "年初预算", "年初预算金额", "年初预算资金"};
inline constexpr const char* kBudgetFullYearLabels[] = {kBudgetFullYear, "预算数", "全年预算", "全年预算金额"};
inline constexpr const char* kBudgetAdjustedLabels[] = {"调整后预算数", "调整数", "调整后预算"};
inline constexpr const char* kBudgetReceivedLabels[] = {"实际到位资金", "到位资金", "资金到位数"};
inline constexpr const char* kBudgetExecutedLabels[] = {kBudgetExecuted, "执行数", "预算执行数", "全年执行",
                                                        "实际支出数", "支出数", "实际执行数"};
inline constexpr const char* kGoalExpectedLabels[] = {kGoalExpected, "年初设定目标", "预期目标完成情况", "年度目标"};
inline constexpr const char* kGoalActualLabels[] = {kGoalActual, "全年实际完成情况", "目标实际完成情况",
                                                    "实际完成情况分析"};
inline constexpr const char* kWeightLabels[] = {kWeight, "权重", "满分", "标准分值", "指标分值", "分数"};
inline constexpr const char* kScoreLabels[] = {kScore, "自评得分", "评分", "实际得分"};
inline constexpr const char* kBudgetTotalLabels[] = {kBudgetTotal, "资金总额", "年度资金合计", "合计", "总额",
                                                     "小计"};
inline constexpr const char* kTargetLabels[] = {kTarget, "年度目标值", "年初目标值", "目标值", "年度指标",
                                                "预期指标值", "全年指标值", "指标值"};
inline constexpr const char* kActualLabels[] = {kActual, "完成值", "全年实际值", "实际值", "全年完成值",
                                                "实际完成", "实际完成情况值"};
inline constexpr const char* kDeviationKeys[] = {kDeviationKey, "未完成原因", "原因分析", "改进措施"};
inline constexpr const char* kTotalLabels[] = {kTotal, "合计", "总计", "综合得分", "得分合计", "自评总分"};
// The split 年度指标值 of some exports: 指标性质 | 指标值 | 度量单位.
inline constexpr const char* kNatureLabels[] = {"指标性质", "指标方向", "符号"};
inline constexpr const char* kValueLabels[] = {"指标值"};
inline constexpr const char* kUnitLabels[] = {"度量单位", "计量单位", "单位"};

// A compacted label (CompactLabel) as compared: without a trailing
// bracketed unit, "全年预算数（万元）" → "全年预算数", "分值(分)" → "分值".
inline std::string FormLabel(std::string compact) {
  static const std::string kOpen = "（", kClose = "）";
  size_t open = std::string::npos;
  if (compact.size() > kClose.size() && compact.compare(compact.size() - kClose.size(), kClose.size(), kClose) == 0)
    open = compact.rfind(kOpen);
  else if (!compact.empty() && compact.back() == ')')
    open = compact.rfind('(');
  if (open != std::string::npos && open > 0) compact.resize(open);
  return compact;
}

template <size_t N>
bool IsLabel(const std::string& form_label, const char* const (&labels)[N]) {
  for (const char* l : labels)
    if (form_label == l) return true;
  return false;
}

}  // namespace self_form
}  // namespace jixiao
